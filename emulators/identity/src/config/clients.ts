import type { ClientMetadata } from 'oidc-provider';
import {
  accessAsUser,
  apiPowerBiPermissions,
  apiGraphRoles,
  botFrameworkResource,
  dataverseResource,
  graphResource,
  localClients,
  powerBiResource,
  teamsClients,
} from './defaults';

/** The grant type of the on-behalf-of flow. */
export const jwtBearerGrant = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** What a client may obtain for one resource: delegated permissions (`scp`) and app roles (`roles`). */
export interface ResourcePermissions {
  delegated?: string[];
  application?: string[];
}

/** An app registration that asks for tokens, described the way Entra's portal does. */
export interface EntraClient {
  name: string;
  clientId: string;
  /** Absent for public clients (the SPA); present for confidential ones (secret sent as `client_secret`). */
  clientSecret?: string;
  /** The service principal's object id: `oid` and `sub` of its app-only tokens. */
  objectId: string;
  grantTypes: string[];
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  /** Consented permissions per resource identifier (what `.default` expands to). */
  permissions: Record<string, ResourcePermissions>;
}

/** Inputs of {@link defaultClients}. */
export interface DefaultClientsInput {
  apiIdentifier: string;
  tabRedirectUris: string[];
  tabPostLogoutRedirectUris: string[];
  /** App roles granted to the Power BI service principal (none by default, as Power BI recommends). */
  powerBiRoles?: string[];
  /** Graph app roles of the API's app-only tokens (default {@link apiGraphRoles}). */
  apiGraphRoles?: readonly string[];
  /** The Dataverse environment URL (default {@link dataverseResource}'s). */
  dataverseUrl?: string;
}

/** The tab, the API, the Power BI service principal and the bot, with local-only ids and secrets. */
export function defaultClients(input: DefaultClientsInput): EntraClient[] {
  return [
    {
      name: 'Planboard tab',
      ...localClients.tab,
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: input.tabRedirectUris,
      postLogoutRedirectUris: input.tabPostLogoutRedirectUris,
      permissions: { [input.apiIdentifier]: { delegated: [accessAsUser] }, [graphResource.identifier]: { delegated: ['User.Read'] } },
    },
    {
      name: 'Planboard API',
      ...localClients.api,
      grantTypes: ['client_credentials', jwtBearerGrant],
      permissions: {
        [powerBiResource.identifier]: { delegated: [...apiPowerBiPermissions], application: [] },
        // The store-data pipeline reads the OneDrive folder (Files.Read.All) and the store master table app-only.
        [graphResource.identifier]: {
          delegated: ['User.Read', 'Files.Read.All'],
          application: [...(input.apiGraphRoles ?? apiGraphRoles)],
        },
        [input.dataverseUrl ?? dataverseResource.identifier]: { application: [] },
      },
    },
    {
      name: 'Planboard Power BI service principal',
      ...localClients.powerBi,
      grantTypes: ['client_credentials'],
      permissions: { [powerBiResource.identifier]: { application: input.powerBiRoles ?? [] } },
    },
    {
      name: 'Planboard bot',
      ...localClients.bot,
      grantTypes: ['client_credentials', jwtBearerGrant],
      permissions: {
        [botFrameworkResource.identifier]: { application: [] },
        [graphResource.identifier]: { delegated: ['User.Read'], application: [] },
      },
    },
    // Teams signs users in itself; here it only holds tokens (minted), pre-authorised for access_as_user.
    ...[
      { name: 'Microsoft Teams', ...teamsClients.desktop },
      { name: 'Microsoft Teams Web Client', ...teamsClients.web },
    ].map((client) => ({
      ...client,
      grantTypes: ['refresh_token'],
      permissions: { [input.apiIdentifier]: { delegated: [accessAsUser] } },
    })),
  ];
}

/**
 * The oidc-provider registration of a client. Public clients get pairwise subjects (Entra's `sub`
 * is per application); the sector identifier is only a label here since validation is disabled.
 */
export function toClientMetadata(client: EntraClient, sectorIdentifierUri: string): ClientMetadata {
  const redirectUris = client.redirectUris ?? [];
  const interactive = client.grantTypes.includes('authorization_code');
  return {
    client_id: client.clientId,
    client_name: client.name,
    ...(client.clientSecret
      ? { client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_post' }
      : { token_endpoint_auth_method: 'none' }),
    application_type: 'web',
    grant_types: client.grantTypes,
    response_types: interactive ? ['code'] : [],
    redirect_uris: redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
    ...(interactive ? { subject_type: 'pairwise', sector_identifier_uri: sectorIdentifierUri } : {}),
  };
}
