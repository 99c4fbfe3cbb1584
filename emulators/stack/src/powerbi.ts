import { createHash, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import type { EmulatorConfig } from '@planboard/identity';
// The certificate helper alone: the package index also loads the OpenID provider.
import { ensureDevCertificates } from '@planboard/identity/certs';
import { startProcess, waitUntil, type ManagedProcess } from './processes';
import { localDir, repoRoot } from './settings';

export interface PowerBiOptions {
  port: number;
  /**
   * HTTPS port of the report embed page. powerbi-client only frames `https://*.powerbi.com`-style
   * URLs, so with this set the emulator serves HTTPS under {@link powerBiEmbedHostname} and its
   * `embedUrl`s point there. Without it there is no embed page (embedUrl stays app.powerbi.com).
   */
  httpsPort?: number;
  /** Where the local CA and the emulator's certificate live (default `<localDir>/certs`, shared with the identity provider). */
  certsDir?: string;
  identity: EmulatorConfig;
  storageConnectionString: string;
  echo?: boolean;
}

/** The name the embed page is served under; browsers map it to 127.0.0.1 (hosts file or Chromium flag). */
export const powerBiEmbedHostname = 'emulator.powerbi.com';

/** Origin of the embed page for an HTTPS port, e.g. `https://emulator.powerbi.com:7443`. */
export function powerBiEmbedOrigin(httpsPort: number): string {
  return `https://${powerBiEmbedHostname}:${httpsPort}`;
}

/** The emulator's server certificate (`<certsDir>/powerbi.pem`), signed by the stack's local CA. */
export function powerBiCertificates(certsDir = join(localDir, 'certs')) {
  return ensureDevCertificates(certsDir, [powerBiEmbedHostname, 'localhost', '127.0.0.1'], { name: 'powerbi' });
}

/** Base64 SHA-256 of a certificate's public key: what Chromium's `--ignore-certificate-errors-spki-list` takes. */
export function spkiHash(certificatePem: string): string {
  const spki = new X509Certificate(certificatePem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/**
 * Chromium flags that let a browser open the embed page without touching the system: the name
 * resolves to loopback and only this certificate's key is accepted despite the unknown CA
 * (narrower than `--ignore-certificate-errors`). Chromium honours the SPKI list only together
 * with `--user-data-dir`, which Playwright always passes.
 */
export function chromiumEmbedFlags(certificatePem: string): string[] {
  return [
    `--host-resolver-rules=MAP ${powerBiEmbedHostname} 127.0.0.1`,
    `--ignore-certificate-errors-spki-list=${spkiHash(certificatePem)}`,
  ];
}

/** The issuer of Power BI tokens: Entra issues v1 tokens for the Power BI resource. */
function powerBiIssuers(identity: EmulatorConfig): string[] {
  return identity.urls.issuerTemplates.map((template) => template.replace('{tid}', identity.tenantId));
}

/** Starts the Power BI emulator in its own process, trusting tokens of the local identity provider. */
export async function startPowerBi(options: PowerBiOptions): Promise<ManagedProcess> {
  const cli = join(repoRoot, 'emulators', 'powerbi', 'dist', 'cli.js');
  const certs = options.httpsPort ? await powerBiCertificates(options.certsDir) : undefined;
  const https: Record<string, string> =
    certs && options.httpsPort
      ? {
          POWERBI_HTTPS_PORT: String(options.httpsPort),
          POWERBI_TLS_CERT: certs.certPath,
          POWERBI_TLS_KEY: certs.keyPath,
          POWERBI_EMBED_ORIGIN: powerBiEmbedOrigin(options.httpsPort),
        }
      : {};
  const proc = startProcess('powerbi', process.execPath, [cli], {
    env: {
      ...process.env,
      POWERBI_PORT: String(options.port),
      POWERBI_JWKS_URI: options.identity.urls.jwksUri,
      POWERBI_ISSUERS: powerBiIssuers(options.identity).join(','),
      POWERBI_JWKS_CA: options.identity.caCertPath,
      AzureWebJobsStorage: options.storageConnectionString,
      ...https,
    },
    echo: options.echo ?? false,
  });
  await waitUntil('Power BI emulator', async () => (await fetch(`http://127.0.0.1:${options.port}/_emulator/health`)).ok, {
    process: proc,
    timeoutMs: 60_000,
  });
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

/**
 * The one command `npm start` prints for seeing embedded reports locally: a throw-away Chromium
 * profile that maps the embed host to loopback and accepts the emulator's certificate. Nothing on
 * the machine changes (no hosts file, no trusted CA); see emulators/powerbi/README.md for those.
 */
export function reportsBrowserCommand(tabUrl: string, certificatePem: string): string {
  const flags = chromiumEmbedFlags(certificatePem).map((flag) => `"${flag}"`);
  return ['chromium', '--user-data-dir="$(mktemp -d)"', ...flags, `"${tabUrl}/#/reports"`].join(' ');
}
