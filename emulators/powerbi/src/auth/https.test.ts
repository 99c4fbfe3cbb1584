import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
// mkcert is the identity provider's certificate library (hoisted in the workspace); used here to make a local CA.
import { createCA, createCert } from 'mkcert';
import { startPowerBiEmulator, type RunningPowerBiEmulator } from '../start';
import { powerBiAudience } from './bearer';

/** GET over HTTPS trusting `ca` (Node's fetch cannot take a CA per call). */
function get(url: string, ca: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe("HTTPS: key set behind a local CA, and the emulator's own HTTPS listener", () => {
  let emulator: RunningPowerBiEmulator;
  let close: () => void;
  let ca: string;
  let token: string;

  beforeAll(async () => {
    const authority = await createCA({
      organization: 'Planboard test CA',
      countryCode: 'NO',
      state: 'Oslo',
      locality: 'Oslo',
      validity: 2,
    });
    const server = await createCert({ domains: ['127.0.0.1', 'localhost'], validity: 2, ca: authority });
    ca = authority.cert;
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const jwks = createServer({ cert: server.cert, key: server.key }, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    close = () => jwks.close();
    const issuer = 'https://login.local.test/tenant/';
    token = await new SignJWT({ aud: powerBiAudience, idtyp: 'app', appid: '10ca1a00-0000-4000-8000-000000000003', oid: 'o', tid: 't' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    emulator = await startPowerBiEmulator({
      port: 0,
      tls: { cert: server.cert, key: server.key },
      auth: { jwksUri: `https://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`, issuers: [issuer], ca },
      validateResponses: true,
    });
  });
  afterAll(async () => {
    await emulator.stop();
    close();
  });

  it('fetches the key set over HTTPS with the configured CA and serves the API over HTTPS too', async () => {
    expect(emulator.httpsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await get(`${emulator.httpsUrl}/v1.0/myorg/groups`, ca, { Authorization: `Bearer ${token}` })).toBe(200);
    expect(await get(`${emulator.httpsUrl}/v1.0/myorg/groups`, ca, {})).toBe(401);
  });
});
