import { StaticTokenSource, type TokenSource } from './auth';
import { PowerBiAuthError, PowerBiRequestError, PowerBiThrottledError, PowerBiTimeoutError, PowerBiTransientError } from './errors';
import { PowerBiHttp, type PowerBiHttpOptions } from './http';
import { startScriptServer, type Script, type ScriptServer } from './test-support/script-server';

const caller = new StaticTokenSource('token-1', 'app:test');
const ok = { status: 200, body: { value: [] } };
const fast = { initialDelayMs: 5, maxDelayMs: 20 };

const servers: ScriptServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(script: Script, options: Partial<PowerBiHttpOptions> = {}) {
  const server = await startScriptServer(script);
  servers.push(server);
  return { server, http: new PowerBiHttp({ baseUrl: server.baseUrl, ...options, retry: { ...fast, ...options.retry } }) };
}

const get = (http: PowerBiHttp, path = '/groups', source: TokenSource = caller) => http.send(source, { method: 'GET', path });

describe('Retry-After', () => {
  it('retries a 429 only once its Retry-After has passed', async () => {
    const { server, http } = await setup((_r, i) =>
      i === 0 ? { status: 429, headers: { 'retry-after': '1', requestid: 'r-1' }, body: { message: 'Retry in 1 seconds.' } } : ok,
    );
    const response = await get(http);
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect(second!.arrivedAt).toBeGreaterThanOrEqual(first!.respondedAt! + 1000);
  });

  it('honours Retry-After on 503 the same way, for a POST too (the service did not process it)', async () => {
    const { server, http } = await setup((_r, i) => (i === 0 ? { status: 503, headers: { 'retry-after': '1' } } : { status: 202 }));
    await http.send(caller, { method: 'POST', path: '/groups/g/datasets/d/refreshes', body: { notifyOption: 'NoNotification' } });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.arrivedAt).toBeGreaterThanOrEqual(server.requests[0]!.respondedAt! + 1000);
  });

  it('holds every request of the throttled caller, not only the retried one, and not other callers', async () => {
    // The first request is answered 429 after 100 ms, so the second is already in flight then.
    const { server, http } = await setup(
      (request, i) =>
        i === 0
          ? { status: 429, headers: { 'retry-after': '1' }, delayMs: 100 }
          : { ...ok, delayMs: request.headers.authorization === 'Bearer other' ? 0 : 60 },
      { maxConcurrency: 2 },
    );
    const started = Date.now();
    const calls = Array.from({ length: 6 }, () => get(http));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Another principal is throttled separately by Power BI, so it must not wait.
    await get(http, '/groups', new StaticTokenSource('other', 'user:other'));
    expect(Date.now() - started).toBeLessThan(900);
    await Promise.all(calls);
    const throttled = server.requests[0]!;
    const mine = server.requests.filter((r) => r.headers.authorization === 'Bearer token-1');
    expect(mine).toHaveLength(7);
    const early = mine.filter((r) => r.arrivedAt > throttled.respondedAt! && r.arrivedAt < throttled.respondedAt! + 1000);
    expect(early).toEqual([]);
    // The retry and the three requests still queued when the 429 came were all held back.
    expect(mine.filter((r) => r.arrivedAt >= throttled.respondedAt! + 1000).length).toBeGreaterThanOrEqual(4);
  });

  it('fails fast when Retry-After exceeds the longest wait, and sends nothing for that caller meanwhile', async () => {
    const { server, http } = await setup(() => ({
      status: 429,
      headers: { 'retry-after': '3392', requestid: 'rq-429' },
      body: {
        message:
          'You have exceeded the amount of requests allowed in the current time frame and further requests will fail. Retry in 3392 seconds.',
      },
    }));
    const error = await get(http).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PowerBiThrottledError);
    expect(error).toMatchObject({ status: 429, code: 'TooManyRequests', requestId: 'rq-429', retryAfterSeconds: 3392, kind: 'throttled' });
    expect((error as Error).message).toMatch(/Retry in 3392 seconds/);
    const second = await get(http).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(PowerBiThrottledError);
    expect((second as Error).message).toMatch(/not sent/);
    expect(server.requests).toHaveLength(1);
    expect(http.throttledUntil('app:test')).toBeGreaterThan(Date.now() + 3_000_000);
  });

  it('backs off exponentially when a 429 has no Retry-After, within the throttle budget', async () => {
    const { server, http } = await setup((_r, i) => (i < 2 ? { status: 429 } : ok), { retry: { maxThrottledRetries: 2 } });
    await get(http);
    expect(server.requests).toHaveLength(3);
  });
});

