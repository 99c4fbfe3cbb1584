import { errors, type KoaContextWithOIDC, type ResourceServer } from 'oidc-provider';
import { findResource, resourcesOfScope, scopeStrings, type ResourceApp } from '../config/resources';
import type { IdentitySettings } from '../config/settings';

/** Entra access tokens last 60–90 minutes; a fixed 3599 s is what its responses usually show. */
export const accessTokenSeconds = 3599;

/** Entra only issues app-only tokens for `<resource>/.default`. */
function assertDefaultScope(ctx: KoaContextWithOIDC): void {
  const scopes = String(ctx.oidc.params?.scope ?? '')
    .split(' ')
    .filter(Boolean);
  if (!scopes.length || !scopes.every((scope) => scope.endsWith('/.default'))) {
    throw new errors.InvalidScope(
      'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
      scopes.join(' '),
    );
  }
}

/** How oidc-provider should issue tokens for a resource: JWT, RS256, Entra's lifetime. */
export function resourceServerInfo(resource: ResourceApp): ResourceServer {
  return {
    scope: scopeStrings(resource).join(' '),
    audience: resource.identifier,
    accessTokenTTL: accessTokenSeconds,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: 'RS256' } },
  };
}

/**
 * `features.resourceIndicators`: Entra clients name the resource inside the scope
 * (`api://…/access_as_user`, `https://analysis.windows.net/powerbi/api/.default`) rather than in
 * a `resource` parameter, so the resource is derived from the scope, one per request as in Entra.
 */
export function resourceIndicators(settings: IdentitySettings) {
  return {
    enabled: true,
    async defaultResource(
      ctx: KoaContextWithOIDC,
      _client: unknown,
      oneOf?: readonly string[],
    ): Promise<string | readonly string[] | undefined> {
      if (oneOf?.length) return oneOf[0];
      const targets = resourcesOfScope(ctx.oidc.params?.scope as string | undefined, settings.resources);
      if (targets.length > 1) {
        throw new errors.InvalidTarget('Scopes for more than one resource were requested; ask for one resource per request.');
      }
      return targets[0]?.identifier;
    },
    async useGrantedResource(): Promise<boolean> {
      // The token endpoint request of a code grant carries no scope: use the resource the code was granted for.
      return true;
    },
    async getResourceServerInfo(ctx: KoaContextWithOIDC, indicator: string): Promise<ResourceServer> {
      const resource = findResource(settings.resources, indicator);
      if (!resource) throw new errors.InvalidTarget(`Resource ${indicator} is not registered in this tenant.`);
      if (ctx.oidc.params?.grant_type === 'client_credentials') assertDefaultScope(ctx);
      return resourceServerInfo(resource);
    },
  };
}
