#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { caFetch } from './ca-fetch';
import { defaultHttpsPort } from './config/defaults';
import { startIdentityProvider } from './start';

const usage = `Usage: node emulators/identity/dist/cli.js --certs <dir> [--port <https port>] [--http-port <port> | --no-http]
       [--hostname localhost] [--tenant <tid>] [--tab-domain localhost:53000] [--tab-origin <origin>]...
       [--api-token-version 1|2] [--withhold-consent <upn>|'*']... [--dataverse-url <environment url>]
       [--api-graph-role <app role>]... [--json]

Starts the local OpenID Connect provider (Entra-shaped tokens). --port defaults to ${defaultHttpsPort},
--http-port to the next port (0 = any free port). --json prints one JSON line with the URLs when ready.`;

function port(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new Error(`Not a port: ${value}`);
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      certs: { type: 'string' },
      port: { type: 'string' },
      'http-port': { type: 'string' },
      'no-http': { type: 'boolean' },
      hostname: { type: 'string' },
      tenant: { type: 'string' },
      'tab-domain': { type: 'string' },
      'tab-origin': { type: 'string', multiple: true },
      'api-token-version': { type: 'string' },
      'withhold-consent': { type: 'string', multiple: true },
      'dataverse-url': { type: 'string' },
      'api-graph-role': { type: 'string', multiple: true },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.certs) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const httpsPort = port(values.port, defaultHttpsPort);
  const version = values['api-token-version'];
  if (version !== undefined && version !== '1' && version !== '2') throw new Error('--api-token-version must be 1 or 2');
  const provider = await startIdentityProvider({
    certsDir: values.certs,
    port: httpsPort,
    httpPort: values['no-http'] ? false : port(values['http-port'], httpsPort === 0 ? 0 : httpsPort + 1),
    hostname: values.hostname,
    tenantId: values.tenant,
    tabDomain: values['tab-domain'],
    tabOrigins: values['tab-origin'],
    apiTokenVersion: version === undefined ? undefined : (Number(version) as 1 | 2),
    withholdConsent: values['withhold-consent'],
    dataverseUrl: values['dataverse-url'],
    apiGraphRoles: values['api-graph-role'],
    log: values.json ? undefined : (line) => console.log(line),
  });
  const stop = () => {
    void provider.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // Ready means discovery answers over HTTPS with the local CA, exactly as msal will ask for it.
  const discovery = await caFetch(await readFile(provider.caCertPath, 'utf8'))(provider.urls.discovery);
  if (discovery.status !== 200) throw new Error(`Discovery answered ${discovery.status}`);
  const { urls } = provider;
  if (values.json) {
    console.log(JSON.stringify({ ready: true, urls, caCertPath: provider.caCertPath }));
    return;
  }
  console.log(`Identity provider ready (tenant ${provider.config.tenantId})
  authority (msal)   ${urls.authority}
  issuer v2          ${urls.issuers.v2}
  issuer v1          ${urls.issuers.v1}
  discovery          ${urls.discovery}
  keys (JWKS)        ${urls.jwksUri}
  browser endpoints  ${urls.browser ? urls.browser.authority : '(disabled)'}
  emulator config    ${urls.emulatorConfig}
  CA certificate     ${provider.caCertPath}  (NODE_EXTRA_CA_CERTS)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
