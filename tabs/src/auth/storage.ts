import type { Account, AuthNotice } from './types';

/**
 * What the browser flow keeps in sessionStorage (per browser tab, gone when it closes).
 * `public/auth-end.html` shares two keys with this file: it reads RETURN_TO and writes RESPONSE.
 */
export const KEYS = {
  tokens: 'planboard.auth.tokens',
  pending: 'planboard.auth.pending',
  returnTo: 'planboard.auth.returnTo',
  response: 'planboard.auth.response',
  notice: 'planboard.auth.notice',
} as const;

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
  account: Account;
}

/** The sign-in request in flight: checked when the provider redirects back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  createdAt: number;
}

/** The authorization response `auth-end.html` handed over: the query string of the redirect. */
export interface AuthResponse {
  search: string;
  at: number;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** sessionStorage, or a memory store where it is unavailable (sandboxed frames, tests). */
export function defaultStore(): KeyValueStore {
  try {
    const probe = '__planboard_probe__';
    window.sessionStorage.setItem(probe, '1');
    window.sessionStorage.removeItem(probe);
    return window.sessionStorage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) };
  }
}

function readJson<T>(store: KeyValueStore, key: string, valid: (value: Partial<T>) => boolean): T | null {
  try {
    const raw = store.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<T> | null;
    return value && typeof value === 'object' && valid(value) ? (value as T) : null;
  } catch {
    return null;
  }
}

/** Reads and removes a value (one-shot handovers). */
function take<T>(store: KeyValueStore, key: string, valid: (value: Partial<T>) => boolean): T | null {
  const value = readJson<T>(store, key, valid);
  store.removeItem(key);
  return value;
}

export const sessionKeys = (store: KeyValueStore) => ({
  loadTokens: () =>
    readJson<TokenSet>(store, KEYS.tokens, (t) => typeof t.accessToken === 'string' && typeof t.expiresAt === 'number' && !!t.account),
  saveTokens: (tokens: TokenSet) => store.setItem(KEYS.tokens, JSON.stringify(tokens)),
  clearTokens: () => store.removeItem(KEYS.tokens),
  savePending: (pending: PendingSignIn, returnTo: string) => {
    store.setItem(KEYS.pending, JSON.stringify(pending));
    store.setItem(KEYS.returnTo, returnTo);
  },
  takePending: () => {
    store.removeItem(KEYS.returnTo);
    return take<PendingSignIn>(store, KEYS.pending, (p) => typeof p.state === 'string' && typeof p.verifier === 'string');
  },
  hasResponse: () => store.getItem(KEYS.response) !== null,
  takeResponse: () => take<AuthResponse>(store, KEYS.response, (r) => typeof r.search === 'string'),
  saveNotice: (notice: AuthNotice) => store.setItem(KEYS.notice, JSON.stringify(notice)),
  takeNotice: () => take<AuthNotice>(store, KEYS.notice, (n) => typeof n.title === 'string'),
});
export type SessionKeys = ReturnType<typeof sessionKeys>;
