#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { startGraphEmulator } from './start';

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * `node emulators/graph/dist/cli.js`: GRAPH_PORT (7410), GRAPH_JWKS_URI and GRAPH_ISSUERS
 * (required), GRAPH_JWKS_CA (PEM file), GRAPH_SITES_SELECTED_APPS (app ids), GRAPH_SEED=empty,
 * GRAPH_HTTPS_PORT with GRAPH_TLS_CERT / GRAPH_TLS_KEY (PEM files) for the HTTPS listener.
 */
async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.GRAPH_PORT ?? 7410);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`GRAPH_PORT=${env.GRAPH_PORT} is not a port`);
  const jwksUri = env.GRAPH_JWKS_URI;
  const issuers = list(env.GRAPH_ISSUERS);
  if (!jwksUri || !issuers.length)
    throw new Error('Set GRAPH_JWKS_URI and GRAPH_ISSUERS to the identity provider that issues Graph tokens.');
  const emulator = await startGraphEmulator({
    port,
    ...(env.GRAPH_HOST ? { host: env.GRAPH_HOST } : {}),
    auth: { jwksUri, issuers, ...(env.GRAPH_JWKS_CA ? { ca: readFileSync(env.GRAPH_JWKS_CA, 'utf8') } : {}) },
    sitesSelectedApps: list(env.GRAPH_SITES_SELECTED_APPS),
    seed: env.GRAPH_SEED === 'empty' ? 'empty' : 'sample',
    ...(env.GRAPH_TLS_CERT && env.GRAPH_TLS_KEY
      ? {
          tls: { cert: readFileSync(env.GRAPH_TLS_CERT), key: readFileSync(env.GRAPH_TLS_KEY) },
          httpsPort: Number(env.GRAPH_HTTPS_PORT ?? 7411),
        }
      : {}),
  });
  console.log(`Graph emulator ready on ${emulator.url}${emulator.httpsUrl ? ` and ${emulator.httpsUrl}` : ''}`);
  const stop = (): void => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Graph emulator failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
