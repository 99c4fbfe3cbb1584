import { decodeJwt } from 'jose';
import { forbidden, unauthenticated } from '../http/errors';
import type { Caller, PrincipalCaller } from './caller';
import { EmbedTokenError, embedTokenIssuer, type EmbedTokenIssuer } from './embed-token';

/** How the server checks the Authorization header of one request. */
export interface Authenticator {
  verifyBearer: (token: string) => Promise<PrincipalCaller>;
  embedTokens: EmbedTokenIssuer;
}

function isEmbedToken(token: string): boolean {
  try {
    return decodeJwt(token).iss === embedTokenIssuer;
  } catch {
    return false;
  }
}

/**
 * Resolves the caller: an Entra bearer token (verified against the identity provider), or, where
 * `acceptEmbed` is set (executeQueries), an embed token the emulator issued, sent as
 * `EmbedToken <token>` or `Bearer <token>`. Anything else is 401.
 */
export async function authenticate(header: string | undefined, acceptEmbed: boolean, auth: Authenticator): Promise<Caller> {
  const match = /^(Bearer|EmbedToken)\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!match?.[2]) throw unauthenticated('PowerBINotAuthorizedException', 'The request has no bearer token');
  const [, scheme = '', token] = match;
  if (scheme.toLowerCase() === 'embedtoken' || isEmbedToken(token)) {
    if (!acceptEmbed) throw unauthenticated('PowerBINotAuthorizedException', 'Embed tokens are not accepted by this API');
    try {
      const claims = await auth.embedTokens.verify(token);
      return { kind: 'embed', id: claims.tokenId, claims, expiresAt: claims.expiresAt };
    } catch (error) {
      if (error instanceof EmbedTokenError)
        throw unauthenticated(error.code === 'TokenExpired' ? 'TokenExpired' : 'PowerBINotAuthorizedException', error.message);
      throw error;
    }
  }
  return auth.verifyBearer(token);
}

/** Delegated tokens need one of the operation's documented scopes (app tokens carry none in Power BI). */
export function checkScopes(caller: Caller, required: readonly string[]): void {
  if (caller.kind !== 'user' || required.length === 0) return;
  if (!required.some((scope) => caller.scopes.includes(scope)))
    throw forbidden(`The token needs one of these scopes: ${required.join(', ')}`);
}

/** The error code of an error body, for the request log. */
export function errorCodeOf(body: unknown): string {
  if (body && typeof body === 'object' && 'error' in body) return String((body as { error: { code?: unknown } }).error.code);
  return 'Throttled';
}
