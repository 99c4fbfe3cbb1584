import { afterEach, describe, expect, it } from '@jest/globals';
import { ApiError, api, apiUrl, setApiBaseUrl, setTokenProvider, setUnauthorizedHandler, type UnauthorizedInfo } from './client';

type Call = { url: string; init: RequestInit };
function fakeFetch(res: Response | Error, calls: Call[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (res instanceof Error) throw res;
    return res;
  }) as unknown as typeof fetch;
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

afterEach(() => {
  setTokenProvider(null);
  setUnauthorizedHandler(null);
  setApiBaseUrl('');
});

describe('api client', () => {
  it('builds relative /api URLs', () => {
    expect(apiUrl('/health')).toBe('/api/health');
    expect(apiUrl('health')).toBe('/api/health');
    expect(apiUrl('/api/budget/lines', { bu: 'Sales North', page: 2, skip: undefined })).toBe('/api/budget/lines?bu=Sales+North&page=2');
    setApiBaseUrl('https://api.example.com/');
    expect(apiUrl('/health')).toBe('https://api.example.com/api/health');
  });

  it('returns parsed JSON and sends the bearer token from the provider', async () => {
    const calls: Call[] = [];
    setTokenProvider(async () => 'tok');
    const out = await api.post('/kpis', { a: 1 }, { fetchImpl: fakeFetch(json(200, { ok: true }), calls) });
    expect(out).toEqual({ ok: true });
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok');
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"a":1}');
  });

  it('turns the error envelope into an ApiError', async () => {
    const res = json(409, { error: { code: 'conflict', message: 'Cell changed', details: { theirs: 5 } } }, { 'x-request-id': 'r1' });
    const err = await api.get('/x', { fetchImpl: fakeFetch(res) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'conflict', message: 'Cell changed', details: { theirs: 5 }, requestId: 'r1' });
  });

  it('handles non-envelope errors, network failures and bad bodies', async () => {
    const gateway = await api.get('/x', { fetchImpl: fakeFetch(new Response('Bad Gateway', { status: 502 })) }).catch((e: unknown) => e);
    expect(gateway).toMatchObject({ status: 502, code: 'http_502', message: "Can't reach the Planboard API" });
    const net = await api.get('/x', { fetchImpl: fakeFetch(new TypeError('Failed to fetch')) }).catch((e: unknown) => e);
    expect(net).toMatchObject({ status: 0, code: 'network_error', isNetworkError: true });
    const parse = () => {
      throw new Error('nope');
    };
    const bad = await api.get('/x', { parse, fetchImpl: fakeFetch(json(200, {})) }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'invalid_response' });
  });

  it('returns undefined for 204', async () => {
    await expect(api.delete('/x', { fetchImpl: fakeFetch(new Response(null, { status: 204 })) })).resolves.toBeUndefined();
  });

  it('on a 401 asks the handler once, retries with the renewed token, and reports a final failure', async () => {
    let token = 'old';
    setTokenProvider(async () => token);
    const seen: UnauthorizedInfo[] = [];
    setUnauthorizedHandler(async (info) => {
      seen.push(info);
      token = 'new';
      return !info.final;
    });
    const auths: string[] = [];
    const sequence = (...statuses: number[]) =>
      (async (_url: string, init: RequestInit) => {
        auths.push((init.headers as Record<string, string>).authorization ?? '');
        const status = statuses.shift() ?? 200;
        return status === 401 ? json(401, { error: { code: 'Unauthorized', message: 'Token expired' } }) : json(200, { ok: true });
      }) as unknown as typeof fetch;

    await expect(api.get('/me', { fetchImpl: sequence(401, 200) })).resolves.toEqual({ ok: true });
    expect(auths).toEqual(['Bearer old', 'Bearer new']);
    expect(seen.map((i) => [i.token, i.final, i.error.code])).toEqual([['old', false, 'Unauthorized']]);

    token = 'old';
    const err = await api.get('/me', { fetchImpl: sequence(401, 401) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 401, code: 'Unauthorized', message: 'Token expired' });
    expect(seen.slice(1).map((i) => [i.token, i.final])).toEqual([
      ['old', false],
      ['new', true],
    ]);
  });

  it('does not retry a 401 when the handler cannot renew the token', async () => {
    let calls = 0;
    setUnauthorizedHandler(async () => false);
    const fetchImpl = (async () => {
      calls += 1;
      return json(401, { error: { code: 'Unauthorized', message: 'No token' } });
    }) as unknown as typeof fetch;
    await expect(api.get('/me', { fetchImpl })).rejects.toMatchObject({ status: 401 });
    expect(calls).toBe(1);
  });
});
