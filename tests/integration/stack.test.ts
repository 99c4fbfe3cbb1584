import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertPortsFree, freePort, PortInUseError } from '../../emulators/stack/src/ports';
import { startProcess, waitUntil } from '../../emulators/stack/src/processes';
import { portSettings, repoRoot } from '../../emulators/stack/src/settings';

const startScript = join(repoRoot, 'emulators', 'stack', 'dist', 'start.js');

async function freePortEnv(): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const setting of Object.values(portSettings)) env[setting.variable] = String(await freePort());
  return env;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start (emulators/stack/dist/start.js)', () => {
  it('names the port and the variable when a port is taken', async () => {
    const server: Server = await new Promise((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => resolve(s));
    });
    const port = (server.address() as { port: number }).port;
    try {
      await expect(assertPortsFree([{ port, variable: 'API_PORT', service: 'API Functions host' }])).rejects.toThrow(PortInUseError);
      const env = { ...(await freePortEnv()), API_PORT: String(port), PLANBOARD_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'pb-')) };
      const proc = startProcess('start', process.execPath, [startScript], { env: { ...process.env, ...env } });
      let output = '';
      proc.child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      expect(await proc.exited).toBe(1);
      expect(output).toContain(`Port ${port}`);
      expect(output).toContain('API_PORT');
    } finally {
      server.close();
    }
  }, 30_000);

  it('brings the stack up, writes stack.json, serves health and the tab, and Ctrl-C leaves nothing behind', async () => {
    const localDir = mkdtempSync(join(tmpdir(), 'pb-'));
    const env: Record<string, string> = { ...(await freePortEnv()), PLANBOARD_LOCAL_DIR: localDir };
    const proc = startProcess('start', process.execPath, [startScript], { env: { ...process.env, ...env }, detached: true });
    let output = '';
    proc.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const stackFile = join(localDir, 'stack.json');
    try {
      await waitUntil('stack.json', async () => existsSync(stackFile) && output.includes('Press Ctrl-C'), {
        process: proc,
        timeoutMs: 120_000,
      });
      const stack = JSON.parse(readFileSync(stackFile, 'utf8')) as {
        urls: { api: string; tab: string; graph: string; dataverse: string };
        pids: number[];
      };
      expect(stack.urls.api).toBe(`http://127.0.0.1:${env.API_PORT}`);
      expect((await fetch(`${stack.urls.api}/api/health/storage`)).status).toBe(200);
      expect((await fetch(stack.urls.tab)).status).toBe(200);
      // The store-data sources run seeded on their configured ports.
      expect(stack.urls.graph).toBe(`http://127.0.0.1:${env.GRAPH_PORT}`);
      expect((await fetch(`${stack.urls.graph}/_emulator/health`)).status).toBe(200);
      expect(await (await fetch(`${stack.urls.dataverse}/_emulator/health`)).json()).toEqual({ status: 'ok', stores: 40 });
      expect(output).toContain('nora.lindqvist@contoso.onmicrosoft.com');
      expect(stack.pids.length).toBeGreaterThanOrEqual(4);

      process.kill(proc.child.pid ?? 0, 'SIGINT');
      expect(await proc.exited).toBe(0);
      await waitUntil('children to exit', async () => stack.pids.every((pid) => !alive(pid)), { timeoutMs: 10_000 });
      expect(existsSync(stackFile)).toBe(false);
    } finally {
      await proc.stop('SIGKILL');
      rmSync(localDir, { recursive: true, force: true });
    }
  }, 180_000);
});
