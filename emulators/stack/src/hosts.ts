import { dirname, join } from 'node:path';
import { httpReady, startProcess, waitUntil, type ManagedProcess } from './processes';
import { repoRoot } from './settings';

export interface FunctionAppOptions {
  /** `api` or `bot`: the folder of the Functions app, loaded by package.json `main` as Azure does. */
  app: 'api' | 'bot';
  port: number;
  /** App settings, as a Function App's configuration would hold them. */
  settings: Record<string, string>;
  echo?: boolean;
}

/** Starts our local Functions host on a Functions app and waits until its health route answers. */
export async function startFunctionApp(options: FunctionAppOptions): Promise<ManagedProcess> {
  const cli = join(repoRoot, 'emulators', 'functions-host', 'dist', 'cli.js');
  const proc = startProcess(options.app, process.execPath, [cli, '--app', join(repoRoot, options.app), '--port', String(options.port)], {
    env: { ...process.env, ...options.settings },
    echo: options.echo ?? false,
  });
  const url = `http://127.0.0.1:${options.port}/api/health`;
  await waitUntil(`${options.app} Functions host`, async () => (await fetch(url)).status === 200, { process: proc, timeoutMs: 60_000 });
  return proc;
}

export interface TabOptions {
  port: number;
  apiUrl: string;
  /** `dev` serves sources with hot reload (npm start); `preview` serves the built tab (e2e). */
  mode: 'dev' | 'preview';
  echo?: boolean;
}

/** Starts Vite for the tab, with /api proxied to the API host. */
export async function startTab(options: TabOptions): Promise<ManagedProcess> {
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [join(repoRoot, 'tabs')] })), 'bin', 'vite.js');
  const args = options.mode === 'dev' ? [vite] : [vite, 'preview'];
  const proc = startProcess('tab', process.execPath, args, {
    cwd: join(repoRoot, 'tabs'),
    env: { ...process.env, TAB_PORT: String(options.port), PLANBOARD_API_URL: options.apiUrl },
    echo: options.echo ?? false,
  });
  await waitUntil('tab (Vite)', () => httpReady(`http://127.0.0.1:${options.port}/`), { process: proc, timeoutMs: 60_000 });
  return proc;
}
