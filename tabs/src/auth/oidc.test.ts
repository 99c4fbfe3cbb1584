import { describe, expect, it } from '@jest/globals';
import { authorizeRequest, describeAuthError, endSessionUrl, OidcError, redeemCode, redirectUriFor, refreshTokens } from './oidc';
import { s256 } from './pkce';
import { config, nora, tokenEndpoint } from './testing';

describe('oidc', () => {
  it('builds an authorization code + PKCE request', async () => {
    const { url, pending } = await authorizeRequest(config, 'http://127.0.0.1:53000/auth-end.html', {
      loginHint: 'nora@x',
      prompt: 'login',
      now: 5,
    });
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe(config.authorizationEndpoint);
    const q = Object.fromEntries(u.searchParams);
    expect(q).toMatchObject({
      client_id: 'tab-client',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:53000/auth-end.html',
      scope: config.scopes.join(' '),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      login_hint: 'nora@x',
      prompt: 'login',
    });
    expect(q.code_challenge).toBe(await s256(pending.verifier));
    expect(pending.verifier).toHaveLength(64);
    expect(pending.createdAt).toBe(5);
  });

  it('uses the bare auth-end page locally and the SPA-registered one with Entra', () => {
    expect(redirectUriFor(config, 'http://127.0.0.1:53000/')).toBe('http://127.0.0.1:53000/auth-end.html');
    const entra = { ...config, authority: 'https://login.microsoftonline.com/tid' };
    expect(redirectUriFor(entra, 'https://tab.example/app/')).toBe('https://tab.example/app/auth-end.html?clientId=tab-client');
  });

  it('redeems the code with the verifier and checks the ID token nonce', async () => {
    const pending = { state: 's', nonce: 'n1', verifier: 'v', redirectUri: 'http://x/auth-end.html', createdAt: 0 };
    const ok = tokenEndpoint({ nonce: () => 'n1' });
    const tokens = await redeemCode(config, 'the-code', pending, ok.fetchImpl, 1_000);
    expect(Object.fromEntries(ok.calls[0]!.form)).toEqual({
      grant_type: 'authorization_code',
      client_id: 'tab-client',
      code: 'the-code',
      redirect_uri: 'http://x/auth-end.html',
      code_verifier: 'v',
    });
    expect(tokens).toMatchObject({
      refreshToken: 'rt-1',
      expiresAt: 1_000 + 3599_000,
      account: { oid: nora.oid, name: nora.name, upn: nora.preferred_username },
    });

    const replayed = tokenEndpoint({ nonce: () => 'other' });
    await expect(redeemCode(config, 'c', pending, replayed.fetchImpl)).rejects.toMatchObject({ error: 'invalid_nonce' });
  });

  it('refreshes without offline_access in the scope and keeps the rotated refresh token', async () => {
    const endpoint = tokenEndpoint();
    const previous = {
      accessToken: 'a',
      refreshToken: 'rt-0',
      idToken: 'i',
      expiresAt: 0,
      account: { oid: 'o', tid: 't', name: 'N', upn: 'u' },
    };
    const next = await refreshTokens(config, previous, endpoint.fetchImpl, 0);
    const form = Object.fromEntries(endpoint.calls[0]!.form);
    expect(form).toMatchObject({ grant_type: 'refresh_token', client_id: 'tab-client', refresh_token: 'rt-0' });
    expect(form.scope).toBe('api://localhost:53000/api/access_as_user openid profile');
    expect(next.refreshToken).toBe('rt-1');
    expect(next.accessToken).not.toBe('a');
  });

  it('turns token endpoint errors into OidcError and words', async () => {
    const denied = tokenEndpoint({
      fail: () => ({ status: 400, body: { error: 'invalid_grant', error_description: 'grant request is invalid' } }),
    });
    const previous = { accessToken: 'a', refreshToken: 'r', expiresAt: 0, account: { oid: 'o', tid: 't', name: 'N', upn: 'u' } };
    const err = await refreshTokens(config, previous, denied.fetchImpl).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OidcError);
    expect(describeAuthError((err as OidcError).error).title).toBe('Your session has ended');
    expect(describeAuthError('access_denied', 'AADSTS50126: The user canceled.').title).toBe('Sign-in was cancelled');
    expect(describeAuthError('server_error', 'AADSTS90002: Tenant not found.\nTrace ID: x')).toEqual({
      intent: 'error',
      title: "Sign-in didn't work",
      message: 'Tenant not found.',
    });
  });

  it('signs out through the end-session endpoint back to the app', () => {
    const url = new URL(endSessionUrl(config, 'http://127.0.0.1:53000/', 'id.tok'));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'tab-client',
      post_logout_redirect_uri: 'http://127.0.0.1:53000/',
      id_token_hint: 'id.tok',
    });
  });
});
