import { join } from 'node:path';
import type { EmulatorConfig } from '@planboard/identity';
import { startProcess, waitUntil, type ManagedProcess } from './processes';
import { repoRoot } from './settings';

export interface PowerBiOptions {
  port: number;
  identity: EmulatorConfig;
  storageConnectionString: string;
  echo?: boolean;
}

/** The issuer of Power BI tokens: Entra issues v1 tokens for the Power BI resource. */
function powerBiIssuers(identity: EmulatorConfig): string[] {
  return identity.urls.issuerTemplates.map((template) => template.replace('{tid}', identity.tenantId));
}

/** Starts the Power BI emulator in its own process, trusting tokens of the local identity provider. */
export async function startPowerBi(options: PowerBiOptions): Promise<ManagedProcess> {
  const cli = join(repoRoot, 'emulators', 'powerbi', 'dist', 'cli.js');
  const proc = startProcess('powerbi', process.execPath, [cli], {
    env: {
      ...process.env,
      POWERBI_PORT: String(options.port),
      POWERBI_JWKS_URI: options.identity.urls.jwksUri,
      POWERBI_ISSUERS: powerBiIssuers(options.identity).join(','),
      POWERBI_JWKS_CA: options.identity.caCertPath,
      AzureWebJobsStorage: options.storageConnectionString,
    },
    echo: options.echo ?? false,
  });
  await waitUntil('Power BI emulator', async () => (await fetch(`http://127.0.0.1:${options.port}/_emulator/health`)).ok, { process: proc, timeoutMs: 60_000 });
  return proc;
}

/** The API's Power BI settings for the local emulator and identity provider (Entra + Power BI in Azure). */
export function apiPowerBiSettings(port: number, identity: EmulatorConfig): Record<string, string> {
  const servicePrincipal = identity.clients.find((client) => client.clientId === identity.powerBi.clientId);
  const api = identity.clients.find((client) => client.clientId === identity.api.clientId);
  return {
    POWERBI_API_URL: `http://127.0.0.1:${port}/v1.0/myorg`,
    POWERBI_AUTHORITY: identity.urls.authority,
    POWERBI_CLIENT_ID: servicePrincipal?.clientId ?? '',
    POWERBI_CLIENT_SECRET: servicePrincipal?.clientSecret ?? '',
    POWERBI_OBO_CLIENT_ID: api?.clientId ?? '',
    POWERBI_OBO_CLIENT_SECRET: api?.clientSecret ?? '',
  };
}
