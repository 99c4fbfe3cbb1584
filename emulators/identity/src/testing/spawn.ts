import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { IdentityProviderUrls } from '../urls';
import { IdentityEmulatorClient } from './client';

/** A provider running in a child process (see {@link spawnIdentityProvider}). */
export interface SpawnedIdentityProvider {
  urls: IdentityProviderUrls;
  caCertPath: string;
  /** PEM of the local CA. */
  ca: string;
  /** A client over the HTTPS origin (trusting the CA). */
  client: IdentityEmulatorClient;
  /** Variables for child processes that call the provider (`NODE_EXTRA_CA_CERTS`, `PLANBOARD_IDENTITY_URL`). */
  env: Record<string, string>;
  /** Output of the child so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Options of {@link spawnIdentityProvider}. */
export interface SpawnIdentityOptions {
  /** Default: `$PLANBOARD_CERTS_DIR` or a shared folder in the OS temp dir (the CA is created once). */
  certsDir?: string;
  /** More CLI arguments (`--api-token-version 1`, `--tab-origin …`). */
  args?: string[];
  timeoutMs?: number;
}

/** The compiled CLI of this package (tests run from sources, the provider from `dist`). */
export function identityCliPath(): string {
  return join(dirname(require.resolve('@planboard/identity/package.json')), 'dist', 'cli.js');
}

/**
 * Starts `dist/cli.js` on free ports in a child process and waits until it reports ready.
 * Tests run the provider out of process because Node only reads `NODE_EXTRA_CA_CERTS` at start,
 * and because oidc-provider is an ES module that jest would otherwise have to transform.
 */
export async function spawnIdentityProvider(options: SpawnIdentityOptions = {}): Promise<SpawnedIdentityProvider> {
  const certsDir = options.certsDir ?? process.env.PLANBOARD_CERTS_DIR ?? join(tmpdir(), 'planboard-identity-certs');
  const child = spawn(
    process.execPath,
    [identityCliPath(), '--certs', certsDir, '--port', '0', '--http-port', '0', '--json', ...(options.args ?? [])],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<{ urls: IdentityProviderUrls; caCertPath: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Identity provider not ready in time:\n${output}`)), options.timeoutMs ?? 30_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      output += `${line}\n`;
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as { urls: IdentityProviderUrls; caCertPath: string });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Identity provider exited (${code}):\n${output}`));
    });
  });
  const { urls, caCertPath } = await ready;
  const ca = readFileSync(caCertPath, 'utf8');
  return {
    urls,
    caCertPath,
    ca,
    client: new IdentityEmulatorClient(urls.origin, ca),
    env: { NODE_EXTRA_CA_CERTS: caCertPath, PLANBOARD_IDENTITY_URL: urls.origin },
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
