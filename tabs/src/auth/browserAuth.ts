import type { AuthConfig } from '@planboard/contracts';
import type { UnauthorizedInfo } from '../api/client';
import { consentRequest, saveBrowserConsent } from './consentPages';
import * as oidc from './oidc';
import { defaultStore, sessionKeys, type AuthResponse, type KeyValueStore, type SessionKeys, type TokenSet } from './storage';
import { AuthStore, type AuthController, type AuthNotice, type AuthState } from './types';

/** Renew this long before the access token expires. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
/** `getToken()` renews first when the token has less than this left. */
export const MIN_VALIDITY_MS = 60_000;
const MAX_RESPONSE_AGE_MS = 10 * 60_000;
const RETRY_MS = 30_000;

export interface BrowserAuthDeps {
  store?: KeyValueStore;
  fetch?: typeof fetch;
  now?: () => number;
  loadConfig?: () => Promise<AuthConfig>;
  /** Current page URL (the redirect URI and the return address derive from it). */
  href?: () => string;
  navigate?: (url: string) => void;
}

/** Outside Teams: OpenID Connect authorization code + PKCE against `/api/auth/config`'s provider. */
export class BrowserAuth implements AuthController {
  private readonly kv: KeyValueStore;
  private readonly keys: SessionKeys;
  private readonly store: AuthStore;
  private tokens: TokenSet | null;
  private configPromise: Promise<AuthConfig> | null = null;
  private refreshing: Promise<'ok' | 'transient' | 'ended'> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private readonly now: () => number;
  private readonly fetch: typeof fetch;
  private readonly navigate: (url: string) => void;

  constructor(private readonly deps: BrowserAuthDeps = {}) {
    this.kv = deps.store ?? defaultStore();
    this.keys = sessionKeys(this.kv);
    this.now = deps.now ?? Date.now;
    this.fetch = deps.fetch ?? ((input, init) => fetch(input, init));
    this.navigate = deps.navigate ?? ((url) => window.location.assign(url));
    this.tokens = this.keys.loadTokens();
    const fresh = this.tokens && this.tokens.expiresAt - this.now() > MIN_VALIDITY_MS;
    const initial: AuthState = this.keys.hasResponse()
      ? { status: 'initializing' }
      : this.tokens && fresh
        ? { status: 'signed-in', account: this.tokens.account, via: 'browser' }
        : this.tokens?.refreshToken
          ? { status: 'initializing' }
          : { status: 'signed-out' };
    this.store = new AuthStore(initial);
  }

  getSnapshot = (): AuthState => this.store.get();
  subscribe = (listener: () => void) => this.store.subscribe(listener);

  start(): void {
    if (this.started) return;
    this.started = true;
    void this.boot();
  }

  private async boot(): Promise<void> {
    const notice = this.keys.takeNotice() ?? undefined;
    const response = this.keys.takeResponse();
    if (response) return this.completeSignIn(response);
    const state = this.store.get();
    if (state.status === 'signed-in') return this.schedule();
    if (state.status === 'initializing') {
      await this.refresh();
      return;
    }
    if (this.tokens) this.keys.clearTokens();
    this.tokens = null;
    if (notice) this.store.set({ status: 'signed-out', notice });
  }

  private config(): Promise<AuthConfig> {
    this.configPromise ??= (this.deps.loadConfig ?? (() => oidc.fetchAuthConfig(this.fetch)))().catch((err: unknown) => {
      this.configPromise = null;
      throw err;
    });
    return this.configPromise;
  }

  private appBase(): string {
    const url = new URL(this.deps.href?.() ?? window.location.href);
    url.hash = '';
    url.search = '';
    return new URL('./', url).href;
  }

  private async completeSignIn(response: AuthResponse): Promise<void> {
    const params = new URLSearchParams(response.search);
    const pending = this.keys.takePending();
    const error = params.get('error');
    const code = params.get('code');
    if (error) return this.end(oidc.describeAuthError(error, params.get('error_description') ?? ''));
    if (!pending || !code || params.get('state') !== pending.state || this.now() - response.at > MAX_RESPONSE_AGE_MS) {
      return this.end(oidc.describeAuthError('invalid_state', 'The answer from the sign-in page does not match a sign-in started here.'));
    }
    try {
      this.accept(await oidc.redeemCode(await this.config(), code, pending, this.fetch, this.now()));
    } catch (err) {
      this.end(oidc.noticeOf(err));
    }
  }

  private accept(tokens: TokenSet): void {
    this.tokens = tokens;
    this.keys.saveTokens(tokens);
    const state = this.store.get();
    if (state.status !== 'signed-in' || state.account.oid !== tokens.account.oid) {
      this.store.set({ status: 'signed-in', account: tokens.account, via: 'browser' });
    }
    this.schedule();
  }

