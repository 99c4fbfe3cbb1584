/**
 * Local-only identifiers. Like Azurite's well-known account key these are published on purpose:
 * they only work against this emulator, which only listens on the loopback interface. The GUIDs
 * start with `10ca1` ("local") so they are recognisable in logs and token dumps.
 */
export const localClients = {
  /** The Planboard API app registration: the audience of user tokens, confidential for OBO. */
  api: {
    clientId: '10ca1a00-0000-4000-8000-000000000001',
    clientSecret: 'local-only-api-secret',
    objectId: '10ca1a00-0000-4000-8000-000000000101',
  },
  /** The tab outside Teams: a public SPA client using auth code + PKCE. */
  tab: { clientId: '10ca1a00-0000-4000-8000-000000000002', objectId: '10ca1a00-0000-4000-8000-000000000102' },
  /** The Power BI service principal: confidential, client credentials. */
  powerBi: {
    clientId: '10ca1a00-0000-4000-8000-000000000003',
    clientSecret: 'local-only-powerbi-secret',
    objectId: '10ca1a00-0000-4000-8000-000000000103',
  },
  /** The bot's app registration: confidential, client credentials (Bot Framework, Graph). */
  bot: {
    clientId: '10ca1a00-0000-4000-8000-000000000004',
    clientSecret: 'local-only-bot-secret',
    objectId: '10ca1a00-0000-4000-8000-000000000104',
  },
} as const;

/**
 * Microsoft's first-party Teams clients, as they exist in every tenant. Teams SSO
 * (`getAuthToken`) returns a token for the API issued to one of them (`azp`), because
 * aad.manifest.json pre-authorises them; the emulator mints such tokens on request.
 */
export const teamsClients = {
  desktop: { clientId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', objectId: '10ca1a00-0000-4000-8000-000000000105' },
  web: { clientId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', objectId: '10ca1a00-0000-4000-8000-000000000106' },
} as const;

/** Default HTTPS port of the provider (the plain-HTTP browser listener defaults to the next port). */
export const defaultHttpsPort = 53443;

/** The Teams toolkit's local tab domain; the API's Application ID URI is `api://<tab domain>/<client id>`. */
export const defaultTabDomain = 'localhost:53000';

/** Where the tab is served locally (Vite), hence its redirect URIs and CORS origins. */
export const defaultTabOrigins: readonly string[] = ['http://127.0.0.1:53000', 'http://localhost:53000'];

/** Power BI's resource as Entra knows it: v1 tokens with this `aud`. */
export const powerBiResource = {
  identifier: 'https://analysis.windows.net/powerbi/api',
  appId: '00000009-0000-0000-c000-000000000000',
  /** Delegated permissions the Power BI service exposes (a representative subset). */
  delegatedScopes: [
    'App.Read.All',
    'Capacity.Read.All',
    'Capacity.ReadWrite.All',
    'Content.Create',
    'Dashboard.Read.All',
    'Dashboard.ReadWrite.All',
    'Dataflow.Read.All',
    'Dataset.Read.All',
    'Dataset.ReadWrite.All',
    'Gateway.Read.All',
    'Report.Read.All',
    'Report.ReadWrite.All',
    'Tenant.Read.All',
    'Workspace.Read.All',
    'Workspace.ReadWrite.All',
  ],
} as const;

/** Microsoft Graph (OneDrive import, profile): v1 tokens. */
export const graphResource = {
  identifier: 'https://graph.microsoft.com',
  appId: '00000003-0000-0000-c000-000000000000',
  delegatedScopes: ['User.Read', 'Files.Read', 'Files.Read.All', 'Sites.Read.All'],
  appRoles: ['User.Read.All', 'Files.Read.All', 'Sites.Read.All', 'Sites.Selected'],
} as const;

/**
 * The store master data's Dataverse environment. Dataverse (appId `00000007-…`, "Dynamics CRM")
 * takes v1 tokens whose `aud` is the environment URL; app-only callers carry no roles: the
 * environment authorises them as application users.
 */
export const dataverseResource = {
  identifier: 'https://contoso-planboard.crm4.dynamics.com',
  appId: '00000007-0000-0000-c000-000000000000',
  delegatedScopes: ['user_impersonation'],
} as const;

/** The Graph app role the API's store-data pipeline is granted (admin consent): reads the OneDrive folder. */
export const apiGraphRoles: readonly string[] = ['Files.Read.All'];

/** The Bot Framework connector: the bot's client-credentials tokens target it. */
export const botFrameworkResource = {
  identifier: 'https://api.botframework.com',
  appId: '00000000-0000-0000-0000-000000000000',
} as const;

/**
 * Delegated permissions the API app holds on Power BI, as `aad.manifest.json` requests them
 * (7f33e027… Dataset.Read.All, 4ae1bf56… Report.Read.All, b2f1b2fa… Workspace.Read.All).
 */
export const apiPowerBiPermissions: readonly string[] = ['Dataset.Read.All', 'Report.Read.All', 'Workspace.Read.All'];

/** The delegated permission the API exposes (`oauth2Permissions` in `aad.manifest.json`). */
export const accessAsUser = 'access_as_user';
