import { dirname, join } from 'node:path';
// The certificate helper alone: the package index also loads the OpenID provider.
import { ensureDevCertificates } from '@planboard/identity/certs';
// The seed's drive id and folder alone (not the emulator, which runs in its own process).
import { sampleDrive } from '@planboard/graph-emulator/sample-drive';
import type { EmulatorConfig } from '@planboard/identity';
import { startProcess, waitUntil, type ManagedProcess } from './processes';
import { repoRoot } from './settings';

/** The Dataverse environment the identity provider issues tokens for (its default Dataverse resource). */
export const dataverseEnvironmentUrl = 'https://contoso-planboard.crm4.dynamics.com';

export interface StoreSourceOptions {
  graphPort: number;
  /** HTTPS port of the Graph emulator: the Graph SDK sends tokens to `https:` URLs only. */
  graphHttpsPort: number;
  /** Where the local CA lives (default: beside the identity provider's CA); the emulator's certificate is `<certsDir>/graph.pem`. */
  certsDir?: string;
  dataversePort: number;
  identity: EmulatorConfig;
  echo?: boolean;
}

/** Token issuers of the local identity provider (v1 and v2) for the emulators' checks. */
function issuersOf(identity: EmulatorConfig): string {
  return identity.urls.issuerTemplates.map((template) => template.replace('{tid}', identity.tenantId)).join(',');
}

async function startEmulator(
  name: 'graph' | 'dataverse',
  port: number,
  env: Record<string, string>,
  echo: boolean,
): Promise<ManagedProcess> {
  const cli = join(repoRoot, 'emulators', name, 'dist', 'cli.js');
  const proc = startProcess(name, process.execPath, [cli], { env: { ...process.env, ...env }, echo });
  await waitUntil(`${name} emulator`, async () => (await fetch(`http://127.0.0.1:${port}/_emulator/health`)).ok, {
    process: proc,
    timeoutMs: 60_000,
  });
  return proc;
}

/**
 * Starts the two store-data sources seeded, each in its own process and trusting the local
 * identity provider: the Microsoft Graph emulator (the OneDrive folder of weekly workbooks) and
 * the Dataverse emulator (the store master table).
 */
export async function startStoreSources(options: StoreSourceOptions): Promise<ManagedProcess[]> {
  const echo = options.echo ?? false;
  const common = { jwksUri: options.identity.urls.jwksUri, issuers: issuersOf(options.identity), ca: options.identity.caCertPath };
  const certs = await ensureDevCertificates(options.certsDir ?? dirname(options.identity.caCertPath), ['localhost', '127.0.0.1'], {
    name: 'graph',
  });
  const results = await Promise.allSettled([
    startEmulator(
      'graph',
      options.graphPort,
      {
        GRAPH_PORT: String(options.graphPort),
        GRAPH_HTTPS_PORT: String(options.graphHttpsPort),
        GRAPH_TLS_CERT: certs.certPath,
        GRAPH_TLS_KEY: certs.keyPath,
        GRAPH_JWKS_URI: common.jwksUri,
        GRAPH_ISSUERS: common.issuers,
        GRAPH_JWKS_CA: common.ca,
      },
      echo,
    ),
    startEmulator(
      'dataverse',
      options.dataversePort,
      {
        DATAVERSE_PORT: String(options.dataversePort),
        DATAVERSE_JWKS_URI: common.jwksUri,
        DATAVERSE_ISSUERS: common.issuers,
        DATAVERSE_JWKS_CA: common.ca,
        DATAVERSE_ENVIRONMENT_URL: dataverseEnvironmentUrl,
      },
      echo,
    ),
  ]);
  const running = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(running.map((proc) => proc.stop()));
    throw failure.reason;
  }
  return running;
}

/**
 * Where the API finds the sources locally (in Azure: graph.microsoft.com and the environment URL).
 * Tokens: client credentials of the API app for `https://graph.microsoft.com/.default` and
 * `<DATAVERSE_RESOURCE>/.default` from the identity provider.
 */
export function apiStoreSourceSettings(ports: { graphHttps: number; dataverse: number }): Record<string, string> {
  return {
    // HTTPS under `localhost` (the certificate's name; the SDK's `customHosts: ['localhost']`), trusted through NODE_EXTRA_CA_CERTS.
    GRAPH_API_URL: `https://localhost:${ports.graphHttps}/v1.0`,
    STORE_SALES_DRIVE_ID: sampleDrive.id,
    STORE_SALES_FOLDER: sampleDrive.salesFolder,
    DATAVERSE_API_URL: `http://127.0.0.1:${ports.dataverse}/api/data/v9.2`,
    DATAVERSE_RESOURCE: dataverseEnvironmentUrl,
  };
}
