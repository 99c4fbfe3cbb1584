/**
 * Host detection: are we running inside Microsoft Teams (or another M365 host), and with which theme?
 *
 * teams-js 2.x cannot tell us quickly when we are NOT in Teams: `app.initialize()` rejects at once
 * on a top-level page but waits ~60 s inside a non-Teams iframe, and after a failed initialize
 * `authentication.getAuthToken()` never settles. So we decide from the window first and only race
 * `app.initialize()` against a short timeout when we are framed (or in a mobile webview).
 * Callers (theme, auth, config page) must check `inTeams` before calling any other teams-js API.
 */
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

/** How the page is embedded, decided synchronously from the window alone. */
export type FrameKind = 'top-level' | 'native-webview' | 'known-host-frame' | 'unknown-frame';

export type HostReason = FrameKind | 'initialized' | 'timeout' | 'initialize-failed' | 'no-window';

export interface HostInfo {
  inTeams: boolean;
  /** Why detection concluded what it did (diagnostics, tests). */
  reason: HostReason;
  /** Host theme; null outside Teams (follow the OS/browser instead). */
  theme: TeamsThemeName | null;
  hostName?: string;
  clientType?: string;
  frameContext?: string;
  pageId?: string;
  subPageId?: string;
  locale?: string;
  loginHint?: string;
  tenantId?: string;
}

/** The part of teams-js context we read (structurally compatible with `app.Context`). */
export interface TeamsContextLike {
  app: { theme: string; locale: string; host: { name: string; clientType: string } };
  page: { id: string; frameContext: string; subPageId?: string };
  user?: { loginHint?: string; tenant?: { id: string } };
}

/** Narrow facade over teams-js so detection is unit-testable without the SDK. */
export interface TeamsSdk {
  initialize(): Promise<void>;
  getContext(): Promise<TeamsContextLike>;
  registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  /** Hides Teams' loading indicator (needed when the manifest sets `showLoadingIndicator`). */
  notifySuccess?(): void;
}

/** The window properties detection looks at. */
export interface HostWindow {
  parent: unknown;
  opener: unknown;
  location: { ancestorOrigins?: ArrayLike<string> };
  nativeInterface?: unknown;
}

export interface DetectOptions {
  window?: HostWindow;
  loadSdk?: () => Promise<TeamsSdk>;
  /** Timeout for frames whose parent we do not recognise (or cannot see). */
  timeoutMs?: number;
  /** Timeout when the parent origin is a known Microsoft host or a Teams mobile webview. */
  knownHostTimeoutMs?: number;
}

const KNOWN_HOST_ORIGIN =
  /^https:\/\/([a-z0-9-]+\.)*(microsoft\.com|microsoft\.us|cloud\.microsoft|live\.com|office\.com|office365\.com|microsoft365\.com|outlook\.com|sharepoint\.com)$/i;

export const DEFAULT_TIMEOUT_MS = 3_000;
export const DEFAULT_KNOWN_HOST_TIMEOUT_MS = 15_000;

export function isKnownHostOrigin(origin: string): boolean {
  return KNOWN_HOST_ORIGIN.test(origin);
}

export function classifyFrame(win: HostWindow): FrameKind {
  // Teams mobile renders tabs in a top-level webview and talks to it through `nativeInterface`.
  if (win.nativeInterface) return 'native-webview';
  if (win.parent === win && !win.opener) return 'top-level';
  const ancestors = win.location.ancestorOrigins;
  const parentOrigin = ancestors && ancestors.length > 0 ? ancestors[0] : undefined;
  if (parentOrigin && isKnownHostOrigin(parentOrigin)) return 'known-host-frame';
  return 'unknown-frame';
}

export function normalizeTheme(theme: string | undefined | null): TeamsThemeName {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

const notInTeams = (reason: HostReason): HostInfo => ({ inTeams: false, reason, theme: null });

type RaceResult<T> = { kind: 'ok'; value: T } | { kind: 'timeout' } | { kind: 'error'; error: unknown };

function raceTimeout<T>(promise: Promise<T>, ms: number): Promise<RaceResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<RaceResult<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), ms);
  });
  const settled = promise.then(
    (value): RaceResult<T> => ({ kind: 'ok', value }),
    (error: unknown): RaceResult<T> => ({ kind: 'error', error }),
  );
  return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}

