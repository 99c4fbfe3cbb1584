import { SignJWT, decodeJwt, decodeProtectedHeader, errors, generateKeyPair } from 'jose';
import { caFetch } from './ca-fetch';
import { verifierFor } from './test-support/verify';
import { appToken, spawnIdentityProvider, userToken, type EmulatorConfig, type SpawnedIdentityProvider } from './testing';

const tid = '7d3c0b9e-2f4a-4c61-9b8e-5a1f0c2d3e4b';
const powerBi = 'https://analysis.windows.net/powerbi/api';
const leader = 'nora.lindqvist@contoso.onmicrosoft.com';

let idp: SpawnedIdentityProvider;
let config: EmulatorConfig;
let verify: ReturnType<typeof verifierFor>;
let https: ReturnType<typeof caFetch>;

beforeAll(async () => {
  idp = await spawnIdentityProvider();
  config = await idp.client.config();
  verify = verifierFor(idp);
  https = caFetch(idp.ca);
}, 60_000);

afterAll(async () => {
  await idp?.stop();
});

function client(name: string) {
  const found = config.clients.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no client ${name}`);
  return found;
}

async function token(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await https(idp.urls.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function onBehalfOf(assertion: string, scope = `${powerBi}/.default`, api = client('Planboard API')) {
  return token({
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    client_id: api.clientId,
    client_secret: api.clientSecret ?? '',
    assertion,
    scope,
    requested_token_use: 'on_behalf_of',
  });
}

describe('client credentials', () => {
  it('gives the Power BI service principal a v1 app-only token for Power BI', async () => {
    const sp = client('Planboard Power BI service principal');
    const { status, body } = await token({
      grant_type: 'client_credentials',
      client_id: sp.clientId,
      client_secret: sp.clientSecret ?? '',
      scope: `${powerBi}/.default`,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    const claims = await verify(String(body.access_token), { audience: powerBi, issuer: idp.urls.issuers.v1 });
    expect(claims).toMatchObject({
      aud: powerBi,
      iss: `${idp.urls.origin}/sts/${tid}/`,
      appid: sp.clientId,
      appidacr: '1',
      idtyp: 'app',
      oid: sp.objectId,
      sub: sp.objectId,
      tid,
      ver: '1.0',
    });
    expect(claims).not.toHaveProperty('scp');
    expect(decodeProtectedHeader(String(body.access_token))).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.any(String) });
  });

  it('refuses a wrong secret and a scope without /.default, as Entra does', async () => {
    const sp = client('Planboard Power BI service principal');
    expect(
      (await token({ grant_type: 'client_credentials', client_id: sp.clientId, client_secret: 'wrong', scope: `${powerBi}/.default` })).body
        .error,
    ).toBe('invalid_client');
    const named = await token({
      grant_type: 'client_credentials',
      client_id: sp.clientId,
      client_secret: sp.clientSecret ?? '',
      scope: `${powerBi}/Dataset.Read.All`,
    });
    expect(named.body.error).toBe('invalid_scope');
  });

  it('refuses the public tab client', async () => {
    const { body } = await token({ grant_type: 'client_credentials', client_id: config.tab.clientId, scope: `${powerBi}/.default` });
    expect(body.error).toMatch(/invalid_request|unauthorized_client|invalid_client/);
  });
});

describe('on-behalf-of', () => {
  it('exchanges a user token for the API into a delegated Power BI token for the same user', async () => {
    const user = config.users.find((candidate) => candidate.upn === leader);
    const assertion = await idp.client.userToken(leader);
    const { status, body } = await onBehalfOf(assertion);
    expect(status).toBe(200);
    expect(body.scope).toBe(`${powerBi}/Dataset.Read.All ${powerBi}/Report.Read.All ${powerBi}/Workspace.Read.All ${powerBi}/.default`);
    const claims = await verify(String(body.access_token), { audience: powerBi, issuer: idp.urls.issuers.v1 });
    expect(claims).toMatchObject({
      aud: powerBi,
      oid: user?.oid,
      tid,
      upn: leader,
      unique_name: leader,
      name: 'Nora Lindqvist',
      scp: 'Dataset.Read.All Report.Read.All Workspace.Read.All',
      appid: config.api.clientId,
      appidacr: '1',
      idtyp: 'user',
      ver: '1.0',
    });
  });

  it('answers AADSTS65001 / consent_required, as Entra does, while consent is withheld (one user, or the tenant)', async () => {
    const consent = (user: string, consented: boolean) =>
      https(new URL('/_emulator/consent', idp.urls.issuers.v2).toString(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user, consented }),
      });
    const assertion = await idp.client.userToken(leader);
    expect((await consent(leader, false)).status).toBe(200);
    try {
      const { status, body } = await onBehalfOf(assertion);
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001] });
      expect(String(body.error_description)).toMatch(/^AADSTS65001: The user or administrator has not consented/);
      // Others are not affected by one user's missing consent.
      expect((await onBehalfOf(await idp.client.userToken('erik.hansen@contoso.onmicrosoft.com'))).status).toBe(200);
    } finally {
      await consent(leader, true);
    }
    expect((await onBehalfOf(assertion)).status).toBe(200);
    expect((await consent('*', false)).status).toBe(200);
    try {
      expect((await onBehalfOf(await idp.client.userToken('erik.hansen@contoso.onmicrosoft.com'))).body.suberror).toBe('consent_required');
    } finally {
      await consent('*', true);
    }
  });

  it('accepts a v1 assertion (Application ID URI audience) too', async () => {
    const { status } = await onBehalfOf(await idp.client.userToken(leader, { version: 'v1' }));
    expect(status).toBe(200);
  });

  it('refuses assertions issued to another audience, app-only tokens and public clients', async () => {
    const forPowerBi = await idp.client.userToken(leader, { audience: powerBi });
    expect((await onBehalfOf(forPowerBi)).body.error_description).toMatch(/AADSTS50013.*audience/);
    expect((await onBehalfOf(await idp.client.appToken())).body.error).toBe('invalid_grant');
    const assertion = await idp.client.userToken(leader);
    const asTab = await token({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      client_id: config.tab.clientId,
      assertion,
      scope: `${powerBi}/.default`,
      requested_token_use: 'on_behalf_of',
    });
    expect(asTab.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses an expired assertion and one signed by another key', async () => {
    const expired = await idp.client.userToken(leader, { expiresIn: -120 });
    expect((await onBehalfOf(expired)).body.error_description).toMatch(/AADSTS500133/);
    const forged = await forge(await idp.client.userToken(leader));
    const { body } = await onBehalfOf(forged);
    expect(body).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/AADSTS50013.*signature/) });
  });

  it('needs requested_token_use=on_behalf_of and exactly one resource', async () => {
    const api = client('Planboard API');
    const assertion = await idp.client.userToken(leader);
    const base = {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      client_id: api.clientId,
      client_secret: api.clientSecret ?? '',
      assertion,
    };
    expect((await token({ ...base, scope: `${powerBi}/.default` })).body.error).toBe('invalid_request');
    expect((await onBehalfOf(assertion, `${powerBi}/.default https://graph.microsoft.com/User.Read`)).body.error).toBe('invalid_target');
  });
});

