import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The built CLI under test (tests run against dist, so build first). */
export const CLI_PATH = resolve(__dirname, '../../dist/cli.js');

/** Absolute path of a fixture app in test-fixtures/. */
export function fixtureApp(name: string): string {
  return resolve(__dirname, '../../test-fixtures', name);
}

/** The Azurite connection string set by the jest global setup. */
export function storageConnection(): string {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set: run through the root jest config (its globalSetup starts Azurite).');
  return value;
}

/** A lowercase, queue-safe name unique to this run. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls until `probe` returns a truthy value, or fails with `what` after the timeout. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 15_000, intervalMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`,
  );
}

/** A host started as a child process with its captured output. */
export interface HostProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Output lines matching a pattern. */
  lines(pattern: RegExp): string[];
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** Sends a signal (SIGTERM by default) and waits for exit; SIGKILL after 10 s. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<HostProcess>();

/** Options of {@link startHost}. */
export interface StartHostOptions {
  app?: string;
  env?: Record<string, string>;
  port?: number;
  /** Extra CLI arguments (e.g. --cors). */
  args?: string[];
  timeoutMs?: number;
}

/**
 * Spawns `node dist/cli.js --app <fixture> --port <free port>` with Azurite as AzureWebJobsStorage
 * and waits for its ready line.
 */
export async function startHost(options: StartHostOptions = {}): Promise<HostProcess> {
  const port = options.port ?? (await freePort());
  const app = options.app ?? fixtureApp('sample-app');
  const child = spawn(process.execPath, [CLI_PATH, '--app', app, '--port', String(port), ...(options.args ?? [])], {
    env: { ...process.env, AzureWebJobsStorage: storageConnection(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const host: HostProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    exited,
    output: () => output,
    lines: (pattern) => output.split('\n').filter((line) => pattern.test(line)),
    async stop(signal = 'SIGTERM') {
      running.delete(host);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      return child.exitCode;
    },
  };
  running.add(host);
  const ready = waitFor('the host to be ready', () => /Functions host ready on/.test(output), options.timeoutMs ?? 20_000, 50);
  const died = exited.then((code) => {
    throw new Error(`the host exited (code ${code}) before it was ready`);
  });
  await Promise.race([ready, died]).catch(async (error: Error) => {
    await host.stop('SIGKILL');
    throw new Error(`${error.message}\n--- host output ---\n${output}`);
  });
  return host;
}

/** Stops every host a test file started (use in afterAll). */
export async function stopAllHosts(): Promise<void> {
  await Promise.all([...running].map((host) => host.stop()));
}
