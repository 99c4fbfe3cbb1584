import { join } from 'node:path';
import type { EmulatorConfig } from '@planboard/identity';
import { startProcess, waitUntil, type ManagedProcess } from './processes';
import { repoRoot } from './settings';

export interface IdentityOptions {
  httpsPort: number;
  httpPort: number;
  certsDir: string;
  /** Where the tab is served: CORS origins and redirect URIs of the tab client. */
  tabOrigins: string[];
  /** The Application ID URI's host part (`api://<tab domain>/<client id>`). */
  tabDomain: string;
  echo?: boolean;
}

export interface RunningIdentity {
  process: ManagedProcess;
  config: EmulatorConfig;
}

/**
 * Starts the local OpenID provider (emulators/identity) in its own process and reads its
 * `/_emulator/config` over the plain-HTTP browser listener once it answers.
 */
export async function startIdentity(options: IdentityOptions): Promise<RunningIdentity> {
  const cli = join(repoRoot, 'emulators', 'identity', 'dist', 'cli.js');
  const args = [cli, '--certs', options.certsDir, '--port', String(options.httpsPort), '--http-port', String(options.httpPort)];
  args.push('--tab-domain', options.tabDomain, ...options.tabOrigins.flatMap((origin) => ['--tab-origin', origin]));
  const proc = startProcess('identity', process.execPath, args, { echo: options.echo ?? false });
  const configUrl = `http://127.0.0.1:${options.httpPort}/_emulator/config`;
  let config: EmulatorConfig | undefined;
  await waitUntil(
    'identity provider',
    async () => {
      const response = await fetch(configUrl);
      if (response.ok) config = (await response.json()) as EmulatorConfig;
      return response.ok;
    },
    { process: proc, timeoutMs: 60_000 },
  );
  if (!config) throw new Error('identity provider gave no configuration');
  return { process: proc, config };
}

/** The API's auth settings for tokens from this provider (what Entra values are in Azure). */
export function apiAuthSettings(config: EmulatorConfig, tabDomain: string): Record<string, string> {
  const browser = config.urls.browser;
  return {
    AUTH_TENANT_IDS: config.tenantId,
    AUTH_CLIENT_ID: config.api.clientId,
    AUTH_AUDIENCES: config.api.audiences.join(','),
    AUTH_ISSUERS: config.urls.issuerTemplates.join(','),
    AUTH_JWKS_URIS: config.urls.jwksUri,
    AUTH_PUBLIC_AUTHORITY: browser?.authority ?? config.urls.authority,
    AUTH_TAB_CLIENT_ID: config.tab.clientId,
    AUTH_TAB_DOMAIN: tabDomain,
    NODE_EXTRA_CA_CERTS: config.caCertPath,
  };
}
