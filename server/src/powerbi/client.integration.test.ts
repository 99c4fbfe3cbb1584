/**
 * The client against the real emulators over HTTP: the local identity provider (spawned, HTTPS
 * with its own CA) issues the tokens through msal, and the Power BI emulator (in-process, with
 * response validation against the swagger subset) answers.
 */
import { caFetch, spawnIdentityProvider, type EmulatorConfig, type SpawnedIdentityProvider } from '../../../emulators/identity/src/testing';
import { sampleIds, datasetIdOf } from '../../../emulators/powerbi/src/seed/sample-ids';
import { startTestEmulator, type TestEmulator } from '../../../emulators/powerbi/src/testing/harness';
import { fetchNetworkModule, type FetchLike } from './auth';
import { createPowerBiClient, type PowerBiClient } from './client';
import { parseServiceException, PowerBiAuthError, PowerBiRequestError } from './errors';
import { checkThrottling, recordingFetch } from './test-support/throttle-violations';

const budget = sampleIds.budget;
const archiveId = datasetIdOf('budget-archive', 'Prod');
const manager = 'morgan.lee@contoso.onmicrosoft.com';
const admin = 'alex.morgan@contoso.onmicrosoft.com';

let idp: SpawnedIdentityProvider;
let config: EmulatorConfig;
let pbi: TestEmulator;
let client: PowerBiClient;
let tokenRequests = 0;

/** msal's HTTP through a fetch that trusts the provider's CA, counting token requests. */
function msalNetwork() {
  const fetchCa = caFetch(idp.ca);
  const counting: FetchLike = (url, init) => {
    if (new URL(url).pathname.endsWith('/oauth2/v2.0/token')) tokenRequests += 1;
    return fetchCa(url, init);
  };
  return fetchNetworkModule(counting);
}

function clientFor(clientId: string, maxConcurrency = 16, fetchImpl: typeof fetch = fetch): PowerBiClient {
  const secret = config.clients.find((item) => item.clientId === clientId)?.clientSecret ?? '';
  return createPowerBiClient({
    baseUrl: `${pbi.emulator.url}/v1.0/myorg`,
    maxConcurrency,
    fetch: fetchImpl,
    servicePrincipal: { clientId, clientSecret: secret, authority: idp.urls.authority, networkClient: msalNetwork() },
  });
}

beforeAll(async () => {
  idp = await spawnIdentityProvider();
  config = await idp.client.config();
  pbi = await startTestEmulator({ auth: { jwksUri: idp.urls.jwksUri, issuers: [idp.urls.issuers.v1, idp.urls.issuers.v2], ca: idp.ca } });
  client = clientFor(config.powerBi.clientId ?? sampleIds.servicePrincipalAppId);
}, 60_000);

afterAll(async () => {
  await pbi?.stop(); // throws if any response broke the contract
  await idp?.stop();
});

