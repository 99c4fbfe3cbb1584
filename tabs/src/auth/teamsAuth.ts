import type { UnauthorizedInfo } from '../api/client';
import { fetchAuthConfig } from './oidc';
import { decodeJwt } from './pkce';
import { TeamsConsent } from './teamsConsent';
import { AuthStore, type Account, type AuthController, type AuthState, type TeamsProblem } from './types';

/** teams-js never settles getAuthToken() after a failed initialize, so every call is raced against this. */
export const TEAMS_TOKEN_TIMEOUT_MS = 20_000;
const RENEW_MARGIN_MS = 5 * 60_000;

export type GetTeamsToken = (interactive: boolean) => Promise<string>;

/** The real SDK, loaded lazily (host detection has initialised it when we get here). */
const sdkGetAuthToken: GetTeamsToken = async (interactive) => {
  const { authentication } = await import('@microsoft/teams-js');
  return authentication.getAuthToken(interactive ? { silent: false } : undefined);
};

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError('Teams did not answer')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** What went wrong, in words, and which action helps (consent or retry). */
export function classifyTeamsError(err: unknown): { problem: TeamsProblem; message: string } {
  if (err instanceof TimeoutError) {
    return { problem: 'timeout', message: "Microsoft Teams didn't answer Planboard's sign-in request. Try again, or reload the tab." };
  }
  const text = err instanceof Error ? err.message : String(err);
  if (/consent|invalid_grant|interaction_required|CancelledByUser|FailedToOpenWindow|65001/i.test(text)) {
    return { problem: 'consent', message: 'Planboard needs your permission to use your Microsoft 365 sign-in.' };
  }
  return { problem: 'error', message: `Teams couldn't sign you in to Planboard${text ? ` (${text})` : ''}.` };
}

function accountOf(claims: Record<string, unknown>): Account {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const upn = s(claims.preferred_username) || s(claims.upn) || s(claims.unique_name);
  return { oid: s(claims.oid), tid: s(claims.tid), name: s(claims.name) || upn, upn };
}

/** Inside Teams: single sign-on with `authentication.getAuthToken()`; the token is the API's. */
export class TeamsAuth implements AuthController {
  private readonly store = new AuthStore({ status: 'initializing' });
  private token: { value: string; expiresAt: number } | null = null;
  private acquiring: Promise<string> | null = null;
  private started = false;

  constructor(
    private readonly getAuthToken: GetTeamsToken = sdkGetAuthToken,
    private readonly timeoutMs = TEAMS_TOKEN_TIMEOUT_MS,
    private readonly now: () => number = Date.now,
    private readonly consents: Pick<TeamsConsent, 'consent'> = new TeamsConsent(() => fetchAuthConfig()),
  ) {}

  getSnapshot = (): AuthState => this.store.get();
  subscribe = (listener: () => void) => this.store.subscribe(listener);

  start(): void {
    if (this.started) return;
    this.started = true;
    this.acquire(false).catch(() => undefined);
  }

  private acquire(interactive: boolean): Promise<string> {
    this.acquiring ??= this.doAcquire(interactive).finally(() => (this.acquiring = null));
    return this.acquiring;
  }

  private async doAcquire(interactive: boolean): Promise<string> {
    try {
      const value = await withTimeout(this.getAuthToken(interactive), this.timeoutMs);
      const claims = decodeJwt(value);
      this.token = { value, expiresAt: Number(claims.exp) * 1000 || this.now() + 3_600_000 };
      const account = accountOf(claims);
      const state = this.store.get();
      if (state.status !== 'signed-in' || state.account.oid !== account.oid) this.store.set({ status: 'signed-in', account, via: 'teams' });
      return value;
    } catch (err) {
      this.token = null;
      this.store.set({ status: 'failed', ...classifyTeamsError(err) });
      throw err;
    }
  }

  async getToken(): Promise<string | null> {
    if (this.token && this.token.expiresAt - this.now() > RENEW_MARGIN_MS) return this.token.value;
    try {
      return await this.acquire(false);
    } catch {
      return null;
    }
  }

  async recover(info: UnauthorizedInfo): Promise<boolean> {
    if (info.final) {
      this.token = null;
      this.store.set({
        status: 'failed',
        problem: 'rejected',
        message: `Teams signed you in, but Planboard's API did not accept the sign-in: ${info.error.message}`,
      });
      return false;
    }
    this.token = null;
    const fresh = await this.acquire(false).catch(() => null);
    return fresh !== null && fresh !== info.token;
  }

  /** "Grant permission" / "Try again": ask Teams again, allowing it to show a consent prompt. */
  async signIn(): Promise<void> {
    this.store.set({ status: 'initializing' });
    await this.acquire(true).catch(() => undefined);
  }

  /** A 403 `ConsentRequired`: Teams' consent popup (`@microsoft/teamsfx`); true once the user consented. */
  consent(scopes: string[]): Promise<boolean> {
    return this.consents.consent(scopes);
  }

  /** The Teams session is Teams' own: there is nothing to sign out of here. */
  async signOut(): Promise<void> {}
}
