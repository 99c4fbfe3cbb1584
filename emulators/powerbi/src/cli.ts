#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { reportEmbedPlugin } from './embed/plugin';
import { startPowerBiEmulator } from './start';

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name}=${raw} is not a port`);
  return value;
}

/**
 * `node emulators/powerbi/dist/cli.js`: the emulator configured from the environment.
 * POWERBI_PORT (7400), POWERBI_JWKS_URI and POWERBI_ISSUERS (required: there is no auth-off
 * switch), POWERBI_AUDIENCE, POWERBI_JWKS_CA (PEM file of the identity provider's CA),
 * AzureWebJobsStorage, POWERBI_LATENCY_MS, POWERBI_SERVICE_PRINCIPALS, POWERBI_EMBED_ORIGIN,
 * POWERBI_HTTPS_PORT with POWERBI_TLS_CERT / POWERBI_TLS_KEY (PEM files).
 */
async function main(): Promise<void> {
  const env = process.env;
  const jwksUri = env.POWERBI_JWKS_URI;
  const issuers = list(env.POWERBI_ISSUERS);
  if (!jwksUri || issuers.length === 0)
    throw new Error('Set POWERBI_JWKS_URI and POWERBI_ISSUERS (comma-separated) to the identity provider that issues Power BI tokens.');
  const tls =
    env.POWERBI_TLS_CERT && env.POWERBI_TLS_KEY
      ? { cert: readFileSync(env.POWERBI_TLS_CERT), key: readFileSync(env.POWERBI_TLS_KEY) }
      : undefined;
  const emulator = await startPowerBiEmulator({
    port: port('POWERBI_PORT', 7400),
    ...(env.POWERBI_HOST ? { host: env.POWERBI_HOST } : {}),
    auth: {
      jwksUri,
      issuers,
      ...(env.POWERBI_AUDIENCE ? { audience: env.POWERBI_AUDIENCE } : {}),
      ...(env.POWERBI_JWKS_CA ? { ca: readFileSync(env.POWERBI_JWKS_CA, 'utf8') } : {}),
    },
    ...(env.AzureWebJobsStorage ? { storageConnectionString: env.AzureWebJobsStorage } : {}),
    ...(env.POWERBI_LATENCY_MS ? { latencyMs: Number(env.POWERBI_LATENCY_MS) } : {}),
    ...(list(env.POWERBI_SERVICE_PRINCIPALS).length ? { servicePrincipals: list(env.POWERBI_SERVICE_PRINCIPALS) } : {}),
    ...(env.POWERBI_EMBED_ORIGIN ? { embedOrigin: env.POWERBI_EMBED_ORIGIN } : {}),
    ...(tls ? { tls, httpsPort: port('POWERBI_HTTPS_PORT', 7443) } : {}),
    // The embed page powerbi-client frames (https://<embed origin>/reportEmbed).
    plugins: [reportEmbedPlugin()],
  });
  console.log(`Power BI emulator ready on ${emulator.url}${emulator.httpsUrl ? ` and ${emulator.httpsUrl}` : ''}`);
  const stop = (): void => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Power BI emulator failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
