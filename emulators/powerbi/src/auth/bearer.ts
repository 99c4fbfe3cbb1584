import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload } from 'jose';
import { unauthenticated } from '../http/errors';
import type { PrincipalCaller } from './caller';
import { fetchTrusting } from './jwks-fetch';

/** Where bearer tokens come from and whom they must be for. */
export interface AuthOptions {
  /** The identity provider's key set (e.g. `https://localhost:53443/<tid>/discovery/v2.0/keys`). */
  jwksUri: string;
  /** Accepted `iss` values (Entra v1 `https://sts.windows.net/<tid>/` or the local provider's). */
  issuers: string[];
  /** The Power BI resource; defaults to `https://analysis.windows.net/powerbi/api`. */
  audience?: string;
  /** PEM of a CA to trust when fetching the key set over HTTPS (the local provider's CA). */
  ca?: string;
}

/** Power BI's resource identifier: the `aud` of every token the service accepts. */
export const powerBiAudience = 'https://analysis.windows.net/powerbi/api';

const expiredMessage = 'Access token has expired, resubmit with a new access token';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Tells a service principal from a user the way Entra tokens allow: `idtyp` when present
 * (the identity provider always sets it), otherwise a user token carries `scp` and a UPN.
 */
function callerOf(payload: JWTPayload): PrincipalCaller {
  const tid = text(payload.tid) ?? '';
  const oid = text(payload.oid) ?? text(payload.sub) ?? '';
  const expiresAt = payload.exp ?? 0;
  const upn = text(payload.upn) ?? text(payload.unique_name) ?? text(payload.preferred_username);
  const isApp = payload.idtyp === 'app' || (payload.idtyp !== 'user' && !upn && payload.scp === undefined);
  if (isApp) {
    const appId = text(payload.appid) ?? text(payload.azp);
    if (!appId) throw unauthenticated('PowerBINotAuthorizedException', 'The app token has no appid claim');
    return { kind: 'app', id: appId.toLowerCase(), oid, tid, expiresAt };
  }
  if (!upn) throw unauthenticated('PowerBINotAuthorizedException', 'The user token has no upn claim');
  const scopes = text(payload.scp)?.split(' ') ?? [];
  return { kind: 'user', id: upn.toLowerCase(), oid, tid, scopes, expiresAt };
}

/** Verifies Entra-shaped bearer tokens: signature (JWKS), issuer allow-list, audience, lifetime. */
export function createBearerVerifier(options: AuthOptions): (token: string) => Promise<PrincipalCaller> {
  const keys = createRemoteJWKSet(new URL(options.jwksUri), {
    cacheMaxAge: 10 * 60_000,
    cooldownDuration: 30_000,
    ...(options.ca ? { [customFetch]: fetchTrusting(options.ca) } : {}),
  });
  const audience = options.audience ?? powerBiAudience;
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: options.issuers, audience, clockTolerance: 60, algorithms: ['RS256'] });
      return callerOf(payload);
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('TokenExpired', expiredMessage);
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw unauthenticated('PowerBINotAuthorizedException', `The token's ${error.claim} claim is not accepted`);
      }
      if (error instanceof errors.JOSEError)
        throw unauthenticated('PowerBINotAuthorizedException', `The token is not valid (${error.code})`);
      throw error;
    }
  };
}
