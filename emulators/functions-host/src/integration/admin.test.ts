/** Admin API (status, function listing, manual runs) and graceful shutdown. */
import { startHost, stopAllHosts, uniqueName, waitFor, type HostProcess } from '../test-support/host-process';

jest.setTimeout(30_000);

let host: HostProcess;
const workQueue = uniqueName('admin-work');

interface FunctionInfo {
  name: string;
  isDisabled: boolean;
  invoke_url_template: string | null;
  trigger: { type: string; route?: string; path?: string; methods?: string[] | null; schedule?: string; queueName?: string };
  config: { bindings: { name: string; type: string; direction: string }[] };
}

beforeAll(async () => {
  host = await startHost({
    env: {
      WORK_QUEUE: workQueue,
      OUT_QUEUE: uniqueName('admin-out'),
      TICK_SCHEDULE: '0 0 0 1 1 *',
      'AzureWebJobs.boom.Disabled': 'true',
      AzureFunctionsWebHost__hostid: uniqueName('admin-host'),
    },
  });
});
afterAll(stopAllHosts);

it('reports the host as Running', async () => {
  const status = await (await fetch(`${host.url}/admin/host/status`)).json();
  expect(status).toMatchObject({ state: 'Running', id: expect.stringMatching(/^admin-host-/) });
  expect(typeof status.version).toBe('string');
});

it('lists every registered function with its trigger and bindings', async () => {
  const functions = (await (await fetch(`${host.url}/admin/functions`)).json()) as FunctionInfo[];
  expect(functions).toHaveLength(23);
  const byName = new Map(functions.map((fn) => [fn.name, fn]));
  expect(byName.get('itemById')?.trigger).toMatchObject({
    type: 'httpTrigger',
    route: 'items/{id:int}',
    path: '/api/items/{id:int}',
    methods: ['GET'],
  });
  expect(byName.get('itemById')?.invoke_url_template).toBe(`${host.url}/api/items/{id:int}`);
  expect(byName.get('hello')?.trigger).toMatchObject({ route: 'hello', path: '/api/hello' });
  expect(byName.get('tick')?.trigger).toMatchObject({ type: 'timerTrigger', schedule: '0 0 0 1 1 *' });
  expect(byName.get('work')?.trigger).toMatchObject({ type: 'queueTrigger', queueName: workQueue });
  expect(
    byName
      .get('enqueue')
      ?.config.bindings.map((b) => `${b.direction}:${b.type}`)
      .sort(),
  ).toEqual(['in:httpTrigger', 'out:http', 'out:queue']);
  expect(byName.get('boom')?.isDisabled).toBe(true);
});

it('does not serve a function disabled through AzureWebJobs.<name>.Disabled', async () => {
  expect((await fetch(`${host.url}/api/boom`)).status).toBe(404);
});

it('returns one function by name, and 404 for unknown ones', async () => {
  const fn = (await (await fetch(`${host.url}/admin/functions/work`)).json()) as FunctionInfo;
  expect(fn.name).toBe('work');
  expect((await fetch(`${host.url}/admin/functions/missing`)).status).toBe(404);
});

it('runs a timer function on POST /admin/functions/{name} with 202', async () => {
  const response = await fetch(`${host.url}/admin/functions/tick`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: '' }),
  });
  expect(response.status).toBe(202);
  const line = await waitFor('the manual tick', () => host.lines(/ TICK \{/)[0]);
  expect(line).toContain('"isPastDue":false');
});

it('runs a queue function with the given input', async () => {
  const response = await fetch(`${host.url}/admin/functions/work`, { method: 'POST', body: JSON.stringify({ input: '{"manual":true}' }) });
  expect(response.status).toBe(202);
  const line = await waitFor('the manual queue run', () => host.lines(/ QUEUE \{.*"manual":true/)[0]);
  expect(line).toContain('"type":"object"');
});

it('refuses to run HTTP functions through the admin API', async () => {
  expect((await fetch(`${host.url}/admin/functions/hello`, { method: 'POST', body: '{}' })).status).toBe(400);
});

it('stops gracefully on SIGTERM: appTerminate hooks run and the process exits 0', async () => {
  const code = await host.stop('SIGTERM');
  expect(code).toBe(0);
  expect(host.lines(/APP_TERMINATE hook ran/)).toHaveLength(1);
  await expect(fetch(`${host.url}/admin/host/status`)).rejects.toThrow();
});
