/** HTTP triggers over real HTTP against the built CLI running the sample fixture app. */
import { startHost, stopAllHosts, uniqueName, type HostProcess } from '../test-support/host-process';

jest.setTimeout(30_000);

let host: HostProcess;
const get = (path: string, init?: RequestInit): Promise<Response> => fetch(`${host.url}${path}`, init);

beforeAll(async () => {
  host = await startHost({
    env: {
      WORK_QUEUE: uniqueName('http-work'),
      OUT_QUEUE: uniqueName('http-out'),
      TICK_SCHEDULE: '0 0 0 1 1 *',
      'AzureWebJobs.tick.Disabled': 'true',
    },
  });
});
afterAll(stopAllHosts);

describe('route templates', () => {
  it('serves the default route (function name) under /api, with query and a preInvocation hook', async () => {
    const response = await get('/api/hello?name=Ada');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Hello, Ada');
    expect(response.headers.get('x-hooked')).toBe('pre-invocation');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('matches literals case-insensitively and needs the route prefix', async () => {
    expect((await get('/api/HELLO')).status).toBe(200);
    expect((await get('/hello')).status).toBe(404);
  });

  it('applies constraints: {id:int} accepts digits only', async () => {
    expect(await (await get('/api/items/42')).json()).toEqual({ fn: 'itemById', id: '42' });
    expect((await get('/api/items/abc')).status).toBe(404);
  });

  it('prefers a literal segment over a parameter, like ASP.NET route precedence', async () => {
    expect(await (await get('/api/things/special')).json()).toEqual({ fn: 'specialThing' });
    expect(await (await get('/api/things/other')).json()).toEqual({ fn: 'thingByName', name: 'other' });
  });

  it('supports optional {id?} parameters', async () => {
    expect(await (await get('/api/optional')).json()).toEqual({ id: null });
    expect(await (await get('/api/optional/7')).json()).toEqual({ id: '7' });
  });

  it('supports catch-all {*path} over several segments, decoded', async () => {
    expect(await (await get('/api/files/a/b/c%20d.txt')).json()).toEqual({ path: 'a/b/c d.txt' });
    expect(await (await get('/api/files')).json()).toEqual({ path: null });
  });
});

describe('methods', () => {
  it('routes one path to different functions by method and answers 404 for other methods (as Azure)', async () => {
    expect(await (await get('/api/multi')).text()).toBe('get');
    expect(await (await get('/api/multi', { method: 'POST' })).text()).toBe('post');
    expect((await get('/api/multi', { method: 'DELETE' })).status).toBe(404);
    expect((await get('/api/hello', { method: 'POST' })).status).toBe(404);
  });

  it('answers HEAD only where the function lists it, without a body', async () => {
    expect((await get('/api/hello', { method: 'HEAD' })).status).toBe(404);
    const head = await get('/api/head-allowed', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-head')).toBe('ok');
    expect(await head.text()).toBe('');
  });

  it('answers OPTIONS with 404 when CORS is not configured and the function does not list it', async () => {
    expect((await get('/api/hello', { method: 'OPTIONS' })).status).toBe(404);
  });
});

describe('request data', () => {
  it('passes JSON bodies, repeated query keys and headers', async () => {
    const response = await get('/api/echo?a=1&a=2&b=x', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test': 'yes' },
      body: JSON.stringify({ k: [1, 2] }),
    });
    const body = await response.json();
    expect(body).toEqual({
      method: 'POST',
      url: `${host.url}/api/echo?a=1&a=2&b=x`,
      query: { a: '1,2', b: 'x' },
      xTest: 'yes',
      json: { k: [1, 2] },
    });
  });

  it('passes text bodies', async () => {
    const body = await (await get('/api/echo', { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'plain text ✓' })).json();
    expect(body.text).toBe('plain text ✓');
    expect(body.method).toBe('PUT');
  });

  it('passes binary bodies byte for byte', async () => {
    const bytes = Buffer.from([0, 1, 2, 127, 128, 254, 255]);
    const body = await (
      await get('/api/echo', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes })
    ).json();
    expect(Buffer.from(body.base64, 'base64')).toEqual(bytes);
    expect(body.length).toBe(7);
  });
});

describe('responses', () => {
  it('returns Buffer bodies unchanged', async () => {
    const response = await get('/api/binary');
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 253, 254, 255]));
  });

  it('turns cookies into Set-Cookie headers', async () => {
    const cookies = (await get('/api/cookies')).headers.getSetCookie();
    expect(cookies).toEqual(['session=abc%20123; max-age=3600; path=/api; secure; samesite=strict; httponly', 'theme=dark; path=/']);
  });

  it('supports the HttpResponse class (status, headers, jsonBody)', async () => {
    const response = await get('/api/response-class');
    expect(response.status).toBe(201);
    expect(response.headers.get('x-custom')).toBe('yes');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ created: true });
  });

  it('sends stream bodies', async () => {
    expect(await (await get('/api/streamed')).text()).toBe('chunk-1,chunk-2,chunk-3');
  });

  it('answers 200 with an empty body when the handler returns nothing', async () => {
    const response = await get('/api/no-return');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('turns a thrown error into an empty 500 carrying the invocation id, with the stack in the log', async () => {
    const response = await get('/api/boom');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
    const invocationId = response.headers.get('x-ms-invocation-id');
    expect(invocationId).toMatch(/^[0-9a-f-]{36}$/);
    const failure = host.output().split(`Executed 'Functions.boom' (Failed, Id=${invocationId}`)[1] ?? '';
    expect(failure).toContain('Error: kaboom from the fixture');
    expect(failure).toMatch(/at handler \(.*http\.js:\d+:\d+\)/);
  });

  it('answers 404 for unknown routes and serves the homepage at /', async () => {
    expect((await get('/api/nope')).status).toBe(404);
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Functions 4.0 app is up and running');
  });
});

describe('invocation context', () => {
  it('gives each invocation a uuid and function name, and prefixes its logs with both', async () => {
    const first = await (await get('/api/context')).json();
    const second = await (await get('/api/context')).json();
    expect(first.functionName).toBe('context');
    expect(first.invocationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.invocationId).not.toBe(first.invocationId);
    expect(first.appStarted).toBe(true);
    expect(host.lines(new RegExp(`\\[context\\] \\[${first.invocationId}\\] context-log-line`))).toHaveLength(1);
  });

  it('logs a note that function keys are not enforced locally and still serves the function', async () => {
    expect(await (await get('/api/secured')).text()).toBe('no key needed locally');
    expect(host.lines(/Function 'secured' uses authLevel 'function'/)).toHaveLength(1);
  });
});