/** Uncached detection with injectable window/SDK (unit tests use this). */
export async function detectHostWith(options: DetectOptions = {}): Promise<HostInfo> {
  const win = options.window ?? (typeof window === 'undefined' ? undefined : (window as unknown as HostWindow));
  if (!win) return notInTeams('no-window');
  const kind = classifyFrame(win);
  if (kind === 'top-level') return notInTeams('top-level');

  const loadSdk = options.loadSdk ?? loadTeamsSdk;
  const known = kind === 'known-host-frame' || kind === 'native-webview';
  const ms = known ? (options.knownHostTimeoutMs ?? DEFAULT_KNOWN_HOST_TIMEOUT_MS) : (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  const init = await raceTimeout(
    loadSdk().then(async (sdk) => {
      await sdk.initialize();
      return sdk;
    }),
    ms,
  );
  if (init.kind === 'timeout') return notInTeams('timeout');
  if (init.kind === 'error') return notInTeams('initialize-failed');

  const sdk = init.value;
  activeSdk = sdk;
  sdk.notifySuccess?.();
  const ctx = await raceTimeout(sdk.getContext(), ms);
  if (ctx.kind !== 'ok') return { inTeams: true, reason: 'initialized', theme: 'default' };
  const c = ctx.value;
  return {
    inTeams: true,
    reason: 'initialized',
    theme: normalizeTheme(c.app.theme),
    hostName: c.app.host.name,
    clientType: c.app.host.clientType,
    frameContext: c.page.frameContext,
    pageId: c.page.id,
    subPageId: c.page.subPageId,
    locale: c.app.locale,
    loginHint: c.user?.loginHint,
    tenantId: c.user?.tenant?.id,
  };
}

let activeSdk: TeamsSdk | undefined;
let cached: Promise<HostInfo> | undefined;

/** Detects the host once per page load (memoised). Never rejects. */
export function detectHost(): Promise<HostInfo> {
  cached ??= detectHostWith().catch(() => notInTeams('initialize-failed'));
  return cached;
}

/** Synchronous first guess, so the UI can render before detection finishes. */
export function quickHostGuess(): 'not-teams' | 'maybe-teams' {
  if (typeof window === 'undefined') return 'not-teams';
  return classifyFrame(window as unknown as HostWindow) === 'top-level' ? 'not-teams' : 'maybe-teams';
}

const themeListeners = new Set<(theme: TeamsThemeName) => void>();
let themeHandlerRegistered = false;

/** Subscribes to host theme changes. No-op (returns a no-op) unless detection found Teams. */
export function onTeamsThemeChange(listener: (theme: TeamsThemeName) => void): () => void {
  const sdk = activeSdk;
  if (!sdk) return () => undefined;
  themeListeners.add(listener);
  if (!themeHandlerRegistered) {
    themeHandlerRegistered = true;
    sdk.registerOnThemeChangeHandler((t) => themeListeners.forEach((l) => l(normalizeTheme(t))));
  }
  return () => themeListeners.delete(listener);
}

/** Lazily loads the real SDK, so pages opened outside Teams never download it. */
async function loadTeamsSdk(): Promise<TeamsSdk> {
  const { app } = await import('@microsoft/teams-js');
  return {
    initialize: () => app.initialize(),
    getContext: () => app.getContext() as Promise<TeamsContextLike>,
    registerOnThemeChangeHandler: (h) => app.registerOnThemeChangeHandler(h),
    notifySuccess: () => void app.notifySuccess().catch(() => undefined),
  };
}

/** For tests: forget the memoised detection and the active SDK. */
export function resetHostForTests(): void {
  cached = undefined;
  activeSdk = undefined;
  themeHandlerRegistered = false;
  themeListeners.clear();
}
