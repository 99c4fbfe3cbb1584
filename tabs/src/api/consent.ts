/**
 * The answer to the API's 403 `ConsentRequired`: Planboard may not call Power BI as the user until
 * they (or an admin) consented to the scopes the error's details name. The auth module installs a
 * handler (Teams: the consent popup of `@microsoft/teamsfx`; browser: the sign-in with
 * `prompt=consent`); the API client then asks it once and, when consent was given, retries once.
 */
import type { ApiError } from './client';

/** Asks the user to consent to `scopes`; true when they did (the request is then retried). */
export type ConsentHandler = (scopes: string[]) => Promise<boolean>;

let consentHandler: ConsentHandler | null = null;

/** Installs (or removes, with null) the function that answers a 403 `ConsentRequired`. */
export function setConsentHandler(handler: ConsentHandler | null): void {
  consentHandler = handler;
}

/**
 * Asks the installed handler for consent to `scopes` now: for a button whose page already knows
 * the scopes (a popup that a click opens directly is not blocked). False without a handler.
 */
export function askConsent(scopes: string[]): Promise<boolean> {
  return consentHandler ? consentHandler(scopes).catch(() => false) : Promise.resolve(false);
}

/** The scopes a 403 `ConsentRequired` names (details `{ path: 'scopes', message: <scope> }`); undefined for any other error. */
export function consentScopesOf(error: unknown): string[] | undefined {
  const candidate = error as Partial<ApiError> | null;
  if (!candidate || candidate.status !== 403 || candidate.code !== 'ConsentRequired') return undefined;
  const details = Array.isArray(candidate.details) ? (candidate.details as { path?: unknown; message?: unknown }[]) : [];
  return details.filter((d) => d.path === 'scopes' && typeof d.message === 'string').map((d) => d.message as string);
}

/**
 * Runs `request`; on a 403 `ConsentRequired` asks `handler` for consent to the named scopes and,
 * when it was given, runs `request` once more (a second refusal is the caller's error to show).
 */
export async function withConsent<T>(request: () => Promise<T>, handler: ConsentHandler | null = consentHandler): Promise<T> {
  try {
    return await request();
  } catch (error) {
    const scopes = consentScopesOf(error);
    if (!scopes || !handler) throw error;
    if (!(await handler(scopes).catch(() => false))) throw error;
    return request();
  }
}
