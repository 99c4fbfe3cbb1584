#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { startDataverseEmulator } from './start';

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * `node emulators/dataverse/dist/cli.js`: DATAVERSE_PORT (7420), DATAVERSE_JWKS_URI and
 * DATAVERSE_ISSUERS (required), DATAVERSE_JWKS_CA (PEM file), DATAVERSE_ENVIRONMENT_URL,
 * DATAVERSE_APPLICATION_USERS (app ids), DATAVERSE_SEED=empty.
 */
async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.DATAVERSE_PORT ?? 7420);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DATAVERSE_PORT=${env.DATAVERSE_PORT} is not a port`);
  const jwksUri = env.DATAVERSE_JWKS_URI;
  const issuers = list(env.DATAVERSE_ISSUERS);
  if (!jwksUri || !issuers.length)
    throw new Error('Set DATAVERSE_JWKS_URI and DATAVERSE_ISSUERS to the identity provider that issues Dataverse tokens.');
  const emulator = await startDataverseEmulator({
    port,
    ...(env.DATAVERSE_HOST ? { host: env.DATAVERSE_HOST } : {}),
    auth: { jwksUri, issuers, ...(env.DATAVERSE_JWKS_CA ? { ca: readFileSync(env.DATAVERSE_JWKS_CA, 'utf8') } : {}) },
    ...(env.DATAVERSE_ENVIRONMENT_URL ? { environmentUrl: env.DATAVERSE_ENVIRONMENT_URL } : {}),
    ...(list(env.DATAVERSE_APPLICATION_USERS).length ? { applicationUsers: list(env.DATAVERSE_APPLICATION_USERS) } : {}),
    seed: env.DATAVERSE_SEED === 'empty' ? 'empty' : 'sample',
  });
  console.log(`Dataverse emulator ready on ${emulator.url} (environment ${emulator.environmentUrl})`);
  const stop = (): void => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Dataverse emulator failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
