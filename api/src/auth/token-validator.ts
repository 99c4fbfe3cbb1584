import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Caller } from './caller';
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
  clockToleranceSeconds?: number;
}

export type TokenValidator = (authorization: string | null) => Promise<Caller>;

function fail(failure: TokenFailure): never {
  throw unauthorized(failure);
}

function failureOf(error: unknown): TokenFailure {
  if (error instanceof errors.JWTExpired) return 'TokenExpired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'TokenNotYetValid';
    if (error.claim === 'aud') return 'WrongAudience';
    if (error.claim === 'iss') return 'WrongIssuer';
  }
  if (error instanceof errors.JWKSTimeout || (error instanceof TypeError && /fetch/i.test(error.message))) return 'KeysUnavailable';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'InvalidSignature';
  return 'MalformedToken';
}

/**
 * Validates bearer tokens the same way in every environment: signature against the provider's
 * JWKS, issuer allow-list, audience, tenant allow-list, exp/nbf with a small skew, delegated scope.
 * There is deliberately no switch to turn any of this off.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const keySets = options.jwksUris.map((uri) => createRemoteJWKSet(new URL(uri), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 }));
  const issuers = options.tenants.flatMap((tid) => options.issuerTemplates.map((template) => template.replace('{tid}', tid)));
  const clockTolerance = options.clockToleranceSeconds ?? 120;

  async function verify(token: string): Promise<JWTPayload> {
    let lastError: unknown;
    for (const keys of keySets) {
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: issuers,
          audience: [...options.audiences],
          clockTolerance,
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
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(options.requiredScope)) fail('MissingScope');
    const oid = payload.oid;
    if (typeof oid !== 'string') fail('MalformedToken');
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
    const upn =
      [payload.preferred_username, payload.upn, payload.unique_name].find((value): value is string => typeof value === 'string') ?? '';
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
