import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ApiError } from '../api/client';
import { BrowserAuth } from './browserAuth';
import { KEYS } from './storage';
import { config, memoryStore, nora, tokenEndpoint } from './testing';

const APP = 'http://127.0.0.1:53000/?theme=dark#/budget';
let now = 1_000_000;
const flush = () => new Promise((resolve) => jest.requireActual<typeof import('timers')>('timers').setImmediate(resolve));

function setup(options: { fail?: () => { status: number; body: unknown } | null } = {}) {
  const store = memoryStore();
  const navigations: string[] = [];
  let nonce: string | undefined;
  const endpoint = tokenEndpoint({ nonce: () => nonce, fail: options.fail });
  const make = () =>
    new BrowserAuth({
      store,
      fetch: endpoint.fetchImpl,
      now: () => now,
      loadConfig: async () => config,
      href: () => APP,
      navigate: (u) => void navigations.push(u),
    });
  /** Runs the redirect round trip: signIn → (provider) → auth-end.html hands over ?code&state. */
  const signIn = async (hint = nora.preferred_username) => {
    const first = make();
    first.start();
    await first.signIn(hint);
    const sent = new URL(navigations.at(-1) ?? '');
    nonce = sent.searchParams.get('nonce') ?? undefined;
    store.setItem(KEYS.response, JSON.stringify({ search: `?code=c1&state=${sent.searchParams.get('state')}`, at: now }));
    const auth = make();
    auth.start();
    await flush();
    return { auth, sent };
  };
  return { store, navigations, endpoint, make, signIn };
}

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
  now = 1_000_000;
});
afterEach(() => {
  jest.useRealTimers();
});

describe('BrowserAuth', () => {
  it('starts signed out and redirects to the provider with a hint, remembering where to return', async () => {
    const { make, navigations, store } = setup();
    const auth = make();
    auth.start();
    expect(auth.getSnapshot()).toEqual({ status: 'signed-out' });
    await auth.signIn('nora@contoso.test');
    const url = new URL(navigations[0] ?? '');
    expect(url.searchParams.get('login_hint')).toBe('nora@contoso.test');
    expect(url.searchParams.get('prompt')).toBe('login');
    expect(url.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:53000/auth-end.html');
    expect(store.getItem(KEYS.returnTo)).toBe('/?theme=dark#/budget');
    expect(auth.getSnapshot()).toEqual({ status: 'redirecting', purpose: 'sign-in' });
  });

  it('completes the code exchange and restores the session on the next load without the provider', async () => {
    const { signIn, make, endpoint, store } = setup();
    const { auth } = await signIn();
    expect(auth.getSnapshot()).toMatchObject({
      status: 'signed-in',
      via: 'browser',
      account: { name: nora.name, upn: nora.preferred_username },
    });
    expect(endpoint.calls[0]?.form.get('grant_type')).toBe('authorization_code');
    expect(store.getItem(KEYS.response)).toBeNull();
    expect(store.getItem(KEYS.pending)).toBeNull();
    const again = make();
    expect(again.getSnapshot().status).toBe('signed-in');
    await expect(again.getToken()).resolves.toEqual(expect.any(String));
    expect(endpoint.calls).toHaveLength(1);
  });

  it('refuses an answer whose state does not match, and explains a cancelled sign-in', async () => {
    const { make, store } = setup();
    store.setItem(KEYS.response, JSON.stringify({ search: '?code=c&state=forged', at: now }));
    const forged = make();
    forged.start();
    await flush();
    expect(forged.getSnapshot()).toMatchObject({ status: 'signed-out', notice: { title: "Sign-in didn't complete" } });
    store.setItem(KEYS.response, JSON.stringify({ search: '?error=access_denied&error_description=AADSTS50126', at: now }));
    const cancelled = make();
    cancelled.start();
    await flush();
    expect(cancelled.getSnapshot()).toMatchObject({ status: 'signed-out', notice: { title: 'Sign-in was cancelled' } });
  });

  it('renews before expiry on a timer, rotating the refresh token', async () => {
    const { signIn, endpoint, store } = setup();
    const { auth } = await signIn();
    const first = await auth.getToken();
    now += 55 * 60_000;
    await jest.advanceTimersByTimeAsync(55 * 60_000);
    await flush();
    expect(endpoint.calls.map((c) => c.form.get('grant_type'))).toEqual(['authorization_code', 'refresh_token']);
    expect(endpoint.calls[1]?.form.get('refresh_token')).toBe('rt-1');
    expect(await auth.getToken()).not.toBe(first);
    expect(JSON.parse(store.getItem(KEYS.tokens) ?? '{}').refreshToken).toBe('rt-2');
  });

  it('on a 401 renews once; when the retry is refused too, signs out with the reason', async () => {
    const { signIn, endpoint } = setup();
    const { auth } = await signIn();
    const token = await auth.getToken();
    const error = new ApiError(401, 'Unauthorized', 'The token was revoked.');
    await expect(auth.recover({ token, error, final: false })).resolves.toBe(true);
    expect(endpoint.calls).toHaveLength(2);
    // A second request that failed with the old token just retries with the new one.
    await expect(auth.recover({ token, error, final: false })).resolves.toBe(true);
    expect(endpoint.calls).toHaveLength(2);
    await expect(auth.recover({ token: await auth.getToken(), error, final: true })).resolves.toBe(false);
    expect(auth.getSnapshot()).toMatchObject({ status: 'signed-out', notice: { title: 'Please sign in again' } });
    await expect(auth.getToken()).resolves.toBeNull();
  });

  it('ends the session when the refresh token is refused', async () => {
    let refuse = false;
    const { signIn } = setup({
      fail: () => (refuse ? { status: 400, body: { error: 'invalid_grant', error_description: 'expired' } } : null),
    });
    const { auth } = await signIn();
    refuse = true;
    now += 59.5 * 60_000;
    await expect(auth.getToken()).resolves.toBeNull();
    expect(auth.getSnapshot()).toMatchObject({ status: 'signed-out', notice: { title: 'Your session has ended' } });
  });

  it('signs out at the end-session endpoint and shows a notice after coming back', async () => {
    const { signIn, navigations, make, store } = setup();
    const { auth } = await signIn();
    await auth.signOut();
    const url = new URL(navigations.at(-1) ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(config.endSessionEndpoint);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('http://127.0.0.1:53000/');
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    expect(store.getItem(KEYS.tokens)).toBeNull();
    const back = make();
    back.start();
    await flush();
    expect(back.getSnapshot()).toMatchObject({ status: 'signed-out', notice: { title: 'You signed out' } });
  });
});
