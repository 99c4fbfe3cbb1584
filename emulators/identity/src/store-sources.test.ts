import { decodeJwt } from 'jose';
import { apiGraphRoles, dataverseResource, graphResource, localClients } from './config/defaults';
import { appToken, spawnIdentityProvider, type SpawnedIdentityProvider } from './testing';

/** A provider configured the way a tenant that grants Sites.Selected and uses another environment is. */
let configured: SpawnedIdentityProvider;

beforeAll(async () => {
  configured = await spawnIdentityProvider({
    args: ['--dataverse-url', 'https://contoso-test.crm4.dynamics.com', '--api-graph-role', 'Sites.Selected'],
  });
}, 60_000);

afterAll(async () => {
  await configured?.stop();
});

describe('app-only tokens for the store data sources', () => {
  it('gives the API a v1 Graph token with the Files.Read.All app role by default (client credentials)', async () => {
    const claims = decodeJwt(await appToken(localClients.api.clientId, { resource: graphResource.identifier }));
    expect(claims).toMatchObject({
      aud: graphResource.identifier,
      idtyp: 'app',
      appid: localClients.api.clientId,
      oid: localClients.api.objectId,
      roles: [...apiGraphRoles],
      ver: '1.0',
    });
    expect(claims.scp).toBeUndefined();
  });

  it('gives the API a Dataverse token for the default environment URL, without roles', async () => {
    const claims = decodeJwt(await appToken(localClients.api.clientId, { resource: dataverseResource.identifier }));
    expect(claims).toMatchObject({ aud: dataverseResource.identifier, idtyp: 'app', appid: localClients.api.clientId, ver: '1.0' });
    expect(claims.roles).toBeUndefined();
  });

  it('issues the configured Graph roles and environment URL (--api-graph-role, --dataverse-url)', async () => {
    const graph = decodeJwt(await configured.client.appToken(localClients.api.clientId, { resource: graphResource.identifier }));
    expect(graph.roles).toEqual(['Sites.Selected']);
    const dataverse = decodeJwt(
      await configured.client.appToken(localClients.api.clientId, { resource: 'https://contoso-test.crm4.dynamics.com' }),
    );
    expect(dataverse.aud).toBe('https://contoso-test.crm4.dynamics.com');
  });

  it('issues no Graph app role to a client that was not granted one', async () => {
    const claims = decodeJwt(await appToken(localClients.bot.clientId, { resource: graphResource.identifier }));
    expect(claims.roles).toBeUndefined();
  });
});
