import { createHash } from 'node:crypto';
import type { ResourceApp, TokenVersion } from '../config/resources';
import type { DirectoryUser } from '../directory';

/** The two issuer strings of a tenant: v1 stands in for `https://sts.windows.net/{tid}/`. */
export interface TenantIssuers {
  v1: string;
  v2: string;
}

/** Who a token is about: a signed-in user (delegated) or a service principal (app-only). */
export type TokenPrincipal = { kind: 'user'; user: DirectoryUser } | { kind: 'app'; objectId: string };

/** Everything needed to write an Entra-shaped access token payload. */
export interface EntraClaimsInput {
  version: TokenVersion;
  issuers: TenantIssuers;
  tenantId: string;
  resource: ResourceApp;
  /** The calling app (`azp` / `appid`) and whether it authenticated with a secret (`azpacr` / `appidacr`). */
  client: { clientId: string; confidential: boolean };
  principal: TokenPrincipal;
  /** Delegated permission names (`scp`); ignored for app-only tokens, which never carry `scp`. */
  scopes: readonly string[];
  /** App roles (`roles`); omitted when empty, as Entra does. */
  roles: readonly string[];
  issuedAt: number;
  expiresAt: number;
  /** Unique token identifier (`uti`); Entra has no `jti`. */
  tokenId: string;
}

/**
 * Entra's `sub` is a pairwise identifier: stable for one user and one application, different
 * across applications (so `sub` cannot be used to correlate users between apps; `oid` can).
 */
export function pairwiseSubject(tenantId: string, appId: string, oid: string): string {
  return createHash('sha256').update(`${tenantId}:${appId}:${oid}`).digest('base64url');
}

function nameParts(name: string): { given_name?: string; family_name?: string } {
  const [given, ...family] = name.trim().split(/\s+/);
  return family.length ? { given_name: given, family_name: family.join(' ') } : {};
}

/**
 * Writes an access token payload with the claims, claim order and value formats of Microsoft
 * Entra ID tokens (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference):
 * v2 has `azp`/`azpacr`/`preferred_username`, v1 has `appid`/`appidacr`/`upn`/`unique_name`/`amr`.
 */
export function entraAccessTokenClaims(input: EntraClaimsInput): Record<string, unknown> {
  const { version, resource, client, principal } = input;
  const v1 = version === 1;
  const iss = v1 ? input.issuers.v1 : input.issuers.v2;
  const clientAcr = client.confidential ? '1' : '0';
  const payload: Record<string, unknown> = {
    aud: v1 ? resource.identifier : resource.appId,
    iss,
    iat: input.issuedAt,
    nbf: input.issuedAt,
    exp: input.expiresAt,
  };
  const roles = input.roles.length ? { roles: [...input.roles] } : {};
  if (principal.kind === 'app') {
    Object.assign(
      payload,
      v1 ? { appid: client.clientId, appidacr: clientAcr, idp: iss } : { azp: client.clientId, azpacr: clientAcr },
      { idtyp: 'app', oid: principal.objectId },
      roles,
      { sub: principal.objectId, tid: input.tenantId, uti: input.tokenId, ver: v1 ? '1.0' : '2.0' },
    );
    return payload;
  }
  const { user } = principal;
  const scp = input.scopes.join(' ');
  const sub = pairwiseSubject(input.tenantId, client.clientId, user.oid);
  if (v1) {
    Object.assign(payload, { acr: '1', amr: ['pwd'], appid: client.clientId, appidacr: clientAcr }, nameParts(user.name), {
      idtyp: 'user',
      name: user.name,
      oid: user.oid,
      ...roles,
      scp,
      sub,
      tid: input.tenantId,
      unique_name: user.upn,
      upn: user.upn,
      uti: input.tokenId,
      ver: '1.0',
    });
  } else {
    Object.assign(payload, {
      azp: client.clientId,
      azpacr: clientAcr,
      idtyp: 'user',
      name: user.name,
      oid: user.oid,
      preferred_username: user.upn,
      ...roles,
      scp,
      sub,
      tid: input.tenantId,
      uti: input.tokenId,
      ver: '2.0',
    });
  }
  return payload;
}
