import { authConfigSchema, type AuthConfig } from '@planboard/contracts';
import { apiUrl } from '../api/client';
import { decodeJwt, randomString, s256 } from './pkce';
import type { PendingSignIn, TokenSet } from './storage';
import type { Account, AuthNotice } from './types';

/**
 * `GET /api/auth/config`: where and how to sign in (public values). Plain fetch, not the API
 * client: the client asks the auth module for a token, which may be waiting for this very call.
 */
export async function fetchAuthConfig(fetchImpl: typeof fetch = fetch): Promise<AuthConfig> {
  let res: Response;
  try {
    res = await fetchImpl(apiUrl('/auth/config'), { headers: { accept: 'application/json' } });
  } catch (err) {
    throw new OidcError('network_error', `Can't reach the Planboard API (${String(err)})`);
  }
  if (!res.ok) throw new OidcError('config_unavailable', `Planboard's sign-in settings are unavailable (HTTP ${res.status}).`);
  return authConfigSchema.parse(await res.json());
}

/** The local identity provider (plain HTTP on the loopback) rather than Microsoft Entra ID. */
export function isLocalAuthority(authority: string): boolean {
  const host = new URL(authority).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/**
 * `<app>/auth-end.html`. Entra only lets a browser redeem codes for redirect URIs registered as
 * "SPA", and aad.manifest.json registers that one as `auth-end.html?clientId=<id>`; the local
 * provider registers the bare page.
 */
export function redirectUriFor(config: AuthConfig, appBase: string): string {
  const uri = new URL('auth-end.html', appBase);
  if (!isLocalAuthority(config.authority)) uri.searchParams.set('clientId', config.clientId);
  return uri.href;
}

export class OidcError extends Error {
  override readonly name = 'OidcError';
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
  }
}

/** A new authorization request (code + PKCE S256, state, nonce) and what to remember for the callback. */
export async function authorizeRequest(
  config: AuthConfig,
  redirectUri: string,
  options: { loginHint?: string; prompt?: string; now?: number } = {},
): Promise<{ url: string; pending: PendingSignIn }> {
  const pending: PendingSignIn = {
    state: randomString(32),
    nonce: randomString(32),
    verifier: randomString(64),
    redirectUri,
    createdAt: options.now ?? Date.now(),
  };
  const query = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: redirectUri,
    scope: config.scopes.join(' '),
    code_challenge: await s256(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  if (options.loginHint) query.set('login_hint', options.loginHint);
  if (options.prompt) query.set('prompt', options.prompt);
  return { url: `${config.authorizationEndpoint}?${query}`, pending };
}

async function tokenRequest(config: AuthConfig, form: Record<string, string>, fetchImpl: typeof fetch): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetchImpl(config.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  } catch (err) {
    throw new OidcError('network_error', String(err));
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok || typeof body.access_token !== 'string') {
    throw new OidcError(
      String(body.error ?? `http_${res.status}`),
      String(body.error_description ?? 'The token endpoint refused the request.'),
    );
  }
  return body;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

function accountFrom(claims: Record<string, unknown>): Account {
  const upn = str(claims.preferred_username) || str(claims.upn) || str(claims.email) || str(claims.unique_name);
  return { oid: str(claims.oid) || str(claims.sub), tid: str(claims.tid), name: str(claims.name) || upn, upn };
}

/** Turns a token response into the stored set, checking the ID token's nonce and audience. */
export function tokenSetFrom(
  body: Record<string, unknown>,
  config: AuthConfig,
  now: number,
  expect: { nonce?: string; previous?: TokenSet } = {},
): TokenSet {
  const accessToken = str(body.access_token);
  const idToken = str(body.id_token) || undefined;
  let account = expect.previous?.account;
  if (idToken) {
    const claims = decodeJwt(idToken);
    if (expect.nonce !== undefined && claims.nonce !== expect.nonce)
      throw new OidcError('invalid_nonce', 'The ID token was not issued for this sign-in.');
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(config.clientId)) throw new OidcError('invalid_audience', 'The ID token was issued to another application.');
    account = accountFrom(claims);
  }
  account ??= accountFrom(decodeJwt(accessToken));
  const expiresIn = Number(body.expires_in) > 0 ? Number(body.expires_in) : 3600;
  return {
    accessToken,
    refreshToken: str(body.refresh_token) || expect.previous?.refreshToken,
    idToken: idToken ?? expect.previous?.idToken,
    expiresAt: now + expiresIn * 1000,
    account,
  };
}

/** Redeems the authorization code (with the PKCE verifier) at the token endpoint. */
export async function redeemCode(config: AuthConfig, code: string, pending: PendingSignIn, fetchImpl = fetch, now = Date.now()) {
  const form = {
    grant_type: 'authorization_code',
    client_id: config.clientId,
    code,
    redirect_uri: pending.redirectUri,
    code_verifier: pending.verifier,
  };
  return tokenSetFrom(await tokenRequest(config, form, fetchImpl), config, now, { nonce: pending.nonce });
}

/**
 * Redeems the refresh token; the provider rotates it, so the new one replaces the old. Entra wants
 * `scope` here (a subset of the original request); `offline_access` is left out because it is a
 * property of the grant, not of the new token (oidc-provider refuses it in a refresh request).
 */
export async function refreshTokens(config: AuthConfig, previous: TokenSet, fetchImpl = fetch, now = Date.now()) {
  if (!previous.refreshToken) throw new OidcError('invalid_grant', 'No refresh token.');
  const scope = config.scopes.filter((s) => s !== 'offline_access').join(' ');
  const form = { grant_type: 'refresh_token', client_id: config.clientId, refresh_token: previous.refreshToken, scope };
  return tokenSetFrom(await tokenRequest(config, form, fetchImpl), config, now, { previous });
}

/** RP-initiated logout back to the app. */
export function endSessionUrl(config: AuthConfig, postLogoutRedirectUri: string, idTokenHint?: string): string {
  const query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: postLogoutRedirectUri });
  if (idTokenHint) query.set('id_token_hint', idTokenHint);
  return `${config.endSessionEndpoint}?${query}`;
}

/** Words for the sign-in screen when the provider or the token endpoint said no. */
export function describeAuthError(error: string, description = ''): AuthNotice {
  const detail = description.split(/\r?\n/)[0]?.replace(/^AADSTS\d+:\s*/, '') || undefined;
  switch (error) {
    case 'access_denied':
      return { intent: 'warning', title: 'Sign-in was cancelled', message: 'Choose an account to continue.' };
    case 'invalid_grant':
    case 'login_required':
    case 'interaction_required':
      return { intent: 'warning', title: 'Your session has ended', message: 'Sign in again to continue where you left off.' };
    case 'config_unavailable':
      return { intent: 'error', title: "Can't start signing in", message: detail };
    case 'network_error':
      return { intent: 'error', title: "Can't reach the sign-in service", message: 'Check your connection, then try again.' };
    case 'invalid_nonce':
    case 'invalid_audience':
    case 'invalid_state':
      return { intent: 'error', title: "Sign-in didn't complete", message: `${detail ?? ''} Please try again.`.trim() };
    default:
      return { intent: 'error', title: "Sign-in didn't work", message: detail };
  }
}

/** Any failure of the sign-in machinery, in words. */
export const noticeOf = (err: unknown): AuthNotice =>
  err instanceof OidcError ? describeAuthError(err.error, err.description) : describeAuthError('unknown', String(err));
