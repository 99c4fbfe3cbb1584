/** HTTP streaming mode (`app.setup({ enableHttpStream: true })`): bodies go through the library's proxy. */
import { fixtureApp, startHost, stopAllHosts, type HostProcess } from '../test-support/host-process';

jest.setTimeout(30_000);

let host: HostProcess;

beforeAll(async () => {
  host = await startHost({ app: fixtureApp('stream-app') });
});
afterAll(stopAllHosts);

it('streams a large request body to the handler with route params, query and headers', async () => {
  const body = Buffer.alloc(3 * 1024 * 1024, 7);
  const response = await fetch(`${host.url}/api/upload/big?q=1`, { method: 'POST', headers: { 'x-test': 'streamed' }, body });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ label: 'big', bytes: body.length, query: '1', header: 'streamed' });
});

it('streams a response body back, with cookies', async () => {
  const response = await fetch(`${host.url}/api/download/4`);
  expect(response.status).toBe(200);
  expect(response.headers.getSetCookie()).toEqual(['streamed=yes']);
  expect(await response.text()).toBe('line 1\nline 2\nline 3\nline 4\n');
});

it('still answers an empty 500 with the invocation id when the handler throws', async () => {
  const response = await fetch(`${host.url}/api/stream-boom`);
  expect(response.status).toBe(500);
  expect(await response.text()).toBe('');
  expect(host.output()).toContain(`Executed 'Functions.streamBoom' (Failed, Id=${response.headers.get('x-ms-invocation-id')}`);
});