describe('faults', () => {
  it('retries 5xx on idempotent requests with a capped backoff and reports each retry', async () => {
    const retries: number[] = [];
    const { server, http } = await setup((_r, i) => (i < 3 ? { status: i === 0 ? 500 : i === 1 ? 502 : 504 } : ok), {
      onRetry: (event) => retries.push(event.error.status ?? 0),
    });
    await get(http);
    expect(server.requests).toHaveLength(4);
    expect(retries).toEqual([500, 502, 504]);
    for (let i = 1; i < 4; i += 1) expect(server.requests[i]!.arrivedAt - server.requests[i - 1]!.respondedAt!).toBeLessThan(200);
  });

  it('gives up after the transient budget with the status, Power BI code and request id', async () => {
    const { server, http } = await setup(
      () => ({ status: 500, headers: { 'x-ms-request-id': 'req-500' }, body: { error: { code: 'InternalError', message: 'boom' } } }),
      { retry: { maxTransientRetries: 2 } },
    );
    const error = await get(http).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PowerBiTransientError);
    expect(error).toMatchObject({
      status: 500,
      code: 'InternalError',
      requestId: 'req-500',
      kind: 'transient',
      method: 'GET',
      path: '/groups',
    });
    expect(server.requests).toHaveLength(3);
  });

  it('does not repeat a POST after a 5xx: the service may have acted on it', async () => {
    const { server, http } = await setup(() => ({ status: 500 }));
    await expect(http.send(caller, { method: 'POST', path: '/groups/g/datasets/d/refreshes', body: {} })).rejects.toBeInstanceOf(
      PowerBiTransientError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('times out a hanging request, retries it when idempotent, and types the final timeout', async () => {
    const { server, http } = await setup((_r, i) => (i === 0 ? { status: 200, hang: true } : ok), { timeoutMs: 150 });
    const started = Date.now();
    await get(http);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(server.requests).toHaveLength(2);

    const never = await setup(() => ({ status: 200, hang: true }), { timeoutMs: 100, retry: { maxTransientRetries: 1 } });
    const error = await get(never.http).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PowerBiTimeoutError);
    expect(error).toMatchObject({ code: 'Timeout', kind: 'transient' });
    expect(never.server.requests).toHaveLength(2);
  });

  it('types a refused connection and retries it even for a POST (nothing reached the service)', async () => {
    const { server } = await setup(() => ok);
    const baseUrl = server.baseUrl;
    await server.close();
    const http = new PowerBiHttp({ baseUrl, retry: { ...fast, maxTransientRetries: 2 } });
    const retries: string[] = [];
    const traced = new PowerBiHttp({ baseUrl, retry: { ...fast, maxTransientRetries: 2 }, onRetry: (e) => retries.push(e.error.code) });
    await expect(http.send(caller, { method: 'POST', path: '/x', body: {} })).rejects.toMatchObject({
      code: 'ConnectionRefused',
      kind: 'transient',
    });
    await traced.send(caller, { method: 'POST', path: '/x', body: {} }).catch(() => undefined);
    expect(retries).toEqual(['ConnectionRefused', 'ConnectionRefused']);
  });

  it('stops when the caller aborts, without retrying', async () => {
    const { server, http } = await setup(() => ({ status: 200, hang: true }));
    const controller = new AbortController();
    const call = http.send(caller, { method: 'GET', path: '/groups', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user went away')), 50);
    await expect(call).rejects.toThrow('user went away');
    expect(server.requests).toHaveLength(1);
  });
});

describe('error bodies', () => {
  it.each([
    [
      404,
      {
        error: {
          code: 'PowerBIEntityNotFound',
          'pbi.error': { code: 'PowerBIEntityNotFound', parameters: {}, details: [], exceptionCulprit: 1 },
        },
      },
      PowerBiRequestError,
      'PowerBIEntityNotFound',
      'user',
    ],
    [
      400,
      { error: { code: 'InvalidRequest', message: 'Invalid dataset refresh request. Another refresh request is already executing' } },
      PowerBiRequestError,
      'InvalidRequest',
      'user',
    ],
    [
      400,
      { error: { 'pbi.error': { code: 'DatasetExecuteQueriesError', details: [{ code: 'DetailsMessage' }] } } },
      PowerBiRequestError,
      'DatasetExecuteQueriesError',
      'user',
    ],
    [401, '', PowerBiAuthError, 'Unauthorized', 'auth'],
    [403, { error: { code: 'PowerBINotAuthorizedException' } }, PowerBiAuthError, 'PowerBINotAuthorizedException', 'auth'],
  ])('%i %j → typed error', async (status, body, type, code, kind) => {
    const { http } = await setup(() => ({ status, body, headers: { requestid: 'rid-1' } }));
    const error = await get(http).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, code, kind, requestId: 'rid-1' });
  });
});

describe('concurrency and auth', () => {
  it('never has more requests in flight than the limit, and queues the rest', async () => {
    const { server, http } = await setup(() => ({ ...ok, delayMs: 30 }), { maxConcurrency: 4 });
    let clientMax = 0;
    const calls = Array.from({ length: 20 }, async (_, i) => {
      const call = get(http, `/groups/${i}`);
      clientMax = Math.max(clientMax, http.inFlight);
      return call;
    });
    const timer = setInterval(() => (clientMax = Math.max(clientMax, http.inFlight)), 2);
    await Promise.all(calls);
    clearInterval(timer);
    expect(server.requests).toHaveLength(20);
    expect(server.maxInFlight).toBe(4);
    expect(clientMax).toBeLessThanOrEqual(4);
  });

  it('sends the bearer token, asking the token source again on every attempt', async () => {
    let issued = 0;
    const source: TokenSource = { callerKey: 'app:rotating', getToken: () => Promise.resolve(`tok-${++issued}`) };
    const { server, http } = await setup((_r, i) => (i === 0 ? { status: 500 } : ok));
    await http.send(source, { method: 'PUT', path: '/groups/g/datasets/d/tables/t', body: { name: 't', columns: [] } });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
    expect(server.requests[0]!.headers.accept).toBe('application/json');
  });
});
