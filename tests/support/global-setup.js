// Starts one in-memory Azurite for the whole jest run; every suite reads its connection string
// from AZURITE_CONNECTION_STRING (inherited by the jest workers started after this).
const { startAzurite } = require('../../emulators/stack/dist/azurite');
const { freePort } = require('../../emulators/stack/dist/ports');

module.exports = async function globalSetup() {
  const ports = { blob: await freePort(), queue: await freePort(), table: await freePort() };
  const azurite = await startAzurite({ ports });
  globalThis.__AZURITE__ = azurite;
  process.env.AZURITE_CONNECTION_STRING = azurite.connectionString;
  process.env.AZURITE_PORTS = JSON.stringify(ports);
};
