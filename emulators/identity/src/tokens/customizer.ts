import type { AccessToken, ClientCredentials, JWTStructured, KoaContextWithOIDC } from 'oidc-provider';
import { oidcScopes, parseScope, findResource, type ResourceApp, type TokenVersion } from '../config/resources';
import type { IdentitySettings } from '../config/settings';
import { entraAccessTokenClaims, type TokenPrincipal } from './entra-claims';

/** Marks a token minted by our own code (OBO, emulator route) with choices the request cannot carry. */
export const tokenHints = Symbol('planboard.tokenHints');

/** Choices attached to a token instance before `save()`; read back when it is formatted. */
export interface TokenHints {
  version?: TokenVersion;
  /** Lifetime in seconds; negative mints an already expired token (tests of expiry handling). */
  expiresIn?: number;
}

type HintedToken = (AccessToken | ClientCredentials) & { [tokenHints]?: TokenHints };

/** Attaches hints to a token that is about to be saved. */
export function hintToken(token: AccessToken | ClientCredentials, hints: TokenHints): void {
  (token as HintedToken)[tokenHints] = hints;
}

/**
 * Emulator extension: `token_version=1|2` on a token request (body or query) picks the token
 * version, so tests can obtain v1 tokens for an API whose manifest says v2. Entra decides by the
 * resource's `accessTokenAcceptedVersion` alone, which stays the default.
 */
export function requestedVersion(ctx: KoaContextWithOIDC | undefined): TokenVersion | undefined {
  if (!ctx) return undefined;
  const body = (ctx.oidc?.body ?? {}) as Record<string, unknown>;
  const raw = body.token_version ?? ctx.query?.token_version;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === '1' || value === 'v1' || value === '1.0') return 1;
  if (value === '2' || value === 'v2' || value === '2.0') return 2;
  return undefined;
}

/** Delegated permission names a token's scope grants on `resource`, `.default` expanded to what the client was consented. */
export function delegatedPermissions(scope: string | undefined, resource: ResourceApp, consented: readonly string[] = []): string[] {
  const names: string[] = [];
  for (const item of (scope ?? '').split(' ')) {
    if (!item || oidcScopes.has(item)) continue;
    const parsed = parseScope(item, [resource]);
    if (!parsed) continue;
    names.push(...(parsed.permission === '.default' ? consented : [parsed.permission]));
  }
  return [...new Set(names)];
}

/**
 * The `formats.customizers.jwt` hook: replaces oidc-provider's RFC 9068 claims with the claims
 * Entra puts in its access tokens (issuer per version, `aud`, `scp`/`roles`, `oid`, `tid`...),
 * and the header `typ: JWT` Entra uses instead of `at+jwt`. oidc-provider still signs the result
 * with the key it publishes on its JWKS.
 */
export function createJwtCustomizer(settings: IdentitySettings) {
  return async (ctx: KoaContextWithOIDC | undefined, token: AccessToken | ClientCredentials, jwt: JWTStructured): Promise<void> => {
    const identifier = token.resourceServer?.identifier();
    const resource = identifier ? findResource(settings.resources, identifier) : undefined;
    if (!resource) throw new Error(`No resource registered for access token audience ${String(identifier)}`);
    const hints = (token as HintedToken)[tokenHints] ?? {};
    const version = hints.version ?? requestedVersion(ctx) ?? resource.accessTokenVersion;
    const client = settings.clients.find((candidate) => candidate.clientId === token.clientId);
    if (!client) throw new Error(`Unknown client ${String(token.clientId)}`);
    const permissions = client.permissions[resource.identifier] ?? {};
    let principal: TokenPrincipal;
    let scopes: string[] = [];
    let roles: string[];
    if (token.kind === 'ClientCredentials') {
      principal = { kind: 'app', objectId: client.objectId };
      roles = permissions.application ?? [];
    } else {
      const user = settings.directory.find(token.accountId);
      if (!user) throw new Error(`Unknown account ${token.accountId}`);
      principal = { kind: 'user', user };
      scopes = delegatedPermissions(token.scope, resource, permissions.delegated);
      roles = resource.carriesUserRoles ? user.appRoles : [];
    }
    const payload = jwt.payload as Record<string, unknown>;
    let issuedAt = Number(payload.iat);
    let expiresAt = Number(payload.exp);
    if (hints.expiresIn !== undefined) {
      expiresAt = Math.floor(Date.now() / 1000) + hints.expiresIn;
      issuedAt = Math.min(issuedAt, expiresAt - 3600);
    }
    const claims = entraAccessTokenClaims({
      version,
      issuers: settings.issuers,
      tenantId: settings.tenantId,
      resource,
      client: { clientId: client.clientId, confidential: Boolean(client.clientSecret) },
      principal,
      scopes,
      roles,
      issuedAt,
      expiresAt,
      tokenId: String(payload.jti),
    });
    for (const key of Object.keys(payload)) delete payload[key];
    Object.assign(payload, claims);
    jwt.header = { ...jwt.header, typ: 'JWT' };
  };
}
