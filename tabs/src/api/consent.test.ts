import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { ApiError, api } from './client';
import { askConsent, consentScopesOf, setConsentHandler, withConsent } from './consent';

const powerBi = 'https://analysis.windows.net/powerbi/api/Dataset.Read.All';
const consentRequired = () =>
  new Response(
    JSON.stringify({
      error: { code: 'ConsentRequired', message: 'Planboard needs your permission.', details: [{ path: 'scopes', message: powerBi }] },
    }),
    { status: 403, headers: { 'content-type': 'application/json' } },
  );
const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** A fetch answering the given responses in turn, counting the calls. */
function answers(...responses: (() => Response)[]) {
  const calls: string[] = [];
  const fetchImpl = (async (url: string) => {
    calls.push(url);
    const next = responses[Math.min(calls.length - 1, responses.length - 1)];
    return next ? next() : ok({});
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

afterEach(() => setConsentHandler(null));

describe("the API's 403 ConsentRequired", () => {
  it('names the scopes of a ConsentRequired error, and nothing for other errors', () => {
    expect(consentScopesOf(new ApiError(403, 'ConsentRequired', 'x', [{ path: 'scopes', message: powerBi }]))).toEqual([powerBi]);
    expect(consentScopesOf(new ApiError(403, 'Forbidden', 'x'))).toBeUndefined();
    expect(consentScopesOf(new ApiError(401, 'ConsentRequired', 'x'))).toBeUndefined();
    expect(consentScopesOf(new Error('network'))).toBeUndefined();
  });

  it('asks the consent handler (Teams popup) for the named scopes, then retries the request once', async () => {
    const consent = jest.fn(async (_scopes: string[]) => true);
    setConsentHandler(consent);
    const { fetchImpl, calls } = answers(consentRequired, () => ok({ available: true, values: { a: 1 } }));
    await expect(api.get('/budget/fy2027/operations/actuals', { fetchImpl })).resolves.toEqual({ available: true, values: { a: 1 } });
    expect(consent).toHaveBeenCalledWith([powerBi]);
    expect(calls).toEqual(['/api/budget/fy2027/operations/actuals', '/api/budget/fy2027/operations/actuals']);
  });

  it('keeps the 403 when the user closes the popup, and asks only once when the retry is refused again', async () => {
    const declined = jest.fn(async (_scopes: string[]) => false);
    setConsentHandler(declined);
    const first = answers(consentRequired);
    await expect(api.get('/x', { fetchImpl: first.fetchImpl })).rejects.toMatchObject({ status: 403, code: 'ConsentRequired' });
    expect(first.calls).toHaveLength(1);

    const granted = jest.fn(async (_scopes: string[]) => true);
    setConsentHandler(granted);
    const again = answers(consentRequired, consentRequired);
    await expect(api.get('/x', { fetchImpl: again.fetchImpl })).rejects.toMatchObject({ code: 'ConsentRequired' });
    expect(granted).toHaveBeenCalledTimes(1);
    expect(again.calls).toHaveLength(2);
  });

  it('asks directly for a button that knows the scopes (the popup opens from the click), false without a handler', async () => {
    await expect(askConsent([powerBi])).resolves.toBe(false);
    const consent = jest.fn(async (_scopes: string[]) => true);
    setConsentHandler(consent);
    await expect(askConsent([powerBi])).resolves.toBe(true);
    expect(consent).toHaveBeenCalledWith([powerBi]);
    setConsentHandler(async () => Promise.reject(new Error('popup blocked')));
    await expect(askConsent([powerBi])).resolves.toBe(false);
  });

  it('passes the error on without a handler, and when the handler fails', async () => {
    await expect(withConsent(async () => Promise.reject(new ApiError(403, 'ConsentRequired', 'x', [])), null)).rejects.toMatchObject({
      code: 'ConsentRequired',
    });
    const failing = async () => Promise.reject(new Error('popup blocked'));
    await expect(
      withConsent(async () => Promise.reject(new ApiError(403, 'ConsentRequired', 'x', [{ path: 'scopes', message: powerBi }])), failing),
    ).rejects.toMatchObject({ code: 'ConsentRequired' });
  });
});
