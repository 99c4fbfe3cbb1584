import { decodeJwt } from 'jose';
import { caFetch } from './ca-fetch';
import { verifierFor } from './test-support/verify';
import { CookieJar, IdentityEmulatorClient, spawnIdentityProvider, type EmulatorConfig, type SpawnedIdentityProvider } from './testing';

const tid = '7d3c0b9e-2f4a-4c61-9b8e-5a1f0c2d3e4b';
const admin = 'alex.morgan@contoso.onmicrosoft.com';
const leader = 'nora.lindqvist@contoso.onmicrosoft.com';
const tabOrigin = 'http://127.0.0.1:53000';

let idp: SpawnedIdentityProvider;
let browser: IdentityEmulatorClient;
let config: EmulatorConfig;
let verify: ReturnType<typeof verifierFor>;
let https: ReturnType<typeof caFetch>;

beforeAll(async () => {
  idp = await spawnIdentityProvider();
  // The browser listener: plain HTTP on 127.0.0.1, so a browser needs no trust in the local CA.
  browser = new IdentityEmulatorClient(idp.urls.browserOrigin ?? '');
  config = await browser.config();
  verify = verifierFor(idp);
  https = caFetch(idp.ca);
}, 60_000);

afterAll(async () => {
  await idp?.stop();
});

