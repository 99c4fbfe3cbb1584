// Starts, once for the whole jest run, an in-memory Azurite, the local identity provider and the
// Power BI emulator.
// Suites read them from the environment (inherited by the jest workers started after this):
//   AZURITE_CONNECTION_STRING, PLANBOARD_IDENTITY_CONFIG (JSON of /_emulator/config),
//   PLANBOARD_IDENTITY_URL + NODE_EXTRA_CA_CERTS (for the identity package's test helpers),
//   PLANBOARD_POWERBI_PORT (the Power BI emulator, seeded with the sample tenant) and
//   PLANBOARD_POWERBI_HTTPS_PORT (its report embed page, https://emulator.powerbi.com:<port>).
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { startAzurite } = require('../../emulators/stack/dist/azurite');
const { startIdentity } = require('../../emulators/stack/dist/identity');
const { freePort } = require('../../emulators/stack/dist/ports');
const { startPowerBi } = require('../../emulators/stack/dist/powerbi');

module.exports = async function globalSetup() {
  const ports = { blob: await freePort(), queue: await freePort(), table: await freePort() };
  const [azurite, identity] = await Promise.all([
    startAzurite({ ports }),
    (async () =>
      startIdentity({
        httpsPort: await freePort(),
        httpPort: await freePort(),
        certsDir: join(tmpdir(), 'planboard-test-certs'),
        tabOrigins: ['http://127.0.0.1:53000'],
        tabDomain: 'localhost:53000',
      }))(),
  ]);
  const powerbiPort = await freePort();
  // HTTPS too, so embedUrls point at the emulator's report embed page (https://emulator.powerbi.com:<port>).
  const powerbiHttpsPort = await freePort();
  const powerbi = await startPowerBi({
    port: powerbiPort,
    httpsPort: powerbiHttpsPort,
    certsDir: join(tmpdir(), 'planboard-test-certs'),
    identity: identity.config,
    storageConnectionString: azurite.connectionString,
  });
  globalThis.__PLANBOARD_PROCESSES__ = [azurite, identity.process, powerbi];
  process.env.PLANBOARD_POWERBI_PORT = String(powerbiPort);
  process.env.PLANBOARD_POWERBI_HTTPS_PORT = String(powerbiHttpsPort);
  process.env.AZURITE_CONNECTION_STRING = azurite.connectionString;
  process.env.AZURITE_PORTS = JSON.stringify(ports);
  process.env.PLANBOARD_IDENTITY_CONFIG = JSON.stringify(identity.config);
  process.env.PLANBOARD_IDENTITY_URL = identity.config.urls.origin;
  process.env.PLANBOARD_IDENTITY_CA = identity.config.caCertPath;
  process.env.NODE_EXTRA_CA_CERTS = identity.config.caCertPath;
};
