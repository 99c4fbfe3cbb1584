import type { UnauthorizedInfo } from '../api/client';

/** The signed-in person, from the ID token (browser) or the SSO token (Teams). */
export interface Account {
  oid: string;
  tid: string;
  name: string;
  /** `preferred_username`: the UPN. */
  upn: string;
}

/** A message shown on the sign-in screen (why the user is there). */
export interface AuthNotice {
  intent: 'info' | 'warning' | 'error';
  title: string;
  message?: string;
}

/** Why Teams SSO failed, which decides the action offered. */
export type TeamsProblem = 'consent' | 'timeout' | 'rejected' | 'error';

export type AuthState =
  | { status: 'initializing' }
  | { status: 'redirecting'; purpose: 'sign-in' | 'sign-out' }
  | { status: 'signed-out'; notice?: AuthNotice }
  | { status: 'signed-in'; account: Account; via: 'browser' | 'teams' }
  | { status: 'failed'; problem: TeamsProblem; message: string };

/** One way of signing in (browser code flow, Teams SSO); the API client and the UI only see this. */
export interface AuthController {
  getSnapshot(): AuthState;
  subscribe(listener: () => void): () => void;
  /** Restores or acquires a session; idempotent. */
  start(): void;
  /** The access token for the API (renewed when close to expiry); null when signed out. */
  getToken(): Promise<string | null>;
  /** Called on a 401: renew once, or end the session with a reason when `final`. */
  recover(info: UnauthorizedInfo): Promise<boolean>;
  /** Browser: start the redirect flow (`loginHint` preselects the account). Teams: ask again, allowing consent. */
  signIn(loginHint?: string): Promise<void>;
  signOut(): Promise<void>;
  /**
   * Called on a 403 `ConsentRequired` (Power BI on the user's behalf): Teams shows its consent
   * popup (true once consented: the request is retried); the browser signs in again with
   * `prompt=consent` (the page leaves; false).
   */
  consent(scopes: string[]): Promise<boolean>;
}

/** A tiny observable store for controllers. */
export class AuthStore {
  private state: AuthState;
  private readonly listeners = new Set<() => void>();
  constructor(initial: AuthState) {
    this.state = initial;
  }
  get = (): AuthState => this.state;
  set(state: AuthState): void {
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
