import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  classifyFrame,
  detectHostWith,
  isKnownHostOrigin,
  normalizeTheme,
  onTeamsThemeChange,
  resetHostForTests,
  type HostWindow,
  type TeamsContextLike,
  type TeamsSdk,
} from './host';

const topLevel = (): HostWindow => {
  const w: HostWindow = { parent: null, opener: null, location: {} };
  w.parent = w;
  return w;
};
const framed = (parentOrigin?: string): HostWindow => ({
  parent: {},
  opener: null,
  location: parentOrigin ? { ancestorOrigins: [parentOrigin] } : {},
});

const context: TeamsContextLike = {
  app: { theme: 'dark', locale: 'en-gb', host: { name: 'Teams', clientType: 'web' } },
  page: { id: 'budget', frameContext: 'content' },
  user: { loginHint: 'ada@contoso.com', tenant: { id: 't1' } },
};

function fakeSdk(overrides: Partial<TeamsSdk> = {}): TeamsSdk {
  return {
    initialize: () => Promise.resolve(),
    getContext: () => Promise.resolve(context),
    registerOnThemeChangeHandler: () => undefined,
    ...overrides,
  };
}

afterEach(() => resetHostForTests());

describe('classifyFrame', () => {
  it('recognises a top-level page, a mobile webview and frames', () => {
    expect(classifyFrame(topLevel())).toBe('top-level');
    expect(classifyFrame({ ...topLevel(), nativeInterface: {} })).toBe('native-webview');
    expect(classifyFrame(framed('https://teams.microsoft.com'))).toBe('known-host-frame');
    expect(classifyFrame(framed('https://example.org'))).toBe('unknown-frame');
    expect(classifyFrame(framed())).toBe('unknown-frame');
    const popup = topLevel();
    popup.opener = {};
    expect(classifyFrame(popup)).toBe('unknown-frame');
  });

  it('knows Microsoft host origins and rejects look-alikes', () => {
    for (const o of [
      'https://teams.microsoft.com',
      'https://teams.cloud.microsoft',
      'https://outlook.office.com',
      'https://www.microsoft365.com',
      'https://teams.live.com',
    ]) {
      expect(isKnownHostOrigin(o)).toBe(true);
    }
    for (const o of [
      'http://teams.microsoft.com',
      'https://teams.microsoft.com.evil.io',
      'https://evilmicrosoft.com',
      'http://localhost:3000',
    ]) {
      expect(isKnownHostOrigin(o)).toBe(false);
    }
  });
});

describe('detectHostWith', () => {
  it('does not load the SDK on a top-level page', async () => {
    const loadSdk = jest.fn(() => Promise.resolve(fakeSdk()));
    await expect(detectHostWith({ window: topLevel(), loadSdk })).resolves.toEqual({ inTeams: false, reason: 'top-level', theme: null });
    expect(loadSdk).not.toHaveBeenCalled();
  });

  it('reports Teams with its context when initialize succeeds', async () => {
    const info = await detectHostWith({ window: framed('https://teams.microsoft.com'), loadSdk: () => Promise.resolve(fakeSdk()) });
    expect(info).toMatchObject({
      inTeams: true,
      reason: 'initialized',
      theme: 'dark',
      hostName: 'Teams',
      pageId: 'budget',
      loginHint: 'ada@contoso.com',
      tenantId: 't1',
    });
  });

  it('gives up quickly in a non-Teams frame where initialize never settles', async () => {
    const started = Date.now();
    const sdk = fakeSdk({ initialize: () => new Promise<void>(() => undefined) });
    const info = await detectHostWith({ window: framed('https://example.org'), loadSdk: () => Promise.resolve(sdk), timeoutMs: 50 });
    expect(info).toEqual({ inTeams: false, reason: 'timeout', theme: null });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('uses the longer timeout for known hosts', async () => {
    const sdk = fakeSdk({ initialize: () => new Promise<void>((r) => setTimeout(r, 80)) });
    const info = await detectHostWith({
      window: framed('https://teams.microsoft.com'),
      loadSdk: () => Promise.resolve(sdk),
      timeoutMs: 10,
      knownHostTimeoutMs: 1_000,
    });
    expect(info.inTeams).toBe(true);
  });

  it('treats a rejected initialize as not in Teams', async () => {
    const sdk = fakeSdk({ initialize: () => Promise.reject(new Error('No Parent window found')) });
    const info = await detectHostWith({ window: framed(), loadSdk: () => Promise.resolve(sdk) });
    expect(info).toEqual({ inTeams: false, reason: 'initialize-failed', theme: null });
  });

  it('still reports Teams when getContext stalls', async () => {
    const sdk = fakeSdk({ getContext: () => new Promise<TeamsContextLike>(() => undefined) });
    const info = await detectHostWith({
      window: framed('https://teams.microsoft.com'),
      loadSdk: () => Promise.resolve(sdk),
      knownHostTimeoutMs: 30,
    });
    expect(info).toEqual({ inTeams: true, reason: 'initialized', theme: 'default' });
  });
});

describe('theme', () => {
  it('normalises host themes', () => {
    expect(normalizeTheme('dark')).toBe('dark');
    expect(normalizeTheme('contrast')).toBe('contrast');
    expect(normalizeTheme('default')).toBe('default');
    expect(normalizeTheme('glass')).toBe('default');
    expect(normalizeTheme(undefined)).toBe('default');
  });

  it('forwards theme changes only once Teams was detected', async () => {
    const listener = jest.fn();
    expect(onTeamsThemeChange(listener)).toBeInstanceOf(Function);
    let handler: ((t: string) => void) | undefined;
    const sdk = fakeSdk({ registerOnThemeChangeHandler: (h) => void (handler = h) });
    await detectHostWith({ window: framed('https://teams.microsoft.com'), loadSdk: () => Promise.resolve(sdk) });
    const off = onTeamsThemeChange(listener);
    handler?.('contrast');
    expect(listener).toHaveBeenCalledWith('contrast');
    off();
    handler?.('dark');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
