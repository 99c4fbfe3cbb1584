import type { TokenVersion } from './config/resources';
import { entraRoutes, issuersAt, type IdentitySettings } from './config/settings';
import type { DirectoryUser } from './directory';
import type { TenantIssuers } from './tokens/entra-claims';

/** The endpoints of the tenant at one origin, named as in a discovery document. */
export interface TenantEndpoints {
  /** The msal `authority`: `<origin>/<tid>`. */
  authority: string;
  /** v2 discovery document: `<authority>/v2.0/.well-known/openid-configuration`. */
  discovery: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint: string;
  jwksUri: string;
}

/** Where the provider answers. HTTPS for Node clients (msal, the API); plain HTTP for browsers. */
export interface IdentityProviderUrls extends TenantEndpoints {
  /** `https://localhost:<port>`. */
  origin: string;
  issuers: TenantIssuers;
  /** Issuers with `{tid}` in place of the tenant, the form the API's validator is configured with. */
  issuerTemplates: string[];
  /** v1 discovery document (issuer = the v1 issuer), as Entra serves at `<authority>/.well-known/openid-configuration`. */
  discoveryV1: string;
  /** `http://127.0.0.1:<httpPort>` when the browser listener runs. */
  browserOrigin?: string;
  /** The same endpoints on the browser listener (same provider, same issuer, no TLS). */
  browser?: TenantEndpoints;
  /** `GET`: {@link EmulatorConfig}. */
  emulatorConfig: string;
  /** `POST`: mint a token (see `MintRequest`). */
  emulatorToken: string;
}

/** A client as `/_emulator/config` describes it (secrets included: they are local-only). */
export interface EmulatorClientInfo {
  name: string;
  clientId: string;
  clientSecret?: string;
  objectId: string;
  grantTypes: string[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

/** `GET /_emulator/config`: everything other components configure themselves from. */
export interface EmulatorConfig {
  tenantId: string;
  urls: IdentityProviderUrls;
  caCertPath: string;
  /** The Planboard API registration: the audience of user tokens. */
  api: { clientId: string; applicationIdUri: string; audiences: string[]; scope: string; accessTokenVersion: TokenVersion };
  /** The tab's public client and the scopes it asks for. */
  tab: { clientId: string; redirectUris: string[]; postLogoutRedirectUris: string[]; scopes: string[] };
  powerBi: { resource: string; scope: string; clientId?: string; clientSecret?: string };
  clients: EmulatorClientInfo[];
  users: DirectoryUser[];
}

/** The endpoints of `tenantId` at `origin`. */
export function tenantEndpoints(origin: string, tenantId: string): TenantEndpoints {
  const authority = `${origin}/${tenantId}`;
  return {
    authority,
    discovery: `${authority}/v2.0/.well-known/openid-configuration`,
    authorizationEndpoint: `${authority}${entraRoutes.authorization}`,
    tokenEndpoint: `${authority}${entraRoutes.token}`,
    endSessionEndpoint: `${authority}${entraRoutes.end_session}`,
    jwksUri: `${authority}${entraRoutes.jwks}`,
  };
}

/** All URLs of a provider at `httpsOrigin` (and `browserOrigin`, when the HTTP listener runs). */
export function providerUrls(httpsOrigin: string, tenantId: string, browserOrigin?: string): IdentityProviderUrls {
  const templates = issuersAt(httpsOrigin, '{tid}');
  return {
    origin: httpsOrigin,
    ...tenantEndpoints(httpsOrigin, tenantId),
    issuers: issuersAt(httpsOrigin, tenantId),
    issuerTemplates: [templates.v2, templates.v1],
    discoveryV1: `${httpsOrigin}/${tenantId}/.well-known/openid-configuration`,
    ...(browserOrigin ? { browserOrigin, browser: tenantEndpoints(browserOrigin, tenantId) } : {}),
    emulatorConfig: `${httpsOrigin}/_emulator/config`,
    emulatorToken: `${httpsOrigin}/_emulator/token`,
  };
}

/** Builds the `/_emulator/config` document. */
export function emulatorConfig(settings: IdentitySettings, urls: IdentityProviderUrls, caCertPath: string): EmulatorConfig {
  const { api } = settings;
  const tab = settings.clients.find((client) => client.grantTypes.includes('authorization_code'));
  const powerBi = settings.clients.find(
    (client) => client.clientId !== api.appId && client.permissions['https://analysis.windows.net/powerbi/api']?.application,
  );
  return {
    tenantId: settings.tenantId,
    urls,
    caCertPath,
    api: {
      clientId: api.appId,
      applicationIdUri: api.identifier,
      audiences: [api.appId, api.identifier],
      scope: `${api.identifier}/access_as_user`,
      accessTokenVersion: api.accessTokenVersion,
    },
    tab: {
      clientId: tab?.clientId ?? '',
      redirectUris: tab?.redirectUris ?? [],
      postLogoutRedirectUris: tab?.postLogoutRedirectUris ?? [],
      scopes: ['openid', 'profile', 'offline_access', `${api.identifier}/access_as_user`],
    },
    powerBi: {
      resource: 'https://analysis.windows.net/powerbi/api',
      scope: 'https://analysis.windows.net/powerbi/api/.default',
      clientId: powerBi?.clientId,
      clientSecret: powerBi?.clientSecret,
    },
    clients: settings.clients.map((client) => ({
      name: client.name,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      objectId: client.objectId,
      grantTypes: client.grantTypes,
      redirectUris: client.redirectUris ?? [],
      postLogoutRedirectUris: client.postLogoutRedirectUris ?? [],
    })),
    users: [...settings.directory.users],
  };
}