  private schedule(delay?: number): void {
    clearTimeout(this.timer);
    if (!this.tokens) return;
    const due = delay ?? Math.max(10_000, this.tokens.expiresAt - REFRESH_MARGIN_MS - this.now());
    this.timer = setTimeout(() => void this.refresh(), due);
  }

  private end(notice?: AuthNotice): void {
    clearTimeout(this.timer);
    this.tokens = null;
    this.keys.clearTokens();
    this.store.set({ status: 'signed-out', notice });
  }

  /** Redeems the refresh token (once at a time). `transient`: the provider was unreachable, the session lives on. */
  private refresh(): Promise<'ok' | 'transient' | 'ended'> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(): Promise<'ok' | 'transient' | 'ended'> {
    const current = this.tokens;
    if (!current?.refreshToken) {
      this.end(oidc.describeAuthError('invalid_grant'));
      return 'ended';
    }
    try {
      this.accept(await oidc.refreshTokens(await this.config(), current, this.fetch, this.now()));
      return 'ok';
    } catch (err) {
      const transient = err instanceof oidc.OidcError && err.error === 'network_error';
      if (transient && current.expiresAt - this.now() > MIN_VALIDITY_MS) {
        this.schedule(RETRY_MS);
        return 'transient';
      }
      this.end(oidc.noticeOf(err));
      return 'ended';
    }
  }

  async getToken(): Promise<string | null> {
    if (!this.tokens) return null;
    if (this.tokens.expiresAt - this.now() < MIN_VALIDITY_MS) await this.refresh();
    return this.tokens?.accessToken ?? null;
  }

  async recover(info: UnauthorizedInfo): Promise<boolean> {
    if (info.final) {
      this.end({
        intent: 'warning',
        title: 'Please sign in again',
        message: `Planboard could not confirm your sign-in: ${info.error.message}`,
      });
      return false;
    }
    // Another request may have renewed the token already.
    if (this.tokens && info.token && this.tokens.accessToken !== info.token) return true;
    const outcome = await this.refresh();
    if (outcome === 'transient') this.end(oidc.describeAuthError('network_error'));
    return outcome === 'ok';
  }

  async signIn(loginHint?: string): Promise<void> {
    return this.redirect({ loginHint, prompt: loginHint ? 'login' : undefined });
  }

  /**
   * A 403 `ConsentRequired` outside Teams (no Teams popup here): the page goes to the provider with
   * `prompt=consent` for the scopes alone and comes back (consent-end.html) to where it was, still
   * signed in; the request that needed consent then runs again as the page loads. Resolves false:
   * nothing can be retried on this page.
   */
  async consent(scopes: string[]): Promise<boolean> {
    const before = this.store.get();
    const loginHint = before.status === 'signed-in' ? before.account.upn : undefined;
    this.store.set({ status: 'redirecting', purpose: 'sign-in' });
    try {
      const { url, state } = await consentRequest(await this.config(), scopes, this.appBase(), loginHint);
      const here = new URL(this.deps.href?.() ?? window.location.href);
      saveBrowserConsent(this.kv, state, `${here.pathname}${here.search}${here.hash}`);
      this.navigate(url);
    } catch {
      this.store.set(before);
    }
    return false;
  }

  private async redirect(options: { loginHint?: string; prompt?: string }): Promise<void> {
    this.store.set({ status: 'redirecting', purpose: 'sign-in' });
    try {
      const config = await this.config();
      const { url, pending } = await oidc.authorizeRequest(config, oidc.redirectUriFor(config, this.appBase()), {
        loginHint: options.loginHint,
        prompt: options.prompt,
        now: this.now(),
      });
      const here = new URL(this.deps.href?.() ?? window.location.href);
      this.keys.savePending(pending, `${here.pathname}${here.search}${here.hash}`);
      this.navigate(url);
    } catch (err) {
      this.store.set({ status: 'signed-out', notice: oidc.noticeOf(err) });
    }
  }

  async signOut(): Promise<void> {
    const idToken = this.tokens?.idToken;
    const notice: AuthNotice = { intent: 'info', title: 'You signed out', message: 'Sign in again to continue.' };
    this.end(notice);
    this.store.set({ status: 'redirecting', purpose: 'sign-out' });
    try {
      const config = await this.config();
      this.keys.saveNotice(notice);
      this.navigate(oidc.endSessionUrl(config, this.appBase(), idToken));
    } catch {
      this.store.set({ status: 'signed-out', notice });
    }
  }
}