describe('discovery and keys', () => {
  it('serves the v2 discovery document where msal looks for it, with Entra-style endpoints', async () => {
    const response = await https(`https://localhost:${new URL(idp.urls.origin).port}/${tid}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as Record<string, unknown>;
    const authority = `${idp.urls.origin}/${tid}`;
    expect(document).toMatchObject({
      issuer: `${authority}/v2.0`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(document.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'client_credentials', 'urn:ietf:params:oauth:grant-type:jwt-bearer']),
    );
  });

  it('serves the v1 document (issuer standing in for sts.windows.net) at both v1 paths', async () => {
    for (const url of [idp.urls.discoveryV1, `${idp.urls.origin}/sts/${tid}/.well-known/openid-configuration`]) {
      const document = (await (await https(url)).json()) as Record<string, unknown>;
      expect(document.issuer).toBe(`${idp.urls.origin}/sts/${tid}/`);
    }
  });

  it('publishes public RSA signing keys with a kid, and no private parts', async () => {
    const { keys } = (await (await https(idp.urls.jwksUri)).json()) as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
      expect(typeof key.kid).toBe('string');
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(secret);
    }
  });

  it('keeps the HTTPS issuer on the browser listener, with endpoints on that listener', async () => {
    const response = await fetch(`${idp.urls.browserOrigin}/${tid}/v2.0/.well-known/openid-configuration`);
    const document = (await response.json()) as Record<string, unknown>;
    expect(document.issuer).toBe(idp.urls.issuers.v2);
    expect(document.token_endpoint).toBe(`${idp.urls.browserOrigin}/${tid}/oauth2/v2.0/token`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('authorization code + PKCE (the tab outside Teams)', () => {
  it('issues an Entra v2 access token for the API and an ID token to the tab', async () => {
    const result = await browser.signIn({ user: admin });
    expect(result.pickedAccount).toBe(true);
    expect(result.allowOrigin).toBe(tabOrigin);
    expect(result.refreshToken).toEqual(expect.any(String));
    const user = config.users.find((candidate) => candidate.upn === admin);
    const claims = await verify(result.accessToken, { audience: config.api.clientId, issuer: idp.urls.issuers.v2 });
    expect(claims).toMatchObject({
      aud: config.api.clientId,
      iss: `${idp.urls.origin}/${tid}/v2.0`,
      tid,
      oid: user?.oid,
      preferred_username: admin,
      name: 'Alex Morgan',
      scp: 'access_as_user',
      roles: ['Admin'],
      azp: config.tab.clientId,
      azpacr: '0',
      idtyp: 'user',
      ver: '2.0',
    });
    expect(claims.nbf).toBe(claims.iat);
    expect(typeof claims.uti).toBe('string');
    expect(claims).not.toHaveProperty('jti');
    const idToken = decodeJwt(result.idToken ?? '');
    expect(idToken).toMatchObject({
      aud: config.tab.clientId,
      iss: idp.urls.issuers.v2,
      oid: user?.oid,
      tid,
      preferred_username: admin,
      name: 'Alex Morgan',
      ver: '2.0',
      sub: claims.sub,
    });
  });

  it('issues an Entra v1 token (Application ID URI audience, upn, appid) when asked for one', async () => {
    const { accessToken } = await browser.signIn({ user: leader, tokenVersion: 1 });
    const claims = await verify(accessToken, { audience: config.api.applicationIdUri, issuer: idp.urls.issuers.v1 });
    expect(claims).toMatchObject({
      aud: config.api.applicationIdUri,
      iss: `${idp.urls.origin}/sts/${tid}/`,
      upn: leader,
      unique_name: leader,
      appid: config.tab.clientId,
      scp: 'access_as_user',
      tid,
      ver: '1.0',
    });
    expect(claims).not.toHaveProperty('roles');
  });

  it('reuses the session (single sign-on) until prompt=login forces the account picker', async () => {
    const jar = new CookieJar();
    expect((await browser.signIn({ user: leader, jar })).pickedAccount).toBe(true);
    expect((await browser.signIn({ user: leader, jar })).pickedAccount).toBe(false);
    const switched = await browser.signIn({ user: admin, jar, prompt: 'login' });
    expect(switched.pickedAccount).toBe(true);
    expect(decodeJwt(switched.accessToken).preferred_username).toBe(admin);
  });

  it('refuses a code exchange with the wrong PKCE verifier and a redirect URI that is not registered', async () => {
    const endpoints = await browser.endpoints();
    const wrongRedirect = await fetch(
      `${endpoints.authorizationEndpoint}?client_id=${config.tab.clientId}&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('http://evil.example/cb')}&code_challenge=abc&code_challenge_method=S256`,
      { redirect: 'manual' },
    );
    expect(wrongRedirect.status).toBe(400);
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.tab.clientId,
      code: 'not-a-code',
      redirect_uri: config.tab.redirectUris[0] ?? '',
      code_verifier: 'x'.repeat(43),
    });
    const response = await fetch(endpoints.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('lets the tab origins call the token endpoint cross-origin, and no other origin', async () => {
    const endpoints = await browser.endpoints();
    const preflight = await fetch(endpoints.tokenEndpoint, {
      method: 'OPTIONS',
      headers: { origin: tabOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(tabOrigin);
    // The preflight cannot know the client; the request itself is checked against the client's origins.
    const post = (origin: string) =>
      fetch(endpoints.tokenEndpoint, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: config.tab.clientId, refresh_token: 'unknown' }),
      });
    const fromTab = await post('http://localhost:53000');
    expect(fromTab.headers.get('access-control-allow-origin')).toBe('http://localhost:53000');
    const fromElsewhere = await post('http://evil.example');
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await fromElsewhere.json()) as { error_description: string }).error_description).toMatch(/origin .* not allowed/);
  });

  it('redeems the refresh token for a new access token from the tab origin', async () => {
    const { refreshToken } = await browser.signIn({ user: leader });
    const response = await fetch((await browser.endpoints()).tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: tabOrigin },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: config.tab.clientId, refresh_token: refreshToken ?? '' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(tabOrigin);
    const body = (await response.json()) as { access_token: string; refresh_token: string };
    expect(body.refresh_token).not.toBe(refreshToken);
    expect(await verify(body.access_token, { audience: config.api.clientId })).toMatchObject({
      preferred_username: leader,
      scp: 'access_as_user',
    });
  });

  it('signs out (end_session) back to the tab, after which the account picker shows again', async () => {
    const signedIn = await browser.signIn({ user: leader });
    const { jar } = signedIn;
    const endpoints = await browser.endpoints();
    const postLogout = config.tab.postLogoutRedirectUris[0] ?? '';
    const logoutUrl = `${endpoints.endSessionEndpoint}?${new URLSearchParams({ client_id: config.tab.clientId, post_logout_redirect_uri: postLogout, id_token_hint: signedIn.idToken ?? '' })}`;
    const page = await fetch(logoutUrl, { headers: { cookie: jar.header(logoutUrl) } });
    jar.store(logoutUrl, page);
    const html = await page.text();
    const action = /action="([^"]+)"/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const confirmUrl = new URL(action, logoutUrl).href;
    const confirmed = await fetch(confirmUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(confirmUrl), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    jar.store(confirmUrl, confirmed);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toMatch(new RegExp(`^${postLogout}`));
    expect((await browser.signIn({ user: leader, jar })).pickedAccount).toBe(true);
  });

  const authorizeUrl = async (extra: Record<string, string>) => {
    const endpoints = await browser.endpoints();
    return `${endpoints.authorizationEndpoint}?${new URLSearchParams({ client_id: config.tab.clientId, response_type: 'code', scope: config.tab.scopes.join(' '), redirect_uri: config.tab.redirectUris[0] ?? '', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256', ...extra })}`;
  };

  it('lists every sample user with name, UPN, role and business unit on the sign-in page, in light and dark', async () => {
    const jar = new CookieJar();
    const url = await authorizeUrl({});
    const redirect = await fetch(url, { redirect: 'manual' });
    jar.store(url, redirect);
    const pageUrl = new URL(redirect.headers.get('location') ?? '', url).href;
    const html = await (await fetch(pageUrl, { headers: { cookie: jar.header(pageUrl) } })).text();
    expect(config.users).toHaveLength(20);
    for (const user of config.users) {
      expect(html).toContain(user.upn);
      expect(html).toContain(user.oid);
    }
    expect(html).toMatch(/app role Admin/);
    expect(html).toMatch(/leader · Sales North</);
    expect(html).toMatch(/manager · Sales North, Sales South, Marketing</);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toMatch(/@media \(prefers-color-scheme: dark\)/);
  });

  it('signs the hinted account in without a second picker (the app already offered one)', async () => {
    const jar = new CookieJar();
    const url = await authorizeUrl({ login_hint: admin, prompt: 'login' });
    const redirect = await fetch(url, { redirect: 'manual' });
    jar.store(url, redirect);
    const interaction = new URL(redirect.headers.get('location') ?? '', url).href;
    const finished = await fetch(interaction, { headers: { cookie: jar.header(interaction) }, redirect: 'manual' });
    // Straight on to the authorization endpoint's resume step, never the account picker's HTML.
    expect(finished.status).toBe(303);
    expect(finished.headers.get('location')).toMatch(/\/auth\/[^/]+$|\/authorize\//);
    expect(await finished.text()).not.toContain('Pick an account');
  });
});

describe('consent (prompt=consent)', () => {
  const consentApi = () => `${idp.urls.browserOrigin ?? ''}/_emulator/consent`;
  const setConsent = (consented: boolean) =>
    fetch(consentApi(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: leader, consented }),
    });
  const withheld = async () => ((await (await fetch(consentApi())).json()) as { withheld: string[] }).withheld;

  it("records a completed prompt=consent as the user's consent, as Entra's consent screen does", async () => {
    expect((await setConsent(false)).status).toBe(200);
    try {
      expect(await withheld()).toContain(leader);
      await browser.signIn({
        user: leader,
        prompt: 'consent',
        scopes: ['openid', 'profile', 'https://analysis.windows.net/powerbi/api/Dataset.Read.All'],
        redirectUri: `${tabOrigin}/consent-end.html`,
      });
      expect(await withheld()).not.toContain(leader);
    } finally {
      await setConsent(true);
    }
  });
});
