import type { ResourceApp } from '../config/resources';
import type { DirectoryUser } from '../directory';
import { entraAccessTokenClaims, pairwiseSubject, type EntraClaimsInput } from './entra-claims';

const tid = '7d3c0b9e-2f4a-4c61-9b8e-5a1f0c2d3e4b';
const issuers = { v2: `https://localhost:1/${tid}/v2.0`, v1: `https://localhost:1/sts/${tid}/` };
const api: ResourceApp = {
  name: 'API',
  identifier: 'api://localhost:53000/10ca1a00-0000-4000-8000-000000000001',
  aliases: [],
  appId: '10ca1a00-0000-4000-8000-000000000001',
  accessTokenVersion: 2,
  delegatedScopes: ['access_as_user'],
  carriesUserRoles: true,
};
const user: DirectoryUser = {
  oid: '11111111-1111-4111-8111-111111111111',
  name: 'Alex Morgan',
  upn: 'alex.morgan@contoso.onmicrosoft.com',
  appRoles: ['Admin'],
};

function input(overrides: Partial<EntraClaimsInput>): EntraClaimsInput {
  return {
    version: 2,
    issuers,
    tenantId: tid,
    resource: api,
    client: { clientId: 'tab-client', confidential: false },
    principal: { kind: 'user', user },
    scopes: ['access_as_user'],
    roles: ['Admin'],
    issuedAt: 1000,
    expiresAt: 4599,
    tokenId: 'uti-1',
    ...overrides,
  };
}

describe('entraAccessTokenClaims', () => {
  it('writes a v2 delegated token as Entra does, in Entra claim order', () => {
    const claims = entraAccessTokenClaims(input({}));
    expect(claims).toEqual({
      aud: api.appId,
      iss: issuers.v2,
      iat: 1000,
      nbf: 1000,
      exp: 4599,
      azp: 'tab-client',
      azpacr: '0',
      idtyp: 'user',
      name: 'Alex Morgan',
      oid: user.oid,
      preferred_username: user.upn,
      roles: ['Admin'],
      scp: 'access_as_user',
      sub: pairwiseSubject(tid, 'tab-client', user.oid),
      tid,
      uti: 'uti-1',
      ver: '2.0',
    });
    expect(Object.keys(claims).slice(0, 5)).toEqual(['aud', 'iss', 'iat', 'nbf', 'exp']);
    expect(claims).not.toHaveProperty('jti');
  });

  it('writes a v1 delegated token with the App ID URI audience, upn and appid', () => {
    const claims = entraAccessTokenClaims(input({ version: 1, client: { clientId: 'api-client', confidential: true } }));
    expect(claims).toMatchObject({
      aud: api.identifier,
      iss: issuers.v1,
      acr: '1',
      amr: ['pwd'],
      appid: 'api-client',
      appidacr: '1',
      given_name: 'Alex',
      family_name: 'Morgan',
      upn: user.upn,
      unique_name: user.upn,
      scp: 'access_as_user',
      ver: '1.0',
    });
    expect(claims).not.toHaveProperty('azp');
    expect(claims).not.toHaveProperty('preferred_username');
  });

  it('writes app-only tokens without scp, with the service principal as oid and sub', () => {
    const claims = entraAccessTokenClaims(
      input({ version: 1, principal: { kind: 'app', objectId: 'sp-oid' }, client: { clientId: 'sp', confidential: true }, roles: [] }),
    );
    expect(claims).toMatchObject({
      appid: 'sp',
      appidacr: '1',
      idp: issuers.v1,
      idtyp: 'app',
      oid: 'sp-oid',
      sub: 'sp-oid',
      tid,
      ver: '1.0',
    });
    expect(claims).not.toHaveProperty('scp');
    expect(claims).not.toHaveProperty('roles');
    expect(entraAccessTokenClaims(input({ principal: { kind: 'app', objectId: 'sp-oid' }, roles: ['Tenant.Read.All'] }))).toMatchObject({
      azp: 'tab-client',
      roles: ['Tenant.Read.All'],
      ver: '2.0',
    });
  });

  it('uses a pairwise subject: stable per user and app, different across apps', () => {
    expect(pairwiseSubject(tid, 'a', user.oid)).toBe(pairwiseSubject(tid, 'a', user.oid));
    expect(pairwiseSubject(tid, 'a', user.oid)).not.toBe(pairwiseSubject(tid, 'b', user.oid));
    expect(pairwiseSubject(tid, 'a', user.oid)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
