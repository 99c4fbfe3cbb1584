import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { ApiError } from '../errors';
import { createTokenValidator, type TokenValidator } from './token-validator';

const tid = '7d3c0b9e-2f4a-4c61-9b8e-5a1f0c2d3e4b';
const clientId = '11111111-2222-4333-8444-555555555555';
const tabClientId = '66666666-7777-4888-8999-000000000000';
const teamsDesktop = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
let server: Server;
let jwksUri: string;
let trustedKey: CryptoKey;
let foreignKey: CryptoKey;
let validate: TokenValidator;

beforeAll(async () => {
  const trusted = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  trustedKey = trusted.privateKey;
  foreignKey = foreign.privateKey;
  const jwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUri = `http://127.0.0.1:${(server.address() as { port: number }).port}/keys`;
  validate = createTokenValidator({
    issuerTemplates: ['https://idp.test/{tid}/v2.0', 'https://sts.idp.test/{tid}/'],
    audiences: [clientId, `api://localhost/${clientId}`],
    tenants: [tid],
    jwksUris: [jwksUri],
    requiredScope: 'access_as_user',
    allowedClientIds: [teamsDesktop, tabClientId.toUpperCase()],
  });
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

interface Options {
  key?: CryptoKey;
  kid?: string;
  claims?: Record<string, unknown>;
  iss?: string;
  aud?: string;
  /** `null` leaves the claim out. */
  exp?: number | null;
  nbf?: number;
  iat?: number;
}

function token(options: Options = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({
    tid,
    oid: 'oid-1',
    preferred_username: 'Nora@Contoso.test',
    name: 'Nora',
    scp: 'access_as_user',
    ver: '2.0',
    azp: tabClientId,
    ...options.claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1', typ: 'JWT' })
    .setIssuer(options.iss ?? `https://idp.test/${tid}/v2.0`)
    .setAudience(options.aud ?? clientId)
    .setIssuedAt(options.iat ?? now - 10)
    .setNotBefore(options.nbf ?? now - 10);
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now + 3600);
  return jwt.sign(options.key ?? trustedKey);
}

async function failure(authorization: string | null): Promise<string | undefined> {
  const error = await validate(authorization).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected a 401, got ${String(error)}`);
  expect(error.status).toBe(401);
  expect(error.headers?.['WWW-Authenticate']).toMatch(/^Bearer realm="planboard"/);
  return error.details?.[0]?.message;
}

describe('bearer token validation', () => {
  it('accepts a valid v2 token and returns the caller', async () => {
    const caller = await validate(`Bearer ${await token({ claims: { roles: ['Admin'] } })}`);
    expect(caller).toMatchObject({ tid, oid: 'oid-1', upn: 'nora@contoso.test', isAdmin: true, tokenVersion: '2.0' });
  });

  it('takes the upn claim over preferred_username (a guest: home e-mail vs their UPN in this tenant)', async () => {
    const guest = await token({ claims: { preferred_username: 'ana@fabrikam.test', upn: 'ana_fabrikam.test#EXT#@contoso.test' } });
    expect(await validate(`Bearer ${guest}`)).toMatchObject({ upn: 'ana_fabrikam.test#ext#@contoso.test' });
  });

  it('accepts a v1 token (sts issuer, App ID URI audience, upn claim)', async () => {
    const v1 = await token({
      iss: `https://sts.idp.test/${tid}/`,
      aud: `api://localhost/${clientId}`,
      claims: { ver: '1.0', preferred_username: undefined, upn: 'erik@contoso.test', azp: undefined, appid: teamsDesktop },
    });
    expect(await validate(`Bearer ${v1}`)).toMatchObject({ upn: 'erik@contoso.test', tokenVersion: '1.0', isAdmin: false });
  });

  it.each([
    ['no header', null, 'MissingToken'],
    ['not a bearer', 'Basic abc', 'MissingToken'],
    ['garbage', 'Bearer not.a.jwt', 'MalformedToken'],
  ])('refuses %s', async (_label, header, expected) => {
    expect(await failure(header)).toBe(expected);
  });

  it('refuses a forged token signed by another key', async () => {
    expect(await failure(`Bearer ${await token({ key: foreignKey })}`)).toBe('InvalidSignature');
    expect(await failure(`Bearer ${await token({ key: foreignKey, kid: 'unknown' })}`)).toBe('InvalidSignature');
  });

  it('refuses expired and not-yet-valid tokens beyond the skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await failure(`Bearer ${await token({ exp: now - 600 })}`)).toBe('TokenExpired');
    expect(await failure(`Bearer ${await token({ nbf: now + 600 })}`)).toBe('TokenNotYetValid');
    await expect(validate(`Bearer ${await token({ exp: now - 30, iat: now - 3630, nbf: now - 3630 })}`)).resolves.toBeDefined();
  });

  it('refuses a wrong audience, issuer or tenant', async () => {
    expect(await failure(`Bearer ${await token({ aud: 'some-other-app' })}`)).toBe('WrongAudience');
    expect(await failure(`Bearer ${await token({ iss: `https://evil.test/${tid}/v2.0` })}`)).toBe('WrongIssuer');
    expect(await failure(`Bearer ${await token({ claims: { tid: '00000000-0000-4000-8000-000000000000' } })}`)).toBe('WrongTenant');
  });

  it('refuses a token without the access_as_user scope (e.g. an app-only token)', async () => {
    expect(await failure(`Bearer ${await token({ claims: { scp: undefined, idtyp: 'app' } })}`)).toBe('MissingScope');
  });

  it('refuses a token without exp (it would never expire), or with a future iat or an implausible lifetime', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await failure(`Bearer ${await token({ exp: null })}`)).toBe('MalformedToken');
    expect(await failure(`Bearer ${await token({ exp: null, claims: { exp: 'never' } })}`)).toBe('MalformedToken');
    expect(await failure(`Bearer ${await token({ iat: now + 600 })}`)).toBe('TokenNotYetValid');
    expect(await failure(`Bearer ${await token({ iat: now - 10, exp: now + 400 * 24 * 3600 })}`)).toBe('MalformedToken');
    expect(await failure(`Bearer ${await token({ nbf: now + 7200, exp: now + 3600 })}`)).toBe('TokenNotYetValid');
  });

  it('accepts only tokens issued to the allowed clients (v2 azp, v1 appid)', async () => {
    await expect(validate(`Bearer ${await token({ claims: { azp: teamsDesktop } })}`)).resolves.toBeDefined();
    expect(await failure(`Bearer ${await token({ claims: { azp: '99999999-0000-4000-8000-000000000000' } })}`)).toBe('UnknownClient');
    expect(await failure(`Bearer ${await token({ claims: { azp: undefined } })}`)).toBe('UnknownClient');
    // A v1 token is judged by appid: an azp (which v1 tokens do not carry) does not let it through.
    const v1 = await token({ iss: `https://sts.idp.test/${tid}/`, claims: { ver: '1.0', azp: teamsDesktop, appid: 'someone-else' } });
    expect(await failure(`Bearer ${v1}`)).toBe('UnknownClient');
  });
});
