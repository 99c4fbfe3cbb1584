import { decodeJwt } from 'jose';
import { apiGraphRoles, graphResource, localClients } from './config/defaults';
import { spawnIdentityProvider, type SpawnedIdentityProvider } from './testing';

let idp: SpawnedIdentityProvider;

beforeAll(async () => {
  idp = await spawnIdentityProvider({ args: ['--dataverse-url', 'https://contoso-test.crm4.dynamics.com'] });
}, 60_000);

afterAll(async () => {
  await idp?.stop();
});

describe('app-only tokens for the store data sources', () => {
  it('gives the API a v1 Graph token with the Files.Read.All app role (client credentials)', async () => {
    const claims = decodeJwt(await idp.client.appToken(localClients.api.clientId, { resource: graphResource.identifier }));
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

  it('gives the API a Dataverse token whose audience is the configured environment URL, without roles', async () => {
    const claims = decodeJwt(await idp.client.appToken(localClients.api.clientId, { resource: 'https://contoso-test.crm4.dynamics.com' }));
    expect(claims).toMatchObject({ aud: 'https://contoso-test.crm4.dynamics.com', idtyp: 'app', appid: localClients.api.clientId });
    expect(claims.roles).toBeUndefined();
  });

  it('issues no Graph app role to a client that was not granted one', async () => {
    const claims = decodeJwt(await idp.client.appToken(localClients.bot.clientId, { resource: graphResource.identifier }));
    expect(claims.roles).toBeUndefined();
  });
});
