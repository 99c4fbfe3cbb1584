import type Provider from 'oidc-provider';
import { findResource, type ResourceApp, type TokenVersion } from '../config/resources';
import type { IdentitySettings } from '../config/settings';
import { hintToken } from '../tokens/customizer';
import { resourceServerInfo } from './resource-indicators';

/** Body of `POST /_emulator/token`: a user token (`user`) or an app-only token (`app`). */
export interface MintRequest {
  /** UPN or object id of a directory user: mints a delegated token. */
  user?: string;
  /** Client id of a confidential client: mints an app-only token (no secret needed here). */
  app?: string;
  /** `v1` or `v2`; default: what the resource accepts (the API: v2). */
  version?: 'v1' | 'v2' | 1 | 2;
  /** Resource identifier, alias or app id; default: the Planboard API. */
  audience?: string;
  /** For user tokens: the calling client (`azp` / `appid`); default: the tab. */
  clientId?: string;
  /** For user tokens: permission names (`scp`); default: what the client was consented on the resource. */
  scopes?: string[];
  /** Lifetime in seconds; negative gives an already expired token. */
  expiresIn?: number;
}

/** The response, shaped like a token endpoint's. */
export interface MintResponse {
  token_type: 'Bearer';
  access_token: string;
  expires_in: number;
}

/** A request error the route turns into a 400. */
export class MintError extends Error {}

function versionOf(value: MintRequest['version']): TokenVersion | undefined {
  if (value === undefined) return undefined;
  if (value === 'v1' || value === 1) return 1;
  if (value === 'v2' || value === 2) return 2;
  throw new MintError(`version must be v1 or v2, not ${String(value)}`);
}

async function findClient(provider: Provider, clientId: string) {
  const client = await provider.Client.find(clientId);
  if (!client) throw new MintError(`Unknown client ${clientId}`);
  return client;
}

/**
 * Mints a token through the provider's own models, so it is formatted, shaped and signed exactly
 * as the token endpoint would do it. Emulator-only, like Azurite's well-known account: tests get
 * a token for any sample user without driving a browser.
 */
export async function mintToken(provider: Provider, settings: IdentitySettings, request: MintRequest): Promise<MintResponse> {
  const version = versionOf(request.version);
  if (request.expiresIn !== undefined && !Number.isInteger(request.expiresIn)) throw new MintError('expiresIn must be an integer');
  const resource: ResourceApp | undefined = findResource(settings.resources, request.audience ?? settings.api.identifier);
  if (!resource) throw new MintError(`Unknown audience ${request.audience}`);
  const resourceServer = new provider.ResourceServer(resource.identifier, resourceServerInfo(resource));
  const hints = { version, expiresIn: request.expiresIn };

  if (request.app !== undefined) {
    const client = await findClient(provider, request.app);
    if (client.clientAuthMethod === 'none') throw new MintError('App-only tokens are for confidential clients');
    const token = new provider.ClientCredentials({ client, resourceServer, scope: `${resource.identifier}/.default` });
    hintToken(token, hints);
    const value = await token.save();
    return { token_type: 'Bearer', access_token: value, expires_in: request.expiresIn ?? token.expiration };
  }

  const user = request.user ? settings.directory.find(request.user) : undefined;
  if (!user) throw new MintError(`Unknown user ${String(request.user)}: pass the UPN or object id of a directory user`);
  const defaultClient = settings.clients.find((candidate) => candidate.grantTypes.includes('authorization_code')) ?? settings.clients[0];
  const client = await findClient(provider, request.clientId ?? defaultClient?.clientId ?? '');
  const consented = settings.clients.find((candidate) => candidate.clientId === client.clientId)?.permissions[resource.identifier]
    ?.delegated;
  const names = request.scopes ?? (consented?.length ? consented : resource.delegatedScopes);
  const unknown = names.filter((name) => !resource.delegatedScopes.includes(name));
  if (unknown.length) throw new MintError(`${resource.name} has no delegated permission ${unknown.join(', ')}`);
  const scope = names.map((name) => `${resource.identifier}/${name}`).join(' ');
  const grant = new provider.Grant({ accountId: user.oid, clientId: client.clientId });
  grant.addResourceScope(resource.identifier, scope);
  const grantId = await grant.save();
  const token = new provider.AccessToken({ accountId: user.oid, client, grantId, gty: 'emulator', scope, resourceServer });
  hintToken(token, hints);
  const value = await token.save();
  return { token_type: 'Bearer', access_token: value, expires_in: request.expiresIn ?? token.expiration };
}
