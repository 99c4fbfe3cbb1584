/** The host restarts a worker that died (killed, or an uncaught exception), as Azure's host does. */
import { startHost, stopAllHosts, waitFor, type HostProcess } from '../test-support/host-process';

let host: HostProcess;

const workerPids = (): number[] => host.lines(/Worker process started \(pid \d+\)/).map((line) => Number(/pid (\d+)/.exec(line)?.[1]));
const itemServed = async (): Promise<boolean> => {
  const response = await fetch(`${host.url}/api/items/7`).catch(() => undefined);
  return response?.status === 200 && ((await response.json()) as { id: string }).id === '7';
};

beforeAll(async () => {
  host = await startHost();
});
afterAll(stopAllHosts);

it('starts a new worker after the worker is killed, says so, and serves requests again', async () => {
  expect(await itemServed()).toBe(true);
  const [first] = workerPids();
  expect(first).toBeGreaterThan(0);

  process.kill(first as number, 'SIGKILL');
  await waitFor('a second worker', () => workerPids().length === 2, 30_000);
  expect(host.lines(new RegExp(`Worker process \\(pid ${first}\\) exited with signal SIGKILL\\. Restarting the worker`))).toHaveLength(1);
  await waitFor('requests served by the new worker', itemServed, 30_000);
  expect(workerPids()[1]).not.toBe(first);
  expect(host.child.exitCode).toBeNull();
});

it('restarts after an uncaught exception in the app', async () => {
  const before = workerPids().length;
  const response = await fetch(`${host.url}/api/crash`, { method: 'POST' });
  expect(response.status).toBe(202);
  await waitFor('a worker started after the crash', () => workerPids().length === before + 1, 30_000);
  expect(host.lines(/crashWorker: uncaught exception outside the invocation/).length).toBeGreaterThanOrEqual(1);
  expect(host.lines(/exited with exit code \d+\. Restarting the worker/)).toHaveLength(1);
  await waitFor('requests served again', itemServed, 30_000);
});

it('stops cleanly on SIGTERM without restarting', async () => {
  const before = workerPids().length;
  const code = await host.stop('SIGTERM');
  expect(code).toBe(0);
  expect(workerPids()).toHaveLength(before);
});
