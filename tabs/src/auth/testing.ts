/** Test helpers for the auth module (unsigned JWTs, a memory store, a fake token endpoint). */
import type { AuthConfig } from '@planboard/contracts';
import type { KeyValueStore } from './storage';

export const config: AuthConfig = {
  authority: 'http://127.0.0.1:53444/tid',
  authorizationEndpoint: 'http://127.0.0.1:53444/tid/oauth2/v2.0/authorize',
  tokenEndpoint: 'http://127.0.0.1:53444/tid/oauth2/v2.0/token',
  endSessionEndpoint: 'http://127.0.0.1:53444/tid/oauth2/v2.0/logout',
  clientId: 'tab-client',
  scopes: ['api://localhost:53000/api/access_as_user', 'openid', 'profile', 'offline_access'],
};

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** An unsigned JWT with these claims (the tab never verifies signatures; the API does). */
export const jwt = (claims: Record<string, unknown>) => `${b64url('{"alg":"none"}')}.${b64url(JSON.stringify(claims))}.sig`;

export const nora = { oid: 'oid-nora', tid: 'tid', name: 'Nora Lindqvist', preferred_username: 'nora@contoso.test' };

export function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

export interface TokenCall {
  form: URLSearchParams;
}

/** A token endpoint: answers each call with fresh tokens (rotating refresh tokens), or `fail`. */
export function tokenEndpoint(options: { nonce?: () => string | undefined; fail?: () => { status: number; body: unknown } | null } = {}) {
  const calls: TokenCall[] = [];
  let serial = 0;
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    const form = new URLSearchParams(String(init.body));
    calls.push({ form });
    const failure = options.fail?.();
    if (failure) return new Response(JSON.stringify(failure.body), { status: failure.status });
    serial += 1;
    const idClaims = { ...nora, aud: config.clientId, nonce: options.nonce?.() };
    return new Response(
      JSON.stringify({
        access_token: jwt({ ...nora, aud: 'api', n: serial }),
        id_token: jwt(idClaims),
        refresh_token: `rt-${serial}`,
        expires_in: 3599,
        token_type: 'Bearer',
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}