/** The same claims and header, signed by a key the provider never published. */
async function forge(genuine: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(decodeJwt(genuine)).setProtectedHeader(decodeProtectedHeader(genuine) as { alg: string }).sign(privateKey);
}

describe('signature and expiry', () => {
  it('fails verification for a token signed by another key with the same kid', async () => {
    const forged = await forge(await idp.client.userToken(leader));
    await expect(verify(forged)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
  });

  it('mints expired tokens whose exp is in the past, which verification rejects', async () => {
    const expired = await idp.client.userToken(leader, { expiresIn: -60 });
    const claims = decodeJwt(expired);
    expect(claims.exp).toBeLessThan(Date.now() / 1000);
    expect(claims.iat).toBeLessThan(claims.exp ?? 0);
    await expect(verify(expired)).rejects.toBeInstanceOf(errors.JWTExpired);
  });
});

describe('test helpers', () => {
  it('userToken / appToken read PLANBOARD_IDENTITY_URL, here the browser listener', async () => {
    const previous = process.env.PLANBOARD_IDENTITY_URL;
    process.env.PLANBOARD_IDENTITY_URL = idp.urls.browserOrigin;
    try {
      const admin = await userToken('alex.morgan@contoso.onmicrosoft.com', { version: 'v1' });
      expect(await verify(admin, { audience: config.api.applicationIdUri })).toMatchObject({
        roles: ['Admin'],
        ver: '1.0',
        upn: 'alex.morgan@contoso.onmicrosoft.com',
      });
      const bot = client('Planboard bot');
      const botToken = await appToken(bot.clientId, { resource: 'https://api.botframework.com' });
      expect(decodeJwt(botToken)).toMatchObject({ aud: 'https://api.botframework.com', appid: bot.clientId, idtyp: 'app' });
      const graph = await userToken(leader, { audience: 'https://graph.microsoft.com', scopes: ['User.Read'] });
      expect(decodeJwt(graph)).toMatchObject({ aud: 'https://graph.microsoft.com', scp: 'User.Read', ver: '1.0' });
    } finally {
      if (previous === undefined) delete process.env.PLANBOARD_IDENTITY_URL;
      else process.env.PLANBOARD_IDENTITY_URL = previous;
    }
  });

  it('explains unknown users and permissions', async () => {
    await expect(idp.client.userToken('nobody@contoso.onmicrosoft.com')).rejects.toThrow(/Unknown user/);
    await expect(idp.client.userToken(leader, { scopes: ['Everything.All'] })).rejects.toThrow(/no delegated permission Everything.All/);
  });
});
