import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errorEnvelopeSchema, meSchema } from '@planboard/contracts';
import { spawnIdentityProvider, type SpawnedIdentityProvider } from '@planboard/identity/testing';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { identityConfig, storageConnection, tokenFor } from './support/env';

const nora = 'nora.lindqvist@contoso.onmicrosoft.com';
let api: ApiHost;

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  api = await startApiHost();
}, 60_000);
afterAll(() => api?.stop());

async function refusal(token: string | undefined): Promise<string> {
  const response = await api.call('/me', { token });
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="planboard"/);
  const body = errorEnvelopeSchema.parse(await response.json());
  expect(body.error.code).toBe('Unauthorized');
  return body.error.details?.[0]?.message ?? '';
}

describe('the API validates tokens from the Entra-shaped provider', () => {
  it('accepts a v2 token (aud = client id, …/{tid}/v2.0 issuer)', async () => {
    const token = await tokenFor(nora);
    expect(decodeJwt(token)).toMatchObject({ ver: '2.0', aud: identityConfig().api.clientId, scp: 'access_as_user' });
    const response = await api.call('/me', { token });
    expect(response.status).toBe(200);
    expect(meSchema.parse(await response.json()).user.upn).toBe(nora);
  });

  it('accepts a v1 token (aud = Application ID URI, sts issuer)', async () => {
    const token = await tokenFor(nora, { version: 'v1' });
    expect(String(decodeJwt(token).iss)).toMatch(/\/sts\/[0-9a-f-]+\/$/);
    expect((await api.call('/me', { token })).status).toBe(200);
  });

  it('refuses a missing token', async () => {
    expect(await refusal(undefined)).toBe('MissingToken');
  });

  it('refuses an expired token', async () => {
    expect(await refusal(await tokenFor(nora, { expiresIn: -600 }))).toBe('TokenExpired');
  });

  it('refuses a forged token: same claims and kid, signed by another key', async () => {
    const genuine = await tokenFor(nora);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(genuine))
      .setProtectedHeader(decodeProtectedHeader(genuine) as { alg: string })
      .sign(privateKey);
    expect(await refusal(forged)).toBe('InvalidSignature');
  });

  it('refuses a token for another audience (a Power BI token)', async () => {
    expect(await refusal(await tokenFor(nora, { audience: 'https://analysis.windows.net/powerbi/api' }))).toBe('WrongAudience');
  });

  it('mints tokens naming the calling client as Entra does: azp (v2) and appid (v1), the tab by default', async () => {
    const tab = identityConfig().tab.clientId;
    expect(decodeJwt(await tokenFor(nora))).toMatchObject({ azp: tab, azpacr: '0' });
    const v1 = decodeJwt(await tokenFor(nora, { version: 'v1' }));
    expect(v1).toMatchObject({ appid: tab, appidacr: '0' });
    expect(v1).not.toHaveProperty('azp');
  });

  it('accepts the tokens Teams SSO yields: issued to the Teams desktop (v2) or web (v1) client', async () => {
    const desktop = await tokenFor(nora, { clientId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264' });
    expect(decodeJwt(desktop).azp).toBe('1fec8e78-bce4-4aaf-ab1b-5451cc387264');
    expect((await api.call('/me', { token: desktop })).status).toBe(200);
    const web = await tokenFor(nora, { clientId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', version: 'v1' });
    expect((await api.call('/me', { token: web })).status).toBe(200);
  });

  it('refuses a token the provider issued to another client of the tenant (azp / appid not allowed)', async () => {
    // The bot's registration is a client of the same tenant; with the user's consent Entra would
    // issue it a token for this API too. Only the Teams / Microsoft 365 hosts and the tab may call.
    const bot = identityConfig().clients.find((client) => client.name === 'Planboard bot')?.clientId ?? '';
    expect(bot).not.toBe('');
    const v2 = await tokenFor(nora, { clientId: bot });
    expect(decodeJwt(v2).azp).toBe(bot);
    expect(await refusal(v2)).toBe('UnknownClient');
    const v1 = await tokenFor(nora, { clientId: bot, version: 'v1' });
    expect(decodeJwt(v1).appid).toBe(bot);
    expect(await refusal(v1)).toBe('UnknownClient');
  });

  it('refuses a token without exp, signed with the provider key (Entra never issues one; it would never expire)', async () => {
    const key = JSON.parse(readFileSync(join(dirname(identityConfig().caCertPath), 'identity-signing-key.json'), 'utf8')) as JWK;
    const { exp: _exp, ...claims } = decodeJwt(await tokenFor(nora));
    const header = { alg: 'RS256', kid: key.kid, typ: 'JWT' };
    const withoutExp = await new SignJWT(claims).setProtectedHeader(header).sign(await importJWK(key, 'RS256'));
    expect(await refusal(withoutExp)).toBe('MalformedToken');
    // The same claims with exp, signed the same way, are accepted: only the missing exp is refused.
    const withExp = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })
      .setProtectedHeader(header)
      .sign(await importJWK(key, 'RS256'));
    expect((await api.call('/me', { token: withExp })).status).toBe(200);
  });

  describe('tokens signed by the trusted key but from elsewhere', () => {
    // A second provider sharing the key folder signs with the same key: only issuer/tenant differ.
    let other: SpawnedIdentityProvider;
    let foreignTenant: SpawnedIdentityProvider;
    const certsDir = (): string => dirname(identityConfig().caCertPath);

    beforeAll(async () => {
      [other, foreignTenant] = await Promise.all([
        spawnIdentityProvider({ certsDir: certsDir() }),
        spawnIdentityProvider({ certsDir: certsDir(), args: ['--tenant', '0f0f0f0f-1111-4222-8333-444444444444'] }),
      ]);
    }, 60_000);
    afterAll(() => Promise.all([other?.stop(), foreignTenant?.stop()]));

    it('refuses an untrusted issuer', async () => {
      expect(await refusal(await other.client.userToken(nora))).toBe('WrongIssuer');
    });

    it('refuses another tenant', async () => {
      const token = await foreignTenant.client.userToken(nora).catch(() => undefined);
      // The foreign tenant's directory may not know Nora: mint for its first user instead.
      const fallback = token ?? (await foreignTenant.client.userToken((await foreignTenant.client.config()).users[0]?.upn ?? ''));
      expect(await refusal(fallback)).toBe('WrongTenant');
    });
  });
});
