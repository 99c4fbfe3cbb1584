import type { EmulatorConfig } from '@planboard/identity';
import { caFetch } from '@planboard/identity/ca-fetch';
import { IdentityEmulatorClient } from '@planboard/identity/testing';
import { readFileSync } from 'node:fs';
import { freePort } from './ports';
import type { ManagedProcess } from './processes';
import { apiStoreSourceSettings, dataverseEnvironmentUrl, startStoreSources } from './store-sources';

/** The identity provider global setup started for the jest run. */
const identity = JSON.parse(process.env.PLANBOARD_IDENTITY_CONFIG ?? '{}') as EmulatorConfig;
const apiClientId = identity.api.clientId;

let processes: ManagedProcess[] = [];
let settings: Record<string, string>;
let client: IdentityEmulatorClient;

beforeAll(async () => {
  const ports = { graph: await freePort(), graphHttps: await freePort(), dataverse: await freePort() };
  processes = await startStoreSources({
    graphPort: ports.graph,
    graphHttpsPort: ports.graphHttps,
    dataversePort: ports.dataverse,
    identity,
  });
  settings = apiStoreSourceSettings(ports);
  client = new IdentityEmulatorClient(identity.urls.origin, readFileSync(identity.caCertPath, 'utf8'));
});
afterAll(async () => {
  await Promise.all(processes.map((proc) => proc.stop()));
});

describe('store data sources in the stack', () => {
  it('serves the seeded OneDrive folder over HTTPS (local CA) to the API app with its client-credentials Graph token', async () => {
    const token = await client.appToken(apiClientId, { resource: 'https://graph.microsoft.com' });
    const folder = encodeURI(settings.STORE_SALES_FOLDER ?? '');
    expect(settings.GRAPH_API_URL).toMatch(/^https:\/\/localhost:\d+\/v1\.0$/);
    const response = await caFetch(readFileSync(identity.caCertPath, 'utf8'))(
      `${settings.GRAPH_API_URL}/drives/${settings.STORE_SALES_DRIVE_ID}/root:/${folder}:/children`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { value: unknown[] }).value).toHaveLength(12);
  });

  it('serves the seeded store master table to the API app with its Dataverse token', async () => {
    expect(settings.DATAVERSE_RESOURCE).toBe(dataverseEnvironmentUrl);
    const token = await client.appToken(apiClientId, { resource: dataverseEnvironmentUrl });
    const response = await fetch(`${settings.DATAVERSE_API_URL}/pb_stores?$select=pb_storenumber&$count=true`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { '@odata.count': number })['@odata.count']).toBe(40);
  });
});
