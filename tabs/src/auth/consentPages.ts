import type { AuthConfig } from '@planboard/contracts';
import { authorizeRequest } from './oidc';
import type { KeyValueStore } from './storage';

/** The redirect URI of a consent request (registered in aad.manifest.json as SPA). */
export const consentEndUrl = (pageHref: string): string => new URL('consent-end.html', pageHref).href;

/** sessionStorage key of a consent the browser flow started: its `state` and where to return. */
export const CONSENT_KEY = 'planboard.consent.pending';

/**
 * An authorization request that only asks for consent: `prompt=consent` for the downstream
 * scopes alone (one resource per request, as Entra requires), redirecting to consent-end.html.
 * The code that comes back is never redeemed: what matters is the consent Entra records (the API's
 * on-behalf-of request then succeeds).
 */
export async function consentRequest(
  config: AuthConfig,
  scopes: string[],
  pageHref: string,
  loginHint?: string,
): Promise<{ url: string; state: string }> {
  if (scopes.length === 0) throw new Error('The consent page was opened without scopes.');
  const { url, pending } = await authorizeRequest({ ...config, scopes: ['openid', 'profile', ...scopes] }, consentEndUrl(pageHref), {
    loginHint,
    prompt: 'consent',
  });
  return { url, state: pending.state };
}

/**
 * consent-start.html: where Teams' popup goes first. `TeamsUserCredential.login(scopes)` opens it
 * with `?clientId&scope&loginHint`; it sends the user on to the consent request.
 */
export async function consentAuthorizeUrl(config: AuthConfig, search: string, pageHref: string): Promise<string> {
  const query = new URLSearchParams(search);
  const scopes = (query.get('scope') ?? '').split(/\s+/).filter(Boolean);
  return (await consentRequest(config, scopes, pageHref, query.get('loginHint') || undefined)).url;
}

/** Remembers a consent the browser flow starts (the whole page goes to the provider and back). */
export function saveBrowserConsent(store: KeyValueStore, state: string, returnTo: string): void {
  store.setItem(CONSENT_KEY, JSON.stringify({ state, returnTo }));
}

/**
 * consent-end.html in a browser: when the answer's `state` is that of a consent this tab started,
 * the page to go back to (same origin only); undefined in Teams' popup (no such consent here).
 */
export function browserConsentReturn(store: KeyValueStore, search: string, pageHref: string): string | undefined {
  const raw = store.getItem(CONSENT_KEY);
  if (!raw) return undefined;
  let saved: { state?: unknown; returnTo?: unknown };
  try {
    saved = JSON.parse(raw) as typeof saved;
  } catch {
    return undefined;
  }
  if (saved.state !== new URLSearchParams(search).get('state')) return undefined;
  store.removeItem(CONSENT_KEY);
  const app = new URL('./', pageHref);
  const back =
    typeof saved.returnTo === 'string' && saved.returnTo.startsWith('/') && !saved.returnTo.startsWith('//') ? saved.returnTo : '';
  const target = back ? new URL(back, app) : app;
  return target.origin === app.origin ? target.href : app.href;
}

/** What consent-end.html reports to Teams: consented (`?code`), or why not (`?error`). */
export function consentOutcome(search: string): { ok: true } | { ok: false; reason: string } {
  const query = new URLSearchParams(search);
  const error = query.get('error');
  if (error) return { ok: false, reason: [error, query.get('error_description')].filter(Boolean).join(': ') };
  if (query.get('code')) return { ok: true };
  return { ok: false, reason: 'The sign-in page came back without an answer.' };
}

/**
 * The result consent-end.html hands to `authentication.notifySuccess()`: JSON without a `code`
 * (TeamsUserCredential.login() parses it and refuses auth codes).
 */
export const consentSuccessResult = JSON.stringify({ consented: true });
