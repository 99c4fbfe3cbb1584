import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload } from 'jose';
import { fetchTrusting } from './jwks-fetch';

/** Where bearer tokens come from. */
export interface BearerOptions {
  /** The identity provider's key set (`https://localhost:53443/<tid>/discovery/v2.0/keys`). */
  jwksUri: string;
  /** Accepted `iss` values (the v1 issuer `https://sts.windows.net/<tid>/`, or the local provider's). */
  issuers: string[];
  /** PEM of a CA to trust when fetching the key set over HTTPS (the local provider's CA). */
  ca?: string;
}

/** Who called, from a verified token. */
export interface VerifiedCaller {
  kind: 'app' | 'user';
  /** `appid` (v1) or `azp` (v2): the calling application. */
  appId: string;
  oid: string;
  tid: string;
  /** App roles (`roles`) of app-only tokens. */
  roles: string[];
  /** Delegated permissions (`scp`) of user tokens. */
  scopes: string[];
}

/** Why a token was refused (the route maps it to 401 with Graph's message). */
export class TokenRefused extends Error {
  constructor(
    message: string,
    readonly expired = false,
  ) {
    super(message);
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function callerOf(payload: JWTPayload): VerifiedCaller {
  const isApp = payload.idtyp === 'app' || (payload.idtyp !== 'user' && payload.scp === undefined && !payload.upn);
  return {
    kind: isApp ? 'app' : 'user',
    appId: (text(payload.appid) || text(payload.azp)).toLowerCase(),
    oid: text(payload.oid),
    tid: text(payload.tid),
    roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
    scopes: text(payload.scp).split(' ').filter(Boolean),
  };
}

/** Verifies Entra-shaped bearer tokens: signature (JWKS), issuer, audience, lifetime (60 s skew). */
export function createBearerVerifier(options: BearerOptions, audiences: string[]): (token: string) => Promise<VerifiedCaller> {
  const keys = createRemoteJWKSet(new URL(options.jwksUri), {
    cacheMaxAge: 10 * 60_000,
    cooldownDuration: 30_000,
    ...(options.ca ? { [customFetch]: fetchTrusting(options.ca) } : {}),
  });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuers,
        audience: audiences,
        clockTolerance: 60,
        algorithms: ['RS256'],
      });
      return callerOf(payload);
    } catch (error) {
      throw new TokenRefused(error instanceof Error ? error.message : String(error), error instanceof errors.JWTExpired);
    }
  };
}

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
