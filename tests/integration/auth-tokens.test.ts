import { dirname } from 'node:path';
import { errorEnvelopeSchema, meSchema } from '@planboard/contracts';
import { spawnIdentityProvider, type SpawnedIdentityProvider } from '@planboard/identity/dist/testing';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { seedSampleTenant } from '../../api/src/sample/seed';
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