describe('service principal through msal', () => {
  it('reads workspaces, datasets, reports and capacities, asking the provider for one token', async () => {
    tokenRequests = 0;
    const groups = await client.groups.list();
    expect(groups.map((group) => group.id)).toContain(budget.workspaceId);
    const datasets = await client.datasets.list(budget.workspaceId);
    expect(datasets.map((dataset) => dataset.id)).toEqual(expect.arrayContaining([budget.datasetId, archiveId]));
    const dataset = await client.datasets.get(budget.workspaceId, budget.datasetId);
    expect(dataset).toMatchObject({ id: budget.datasetId, isRefreshable: true, isEffectiveIdentityRequired: true });
    const report = await client.reports.get(budget.workspaceId, budget.reportId);
    expect(report.embedUrl).toContain(`reportId=${budget.reportId}`);
    expect((await client.reports.list(budget.workspaceId)).length).toBeGreaterThan(0);
    expect((await client.capacities.list()).length).toBeGreaterThan(0);
    expect(tokenRequests).toBe(1);
  });

  it('types a missing dataset with the request id the emulator logged', async () => {
    const error = await client.datasets.get(budget.workspaceId, '00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PowerBiRequestError);
    const logged = pbi.emulator.requestLog.list().at(-1);
    expect(error).toMatchObject({ status: 404, code: 'PowerBIEntityNotFound', requestId: logged?.requestId });
  });
});

describe('refreshes and schedules', () => {
  it('runs an enhanced refresh: trigger, details while running, cancel', async () => {
    const started = await client.refreshes.trigger(budget.workspaceId, budget.datasetId, { type: 'Full', commitMode: 'Transactional' });
    expect(started.refreshId).toBeTruthy();
    const running = await client.refreshes.details(budget.workspaceId, budget.datasetId, started.refreshId!);
    expect(running.inProgress).toBe(true);
    await client.refreshes.cancel(budget.workspaceId, budget.datasetId, started.refreshId!);
    const done = await client.refreshes.details(budget.workspaceId, budget.datasetId, started.refreshId!);
    expect(done).toMatchObject({ inProgress: false, detail: { extendedStatus: 'Cancelled' } });
  });

  it('refuses a second refresh while one runs, and records an injected failure in the history', async () => {
    await pbi.control('POST', `datasets/${archiveId}/next-refresh`, { fail: { errorCode: 'ModelRefreshFailed_CredentialsNotSpecified' } });
    const triggered = await client.refreshes.trigger(budget.workspaceId, archiveId);
    expect(triggered).toEqual({ refreshId: undefined, location: undefined, requestId: expect.any(String) });
    const second = await client.refreshes.trigger(budget.workspaceId, archiveId).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(PowerBiRequestError);
    expect(second).toMatchObject({ status: 400, code: 'InvalidRequest' });
    await pbi.control('POST', 'clock/advance', { hours: 3 });
    // Find our refresh by its request id: scheduled refreshes may run after it while the clock moves.
    const history = await client.refreshes.history(budget.workspaceId, archiveId, { top: 20 });
    const ours = history.find((entry) => entry.requestId === triggered.requestId);
    expect(ours?.status).toBe('Failed');
    expect(parseServiceException(ours?.serviceExceptionJson)?.errorCode).toBe('ModelRefreshFailed_CredentialsNotSpecified');
  });

  it('changes a schedule only after taking the dataset over', async () => {
    await pbi.control('PATCH', `datasets/${archiveId}`, { configuredBy: admin });
    const change = { days: ['Monday' as const, 'Thursday' as const], times: ['05:30'], enabled: true, localTimeZoneId: 'UTC' };
    const refused = await client.refreshes.updateSchedule(budget.workspaceId, archiveId, change).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PowerBiRequestError);
    await client.datasets.takeOver(budget.workspaceId, archiveId);
    await client.refreshes.updateSchedule(budget.workspaceId, archiveId, change);
    expect(await client.refreshes.schedule(budget.workspaceId, archiveId)).toMatchObject(change);
  });
});

