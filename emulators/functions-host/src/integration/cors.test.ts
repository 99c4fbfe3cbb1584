/** CORS as `func start --cors` configures it: preflight answered by the host, origin echoed on responses. */
import { startHost, stopAllHosts, uniqueName, type HostProcess } from '../test-support/host-process';

jest.setTimeout(30_000);

let host: HostProcess;
const allowed = 'http://localhost:3000';

beforeAll(async () => {
  host = await startHost({
    args: ['--cors', `${allowed},https://teams.example`, '--cors-credentials'],
    env: {
      WORK_QUEUE: uniqueName('cors-work'),
      OUT_QUEUE: uniqueName('cors-out'),
      TICK_SCHEDULE: '0 0 0 1 1 *',
      'AzureWebJobs.tick.Disabled': 'true',
    },
  });
});
afterAll(stopAllHosts);

it('answers a preflight for an allowed origin and a method the route supports', async () => {
  const response = await fetch(`${host.url}/api/echo`, {
    method: 'OPTIONS',
    headers: { origin: allowed, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type,x-test' },
  });
  expect(response.status).toBe(204);
  expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
  expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  expect(response.headers.get('access-control-allow-methods')?.split(',').sort()).toEqual(['POST', 'PUT']);
  expect(response.headers.get('access-control-allow-headers')).toBe('content-type,x-test');
});

it('does not answer preflights for other origins or unsupported methods', async () => {
  const other = await fetch(`${host.url}/api/echo`, {
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
  });
  expect(other.status).toBe(404);
  const method = await fetch(`${host.url}/api/echo`, {
    method: 'OPTIONS',
    headers: { origin: allowed, 'access-control-request-method': 'DELETE' },
  });
  expect(method.status).toBe(404);
});

it('adds the allow-origin header to actual responses for allowed origins only', async () => {
  const ok = await fetch(`${host.url}/api/hello`, { headers: { origin: allowed } });
  expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
  expect(ok.headers.get('vary')).toBe('Origin');
  const other = await fetch(`${host.url}/api/hello`, { headers: { origin: 'https://evil.example' } });
  expect(other.status).toBe(200);
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
});
