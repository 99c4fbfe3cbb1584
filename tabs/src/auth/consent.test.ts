import { describe, expect, it, jest } from '@jest/globals';
import { BrowserAuth } from './browserAuth';
import { browserConsentReturn, consentAuthorizeUrl, consentOutcome, consentSuccessResult, saveBrowserConsent } from './consentPages';
import { TeamsAuth } from './teamsAuth';
import { TeamsConsent, type ConsentCredentialConfig } from './teamsConsent';
import { config, memoryStore } from './testing';

const powerBi = 'https://analysis.windows.net/powerbi/api/Dataset.Read.All';
const app = 'https://tab.contoso.test/';

/** A stand-in for @microsoft/teamsfx's TeamsUserCredential, recording how it was made and used. */
function fakeTeamsfx(login: (scopes: string | string[]) => Promise<void> = async () => undefined) {
  const made: ConsentCredentialConfig[] = [];
  const logins: (string | string[])[] = [];
  const factory = async (settings: ConsentCredentialConfig) => {
    made.push(settings);
    return { login: (scopes: string | string[]) => (logins.push(scopes), login(scopes)) };
  };
  return { factory, made, logins };
}

describe("Teams' consent popup (TeamsUserCredential.login)", () => {
  it('logs in with the scopes the API named, from consent-start.html, and answers true', async () => {
    const teamsfx = fakeTeamsfx();
    const consent = new TeamsConsent(
      async () => config,
      () => app,
      teamsfx.factory,
    );
    await expect(consent.consent([powerBi])).resolves.toBe(true);
    expect(teamsfx.made).toEqual([{ clientId: 'tab-client', initiateLoginEndpoint: 'https://tab.contoso.test/consent-start.html' }]);
    expect(teamsfx.logins).toEqual([[powerBi]]);
  });

  it('answers false when the user closes the popup (teamsfx ConsentFailed), and opens one popup at a time', async () => {
    let close: (error: Error) => void = () => undefined;
    const teamsfx = fakeTeamsfx(() => new Promise<void>((_, reject) => (close = reject)));
    const consent = new TeamsConsent(
      async () => config,
      () => app,
      teamsfx.factory,
    );
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = consent.consent([powerBi]);
    const second = consent.consent([powerBi]);
    await new Promise((resolve) => setImmediate(resolve));
    close(new Error('ConsentFailed: CancelledByUser'));
    await expect(Promise.all([first, second])).resolves.toEqual([false, false]);
    expect(teamsfx.logins).toHaveLength(1);
  });

  it('is what TeamsAuth answers a ConsentRequired with', async () => {
    const consents = { consent: jest.fn(async (_scopes: string[]) => true) };
    const auth = new TeamsAuth(async () => 'token', 1000, Date.now, consents);
    await expect(auth.consent([powerBi])).resolves.toBe(true);
    expect(consents.consent).toHaveBeenCalledWith([powerBi]);
  });
});

describe('the consent popup pages', () => {
  it('consent-start sends the user to the authorization endpoint with prompt=consent for the scopes', async () => {
    const url = new URL(
      await consentAuthorizeUrl(
        config,
        `?clientId=tab-client&scope=${encodeURI(powerBi)}&loginHint=nora@contoso.test`,
        `${app}consent-start.html?x`,
      ),
    );
    expect(`${url.origin}${url.pathname}`).toBe(config.authorizationEndpoint);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'tab-client',
      prompt: 'consent',
      login_hint: 'nora@contoso.test',
      scope: `openid profile ${powerBi}`,
      redirect_uri: 'https://tab.contoso.test/consent-end.html',
      code_challenge_method: 'S256',
    });
    await expect(consentAuthorizeUrl(config, '?clientId=tab-client&scope=', app)).rejects.toThrow(/without scopes/);
  });

  it('consent-end reports consent, or the reason it was refused', () => {
    expect(consentOutcome('?code=abc&state=s')).toEqual({ ok: true });
    expect(consentOutcome('?error=access_denied&error_description=AADSTS65004%3A+declined')).toEqual({
      ok: false,
      reason: 'access_denied: AADSTS65004: declined',
    });
    expect(consentOutcome('')).toMatchObject({ ok: false });
    // TeamsUserCredential.login() parses the result as JSON and refuses one carrying an auth code.
    expect(JSON.parse(consentSuccessResult)).not.toHaveProperty('code');
  });
});

describe('the plain-browser fallback', () => {
  it('sends the page to the provider with prompt=consent for the scopes alone, and consent-end brings it back', async () => {
    const navigations: string[] = [];
    const store = memoryStore();
    const auth = new BrowserAuth({
      store,
      loadConfig: async () => config,
      href: () => `${app}?theme=dark#/budget`,
      navigate: (url) => void navigations.push(url),
    });
    await expect(auth.consent([powerBi])).resolves.toBe(false);
    const url = new URL(navigations[0] ?? '');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      prompt: 'consent',
      scope: `openid profile ${powerBi}`,
      redirect_uri: 'https://tab.contoso.test/consent-end.html',
    });
    expect(auth.getSnapshot()).toEqual({ status: 'redirecting', purpose: 'sign-in' });

    const state = url.searchParams.get('state') ?? '';
    const end = 'https://tab.contoso.test/consent-end.html';
    expect(browserConsentReturn(store, '?code=c&state=other', end)).toBeUndefined();
    expect(browserConsentReturn(store, `?code=c&state=${state}`, end)).toBe('https://tab.contoso.test/?theme=dark#/budget');
    // One-shot: in Teams' popup (no consent started in this browser tab) consent-end reports to Teams instead.
    expect(browserConsentReturn(store, `?code=c&state=${state}`, end)).toBeUndefined();
  });

  it('never returns to another origin', () => {
    const store = memoryStore();
    saveBrowserConsent(store, 's1', '//evil.example/x');
    expect(browserConsentReturn(store, '?state=s1', 'https://tab.contoso.test/consent-end.html')).toBe('https://tab.contoso.test/');
  });
});