describe('embedding and queries', () => {
  it('generates V2 and per-report tokens with an effective identity, and refuses none for an RLS model', async () => {
    const identity = { username: manager, roles: [sampleIds.roles.businessUnit], datasets: [budget.datasetId] };
    const v2 = await client.embedTokens.generate({
      reports: [{ id: budget.reportId }],
      datasets: [{ id: budget.datasetId }],
      identities: [identity],
    });
    expect(v2).toMatchObject({ token: expect.any(String), tokenId: expect.any(String), expiration: expect.any(String) });
    const v1 = await client.embedTokens.generateForReport(budget.workspaceId, budget.reportId, {
      accessLevel: 'View',
      identities: [identity],
    });
    expect(v1.token).not.toBe(v2.token);
    await expect(client.embedTokens.generate({ reports: [{ id: budget.reportId }] })).rejects.toBeInstanceOf(PowerBiRequestError);
  });

  it('queries as the user on-behalf-of, so RLS applies; an admin may impersonate; the SP may not', async () => {
    const api = clientFor(config.api.clientId);
    const dax = "EVALUATE VALUES('Budget'[BusinessUnit])";
    const asManager = api.onBehalfOf(await idp.client.userToken(manager));
    const managerUnits = (await asManager.queries.rows(budget.workspaceId, budget.datasetId, dax)).map((row) => Object.values(row)[0]);
    const asAdmin = api.onBehalfOf(await idp.client.userToken(admin));
    const allUnits = await asAdmin.queries.rows(budget.workspaceId, budget.datasetId, dax);
    const impersonated = await asAdmin.queries.rows(budget.workspaceId, budget.datasetId, dax, { impersonatedUserName: manager });
    expect(managerUnits.length).toBeGreaterThan(0);
    expect(allUnits.length).toBeGreaterThan(managerUnits.length);
    expect(impersonated.map((row) => Object.values(row)[0]).sort()).toEqual([...managerUnits].sort());
    const refused = await client.queries
      .rows(budget.workspaceId, budget.datasetId, dax, { impersonatedUserName: manager })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PowerBiAuthError);
    expect((await client.queries.rows(budget.workspaceId, archiveId, "EVALUATE TOPN(2, 'Archive')")).length).toBe(2);
  });
});

describe('push datasets', () => {
  it('creates a dataset, replaces a table and posts 25,001 rows in three calls', async () => {
    const table = {
      name: 'Points',
      columns: [
        { name: 'Kpi', dataType: 'String' },
        { name: 'Value', dataType: 'Double' },
      ],
    };
    const created = await client.push.create(
      sampleIds.kpi.workspaceId,
      { name: 'Client test push', tables: [table] },
      { retentionPolicy: 'None' },
    );
    const wider = { ...table, columns: [...table.columns, { name: 'Note', dataType: 'String' }] };
    await client.push.putTable(sampleIds.kpi.workspaceId, created.id, wider);
    expect((await client.push.tables(sampleIds.kpi.workspaceId, created.id))[0]?.columns).toHaveLength(3);
    const since = pbi.emulator.requestLog.list().at(-1)?.seq ?? 0;
    const rows = Array.from({ length: 25_001 }, (_, i) => ({ Kpi: `k${i % 7}`, Value: i }));
    expect(await client.push.addRows(sampleIds.kpi.workspaceId, created.id, 'Points', rows)).toBe(3);
    const posts = pbi.emulator.requestLog.list({ sinceSeq: since }).filter((entry) => entry.operationId === 'Datasets_PostRowsInGroup');
    expect(posts.map((entry) => entry.status)).toEqual([200, 200, 200]);
    const [count] = await client.queries.rows(sampleIds.kpi.workspaceId, created.id, 'EVALUATE ROW("n", COUNTROWS(\'Points\'))');
    expect(Object.values(count ?? {})).toEqual([25_001]);
    await client.push.deleteRows(sampleIds.kpi.workspaceId, created.id, 'Points');
  });
});

describe('throttling', () => {
  afterAll(() => pbi.control('DELETE', 'throttle'));

  it('completes a burst against a small budget and sends nothing to the throttled caller before Retry-After', async () => {
    const appId = config.powerBi.clientId ?? sampleIds.servicePrincipalAppId;
    const recorder = recordingFetch();
    const throttled = clientFor(appId, 8, recorder.fetch);
    await throttled.groups.list(); // token first, so the burst measures Power BI only
    await pbi.control('PUT', 'throttle', { caller: appId, limit: 10, windowSeconds: 1 });
    const since = pbi.emulator.requestLog.list().at(-1)?.seq ?? 0;
    const histories = await Promise.all(
      Array.from({ length: 30 }, () => throttled.refreshes.history(budget.workspaceId, budget.datasetId, { top: 5 })),
    );
    expect(histories.every((history) => history.length === 5)).toBe(true);
    const log = pbi.emulator.requestLog.list({ sinceSeq: since, caller: appId });
    const report = checkThrottling(log, recorder.sent);
    expect(report.refusals).toBeGreaterThan(0);
    expect(report.violations).toEqual([]);
  }, 30_000);
});
