import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Caller } from '@planboard/server';
import { unauthorized, type TokenFailure } from './token-errors';

export interface TokenValidatorOptions {
  /** Trusted issuers; `{tid}` stands for each allowed tenant (Entra v2 `…/{tid}/v2.0`, v1 `https://sts.windows.net/{tid}/`). */
  issuerTemplates: readonly string[];
  /** Accepted audiences: the API's client id (v2) and its Application ID URI (v1). */
  audiences: readonly string[];
  tenants: readonly string[];
  /** Key sets of the identity provider (jose caches them and refetches on an unknown `kid`). */
  jwksUris: readonly string[];
  requiredScope: string;
  /**
   * Client apps whose tokens are accepted (`azp` in v2, `appid` in v1): the Teams / Microsoft 365
   * hosts pre-authorised in aad.manifest.json and the tab's own client. Any other app of the tenant
   * that obtained a token for this API (with the user's consent) is refused.
   */
  allowedClientIds: readonly string[];
  clockToleranceSeconds?: number;
}

export type TokenValidator = (authorization: string | null) => Promise<Caller>;

function fail(failure: TokenFailure): never {
  throw unauthorized(failure);
}

function failureOf(error: unknown): TokenFailure {
  if (error instanceof errors.JWTExpired) return 'TokenExpired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    // A missing or non-numeric time claim (reason `missing`/`invalid`) is a malformed token, not a clock problem.
    if (error.claim === 'nbf' && error.reason === 'check_failed') return 'TokenNotYetValid';
    if (error.claim === 'aud') return 'WrongAudience';
    if (error.claim === 'iss') return 'WrongIssuer';
  }
  if (error instanceof errors.JWKSTimeout || (error instanceof TypeError && /fetch/i.test(error.message))) return 'KeysUnavailable';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'InvalidSignature';
  return 'MalformedToken';
}

/**
 * Entra access tokens live 60–90 minutes by default, up to 24 h under a lifetime policy and up to
 * 28 h for continuous-access-evaluation clients; a token claiming a longer life was not issued by it.
 */
const maxLifetimeSeconds = 30 * 3600;

/**
 * Time claims jose does not insist on: `exp` must be present (a token without it would be valid
 * forever), `iat`/`nbf` when present must be numbers, not in the future beyond the skew and not
 * after `exp`, and the lifetime must be plausible.
 */
function checkTimes(payload: JWTPayload, clockTolerance: number): void {
  const now = Math.floor(Date.now() / 1000);
  const { exp, iat, nbf } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) fail('MalformedToken');
  for (const value of [iat, nbf]) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value > exp) fail('MalformedToken');
    if (value > now + clockTolerance) fail('TokenNotYetValid');
  }
  const start = iat ?? nbf;
  if (start !== undefined && exp - start > maxLifetimeSeconds) fail('MalformedToken');
}

/**
 * Validates bearer tokens the same way in every environment: signature against the provider's
 * JWKS, issuer allow-list, audience, tenant allow-list, exp (required)/nbf/iat with a small skew, calling client allow-list, delegated scope.
 * There is deliberately no switch to turn any of this off.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const keySets = options.jwksUris.map((uri) => createRemoteJWKSet(new URL(uri), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 }));
  const issuers = options.tenants.flatMap((tid) => options.issuerTemplates.map((template) => template.replace('{tid}', tid)));
  const clockTolerance = options.clockToleranceSeconds ?? 120;
  const allowedClients = new Set(options.allowedClientIds.map((id) => id.toLowerCase()));

  async function verify(token: string): Promise<JWTPayload> {
    let lastError: unknown;
    for (const keys of keySets) {
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: issuers,
          audience: [...options.audiences],
          clockTolerance,
          requiredClaims: ['exp'],
          algorithms: ['RS256'],
        });
        return payload;
      } catch (error) {
        lastError = error;
        if (!(error instanceof errors.JWKSNoMatchingKey)) break;
      }
    }
    throw lastError;
  }

  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    if (!match?.[1]) fail('MissingToken');
    const token = match[1];
    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      fail('MalformedToken');
    }
    // Tenant first: a foreign tenant's token also has a foreign issuer, and "wrong tenant" is the clearer answer.
    if (typeof claims.tid !== 'string' || !options.tenants.includes(claims.tid)) fail('WrongTenant');
    const payload = await verify(token).catch((error: unknown) => fail(failureOf(error)));
    checkTimes(payload, clockTolerance);
    // v2 names the calling app `azp`, v1 `appid`; a token with neither did not come from a known client.
    const client = payload.ver === '1.0' ? payload.appid : payload.azp;
    if (typeof client !== 'string' || !allowedClients.has(client.toLowerCase())) fail('UnknownClient');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(options.requiredScope)) fail('MissingScope');
    const oid = payload.oid;
    if (typeof oid !== 'string') fail('MalformedToken');
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
    // `upn` first (the optional claim aad.manifest.json asks for): for guests `preferred_username` is
    // their home e-mail, not the UPN that Power BI row-level security and our grants know them by.
    const upn =
      [payload.upn, payload.preferred_username, payload.unique_name].find((value): value is string => typeof value === 'string') ?? '';
    return {
      tid: claims.tid,
      oid,
      upn: upn.toLowerCase(),
      name: typeof payload.name === 'string' ? payload.name : upn,
      appRoles: roles,
      isAdmin: roles.includes('Admin'),
      tokenVersion: payload.ver === '1.0' ? '1.0' : '2.0',
      token,
    };
  };
}
