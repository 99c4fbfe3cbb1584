import type { AuthConfig } from '@planboard/contracts';
import { authorizeRequest } from './oidc';

/** The redirect URI of the consent popup (registered in aad.manifest.json as SPA). */
export const consentEndUrl = (pageHref: string): string => new URL('consent-end.html', pageHref).href;

/**
 * consent-start.html: where Teams' popup goes first. `TeamsUserCredential.login(scopes)` opens it
 * with `?clientId&scope&loginHint`; it sends the user to the authorization endpoint with
 * `prompt=consent` for those scopes. The code that comes back is never redeemed: what matters is
 * the consent Entra records (the API's on-behalf-of request then succeeds).
 */
export async function consentAuthorizeUrl(config: AuthConfig, search: string, pageHref: string): Promise<string> {
  const query = new URLSearchParams(search);
  const scopes = (query.get('scope') ?? '').split(/\s+/).filter(Boolean);
  if (scopes.length === 0) throw new Error('The consent page was opened without scopes.');
  const { url } = await authorizeRequest({ ...config, scopes: ['openid', 'profile', ...scopes] }, consentEndUrl(pageHref), {
    loginHint: query.get('loginHint') || undefined,
    prompt: 'consent',
  });
  return url;
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
