import { defaultClients, type EntraClient } from './clients';
import { ConsentRegistry } from './consent';
import {
  accessAsUser,
  botFrameworkResource,
  dataverseResource,
  defaultTabDomain,
  defaultTabOrigins,
  graphResource,
  localClients,
  powerBiResource,
} from './defaults';
import type { ResourceApp, TokenVersion } from './resources';
import { Directory, defaultTenantId, sampleDirectory, type DirectoryUser } from '../directory';
import type { TenantIssuers } from '../tokens/entra-claims';

/** How to run the provider. Only `certsDir` is required. */
export interface IdentityProviderOptions {
  /** Where the local CA, the server certificate and the signing key live (the stack: `.local/certs`). */
  certsDir: string;
  /** HTTPS port; 0 picks a free one. Default 0. */
  port?: number;
  /**
   * Plain-HTTP port for browsers, which do not trust the local CA. 0 picks a free one; `false`
   * disables it. Default: 0.
   */
  httpPort?: number | false;
  /** Host name in the issuer and HTTPS URLs. Default `localhost`. */
  hostname?: string;
  /** More names for the server certificate. */
  extraHostnames?: string[];
  /** Tenant id (`tid`). Default: the sample tenant. */
  tenantId?: string;
  /** Tab domain of the API's Application ID URI `api://<tabDomain>/<apiClientId>`. Default `localhost:53000`. */
  tabDomain?: string;
  /** Origins the tab is served from: CORS origins, and redirect URIs `<origin>/auth-end.html`, `<origin>/consent-end.html` and `<origin>/`. */
  tabOrigins?: string[];
  /** Exact redirect URIs of the tab client (replaces the ones derived from `tabOrigins`). */
  redirectUris?: string[];
  /** Where logout may return to. Default: `<origin>/` for each tab origin. */
  postLogoutRedirectUris?: string[];
  /** The API app's `accessTokenAcceptedVersion` (aad.manifest.json says 2). Default 2. */
  apiTokenVersion?: TokenVersion;
  /** Users who can sign in. Default: the sample directory. */
  users?: DirectoryUser[];
  /** App registrations (replaces the default tab, API, Power BI and bot clients). */
  clients?: EntraClient[];
  /** Client id of the API app registration (the audience). Default: the local API client. */
  apiClientId?: string;
  /** App roles of the Power BI service principal's app-only tokens. Default none. */
  powerBiRoles?: string[];
  /** Graph app roles of the API's app-only tokens. Default `Files.Read.All`. */
  apiGraphRoles?: string[];
  /** The Dataverse environment URL: the audience of Dataverse tokens. Default `https://contoso-planboard.crm4.dynamics.com`. */
  dataverseUrl?: string;
  /**
   * Users (UPNs, or `*` for everyone) who have not consented to the app's delegated downstream
   * permissions: their on-behalf-of requests fail with AADSTS65001 / `consent_required`. Changeable
   * at run time with `POST /_emulator/consent`. Default: none (admin consent granted).
   */
  withholdConsent?: string[];
  /** Where to write progress lines (the CLI prints them). Default: silent. */
  log?: (line: string) => void;
}

/** Everything the provider is configured from, once the HTTPS port is known. */
export interface IdentitySettings {
  tenantId: string;
  httpsOrigin: string;
  issuers: TenantIssuers;
  api: ResourceApp;
  resources: ResourceApp[];
  clients: EntraClient[];
  directory: Directory;
  /** Who has consented to on-behalf-of calls to downstream APIs. */
  consent: ConsentRegistry;
  /** Origins allowed to call the token endpoint from a browser. */
  corsOrigins: string[];
}

/** The routes Entra uses below `https://login.microsoftonline.com/{tid}`. */
export const entraRoutes = {
  authorization: '/oauth2/v2.0/authorize',
  token: '/oauth2/v2.0/token',
  jwks: '/discovery/v2.0/keys',
  end_session: '/oauth2/v2.0/logout',
} as const;

/** Issuer strings of a tenant at an origin: v2 as Entra, v1 standing in for `https://sts.windows.net/{tid}/`. */
export function issuersAt(origin: string, tenantId: string): TenantIssuers {
  return { v2: `${origin}/${tenantId}/v2.0`, v1: `${origin}/sts/${tenantId}/` };
}

/** Resolves options into settings for a provider listening at `httpsOrigin`. */
export function resolveSettings(options: IdentityProviderOptions, httpsOrigin: string): IdentitySettings {
  const tenantId = options.tenantId ?? defaultTenantId;
  const tabOrigins = options.tabOrigins ?? [...defaultTabOrigins];
  const apiClientId = options.apiClientId ?? localClients.api.clientId;
  const apiIdentifier = `api://${options.tabDomain ?? defaultTabDomain}/${apiClientId}`;
  const api: ResourceApp = {
    name: 'Planboard API',
    identifier: apiIdentifier,
    aliases: [`api://${apiClientId}`, apiClientId],
    appId: apiClientId,
    accessTokenVersion: options.apiTokenVersion ?? 2,
    delegatedScopes: [accessAsUser],
    carriesUserRoles: true,
  };
  const resources: ResourceApp[] = [
    api,
    {
      name: 'Power BI Service',
      identifier: powerBiResource.identifier,
      aliases: [powerBiResource.appId],
      appId: powerBiResource.appId,
      accessTokenVersion: 1,
      delegatedScopes: [...powerBiResource.delegatedScopes],
      carriesUserRoles: false,
    },
    {
      name: 'Microsoft Graph',
      identifier: graphResource.identifier,
      aliases: [graphResource.appId],
      appId: graphResource.appId,
      accessTokenVersion: 1,
      delegatedScopes: [...graphResource.delegatedScopes],
      carriesUserRoles: false,
    },
    {
      name: 'Dataverse',
      identifier: options.dataverseUrl ?? dataverseResource.identifier,
      aliases: [dataverseResource.appId],
      appId: dataverseResource.appId,
      accessTokenVersion: 1,
      delegatedScopes: [...dataverseResource.delegatedScopes],
      carriesUserRoles: false,
    },
    {
      name: 'Bot Framework',
      identifier: botFrameworkResource.identifier,
      aliases: [],
      appId: botFrameworkResource.appId,
      accessTokenVersion: 1,
      delegatedScopes: [],
      carriesUserRoles: false,
    },
  ];
  const clients =
    options.clients ??
    defaultClients({
      apiIdentifier,
      tabRedirectUris:
        options.redirectUris ?? tabOrigins.flatMap((origin) => [`${origin}/auth-end.html`, `${origin}/consent-end.html`, `${origin}/`]),
      tabPostLogoutRedirectUris: options.postLogoutRedirectUris ?? tabOrigins.map((origin) => `${origin}/`),
      powerBiRoles: options.powerBiRoles,
      apiGraphRoles: options.apiGraphRoles,
      dataverseUrl: options.dataverseUrl,
    });
  const corsOrigins = [...new Set(clients.flatMap((client) => (client.redirectUris ?? []).map((uri) => new URL(uri).origin)))];
  return {
    tenantId,
    httpsOrigin,
    issuers: issuersAt(httpsOrigin, tenantId),
    api,
    resources,
    clients,
    directory: new Directory(options.users ?? sampleDirectory()),
    consent: new ConsentRegistry(options.withholdConsent),
    corsOrigins,
  };
}
