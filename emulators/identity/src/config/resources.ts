/** The version of access tokens an app registration accepts (`accessTokenAcceptedVersion`). */
export type TokenVersion = 1 | 2;

/** An API (resource) registered in the tenant, as Entra sees it when issuing tokens for it. */
export interface ResourceApp {
  /** Display name, for pages and errors. */
  name: string;
  /** Canonical identifier: the resource indicator, the prefix of its scopes and the v1 `aud`. */
  identifier: string;
  /** Other prefixes Entra accepts in scopes for the same app (`api://<clientId>`, the client id). */
  aliases: string[];
  /** The app's client id: the `aud` of v2 tokens. */
  appId: string;
  /** What Entra issues for it: `accessTokenAcceptedVersion` (Power BI and Graph accept v1 only). */
  accessTokenVersion: TokenVersion;
  /** Delegated permissions (`scp` values) it exposes. */
  delegatedScopes: string[];
  /** Whether users' app-role assignments (`roles`) are app roles of this app (true for our API). */
  carriesUserRoles: boolean;
}

/** A scope string split into the resource it belongs to and the permission name. */
export interface ParsedScope {
  resource: ResourceApp;
  /** The permission (`access_as_user`, `Dataset.Read.All`) or `.default`. */
  permission: string;
}

/** The scopes OpenID Connect itself defines; they never name a resource. */
export const oidcScopes: ReadonlySet<string> = new Set(['openid', 'profile', 'email', 'offline_access']);

/** Every scope string the resource accepts, under each of its prefixes (plus `/.default`). */
export function scopeStrings(resource: ResourceApp): string[] {
  const permissions = [...resource.delegatedScopes, '.default'];
  return [resource.identifier, ...resource.aliases].flatMap((prefix) => permissions.map((permission) => `${prefix}/${permission}`));
}

/** Finds the resource a scope string such as `https://analysis.windows.net/powerbi/api/.default` targets. */
export function parseScope(scope: string, resources: readonly ResourceApp[]): ParsedScope | undefined {
  for (const resource of resources) {
    for (const prefix of [resource.identifier, ...resource.aliases]) {
      if (scope.startsWith(`${prefix}/`)) {
        const permission = scope.slice(prefix.length + 1);
        if (permission === '.default' || resource.delegatedScopes.includes(permission)) return { resource, permission };
      }
    }
  }
  return undefined;
}

/** Finds a resource by identifier, alias or app id (an `aud` of either token version). */
export function findResource(resources: readonly ResourceApp[], id: string): ResourceApp | undefined {
  return resources.find((resource) => resource.identifier === id || resource.appId === id || resource.aliases.includes(id));
}

/**
 * The resources a space-separated scope parameter targets. Entra issues a token for one resource
 * per request, so callers treat more than one as an error.
 */
export function resourcesOfScope(scope: string | undefined, resources: readonly ResourceApp[]): ResourceApp[] {
  const found = new Map<string, ResourceApp>();
  for (const item of (scope ?? '').split(' ')) {
    if (!item || oidcScopes.has(item)) continue;
    const parsed = parseScope(item, resources);
    if (parsed) found.set(parsed.resource.identifier, parsed.resource);
  }
  return [...found.values()];
}
