import { StaticTokenSource } from './auth';
import { createPowerBiClient, PowerBiClient, PowerBiConfigurationError } from './client';
import { PowerBiRequestError } from './errors';
import { chunkRows } from './operations/push';
import { list, startScriptServer, type Recorded, type Scripted, type ScriptServer } from './test-support/script-server';

const g = '11111111-1111-4111-8111-111111111111';
const d = '22222222-2222-4222-8222-222222222222';
const r = '33333333-3333-4333-8333-333333333333';
const base = '/v1.0/myorg';

let server: ScriptServer;
let client: PowerBiClient;
let route: (request: Recorded) => Scripted;

beforeAll(async () => {
  server = await startScriptServer((request) => route(request));
  client = createPowerBiClient({ baseUrl: server.baseUrl, tokenSource: new StaticTokenSource('sp-token', 'app:sp') });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  route = () => ({ status: 200 });
});

const last = () => server.requests[server.requests.length - 1]!;

describe('workspaces, datasets, reports, capacities', () => {
  it('lists groups with OData options and unwraps value', async () => {
    route = () => list([{ id: g, name: 'Sales [Prod]' }]);
    expect(await client.groups.list({ filter: "contains(name,'Sales')", top: 5, skip: 10 })).toEqual([{ id: g, name: 'Sales [Prod]' }]);
    expect(last().url).toMatch(/^\/v1\.0\/myorg\/groups\?\$filter=contains\(name%2C(%27|')Sales(%27|')\)&\$top=5&\$skip=10$/);
    expect(last().query.get('$filter')).toBe("contains(name,'Sales')");
    expect(last().headers.authorization).toBe('Bearer sp-token');
  });

  it('reads datasets in a group and one dataset, camelCasing the swagger PascalCase keys', async () => {
    route = (req) => (req.path.endsWith('/datasets') ? list([{ id: d, isRefreshable: true }]) : { status: 200, body: { id: d, IsRefreshable: true, IsEffectiveIdentityRequired: true, Encryption: { EncryptionStatus: 'Unknown' } } });
    expect(await client.datasets.list(g)).toEqual([{ id: d, isRefreshable: true }]);
    expect(last().path).toBe(`${base}/groups/${g}/datasets`);
    expect(await client.datasets.get(g, d)).toEqual({ id: d, isRefreshable: true, isEffectiveIdentityRequired: true, encryption: { encryptionStatus: 'Unknown' } });
    expect(last().path).toBe(`${base}/groups/${g}/datasets/${d}`);
  });

  it('takes a dataset over with an empty POST', async () => {
    await client.datasets.takeOver(g, d);
    expect(last()).toMatchObject({ method: 'POST', path: `${base}/groups/${g}/datasets/${d}/Default.TakeOver`, body: undefined });
  });

  it('reads reports in a group and one report; lists capacities', async () => {
    route = (req) => (req.path.endsWith('/reports') || req.path.endsWith('/capacities') ? list([{ id: r }]) : { status: 200, body: { id: r, embedUrl: 'https://app.powerbi.com/reportEmbed?reportId=x' } });
    expect(await client.reports.list(g)).toEqual([{ id: r }]);
    expect(last().path).toBe(`${base}/groups/${g}/reports`);
    expect((await client.reports.get(g, r)).embedUrl).toContain('reportEmbed');
    expect(last().path).toBe(`${base}/groups/${g}/reports/${r}`);
    await client.capacities.list();
    expect(last().path).toBe(`${base}/capacities`);
  });
});

describe('refreshes', () => {
  const refreshes = `${base}/groups/${g}/datasets/${d}/refreshes`;

  it('reads the history with $top', async () => {
    route = () => list([{ requestId: 'a', status: 'Failed', serviceExceptionJson: '{"errorCode":"X"}' }]);
    const history = await client.refreshes.history(g, d, { top: 100 });
    expect(history[0]?.status).toBe('Failed');
    expect(last().url).toBe(`${refreshes}?$top=100`);
    await client.refreshes.history(g, d);
    expect(last().url).toBe(refreshes);
  });

  it('triggers a plain refresh with NoNotification and gets no refresh id', async () => {
    route = () => ({ status: 202, headers: { requestid: 'rq-1' } });
    expect(await client.refreshes.trigger(g, d)).toEqual({ refreshId: undefined, location: undefined, requestId: 'rq-1' });
    expect(last()).toMatchObject({ method: 'POST', path: refreshes, body: { notifyOption: 'NoNotification' } });
  });

  it('triggers an enhanced refresh without notifyOption and returns its id and location', async () => {
    const location = `https://api.powerbi.com/v1.0/myorg/groups/${g}/datasets/${d}/refreshes/ref-9`;
    route = () => ({ status: 202, headers: { 'x-ms-request-id': 'ref-9', location } });
    const body = { type: 'Full', commitMode: 'Transactional', maxParallelism: 2, retryCount: 1, objects: [{ table: 'Sales', partition: 'Sales-2025' }], applyRefreshPolicy: false, timeout: '02:00:00' } as const;
    expect(await client.refreshes.trigger(g, d, body)).toEqual({ refreshId: 'ref-9', location, requestId: 'ref-9' });
    expect(last().body).toEqual(body);
  });

  it('takes the refresh id from Location when x-ms-request-id is missing', async () => {
    route = () => ({ status: 202, headers: { location: `https://x/refreshes/from-location` } });
    expect((await client.refreshes.trigger(g, d, { type: 'Calculate' })).refreshId).toBe('from-location');
  });

  it('reads execution details (202 in progress, 200 done) and cancels', async () => {
    route = () => ({ status: 202, body: { status: 'Unknown', extendedStatus: 'NotStarted' } });
    expect(await client.refreshes.details(g, d, 'ref-9')).toEqual({ inProgress: true, detail: { status: 'Unknown', extendedStatus: 'NotStarted' } });
    expect(last().path).toBe(`${refreshes}/ref-9`);
    route = () => ({ status: 200, body: { status: 'Completed', extendedStatus: 'Completed' } });
    expect((await client.refreshes.details(g, d, 'ref-9')).inProgress).toBe(false);
    await client.refreshes.cancel(g, d, 'ref-9');
    expect(last()).toMatchObject({ method: 'DELETE', path: `${refreshes}/ref-9` });
  });

  it('reads and patches the schedule with a {value} body', async () => {
    route = () => ({ status: 200, body: { days: ['Monday'], times: ['07:00'], enabled: true, localTimeZoneId: 'UTC', NotifyOption: 'NoNotification' } });
    expect(await client.refreshes.schedule(g, d)).toEqual({ days: ['Monday'], times: ['07:00'], enabled: true, localTimeZoneId: 'UTC', notifyOption: 'NoNotification' });
    route = () => ({ status: 200 });
    await client.refreshes.updateSchedule(g, d, { days: ['Monday', 'Friday'], times: ['07:30'], localTimeZoneId: 'W. Europe Standard Time' });
    expect(last()).toMatchObject({ method: 'PATCH', path: `${base}/groups/${g}/datasets/${d}/refreshSchedule`, body: { value: { days: ['Monday', 'Friday'], times: ['07:30'], localTimeZoneId: 'W. Europe Standard Time' } } });
  });
});

describe('embedding and queries', () => {
  const token = { token: 'H4sI…', tokenId: '44444444-4444-4444-8444-444444444444', expiration: '2030-01-01T00:00:00Z' };

  it('generates a V2 token with effective identities', async () => {
    route = () => ({ status: 200, body: token });
    const request = { reports: [{ id: r }], datasets: [{ id: d }], targetWorkspaces: [{ id: g }], identities: [{ username: 'ava@contoso.com', roles: ['BU Reader'], datasets: [d] }], lifetimeInMinutes: 30 };
    expect(await client.embedTokens.generate(request)).toEqual(token);
    expect(last()).toMatchObject({ method: 'POST', path: `${base}/GenerateToken`, body: request });
  });

  it('generates a per-report token (View by default)', async () => {
    route = () => ({ status: 200, body: token });
    await client.embedTokens.generateForReport(g, r);
    expect(last()).toMatchObject({ path: `${base}/groups/${g}/reports/${r}/GenerateToken`, body: { accessLevel: 'View' } });
    await client.embedTokens.generateForReport(g, r, { accessLevel: 'View', identities: [{ username: 'ava@contoso.com', roles: ['R'], datasets: [d] }] });
    expect(last().body).toEqual({ accessLevel: 'View', identities: [{ username: 'ava@contoso.com', roles: ['R'], datasets: [d] }] });
  });

  it('executes a DAX query impersonating the user and returns rows', async () => {
    const rows = [{ 'Budget[Amount]': 10 }];
    route = () => ({ status: 200, body: { results: [{ tables: [{ rows }] }] } });
    expect(await client.queries.rows(g, d, 'EVALUATE Budget', { impersonatedUserName: 'ava@contoso.com', includeNulls: true })).toEqual(rows);
    expect(last()).toMatchObject({
      path: `${base}/groups/${g}/datasets/${d}/executeQueries`,
      body: { queries: [{ query: 'EVALUATE Budget' }], serializerSettings: { includeNulls: true }, impersonatedUserName: 'ava@contoso.com' },
    });
    await client.queries.execute(g, d, 'EVALUATE X');
    expect(last().body).toEqual({ queries: [{ query: 'EVALUATE X' }] });
  });

  it('refuses partial query results that carry an error', async () => {
    route = () => ({ status: 200, body: { results: [{ tables: [{ rows: [{ a: 1 }], error: { code: 'QueryResultRowCountLimitExceeded', message: 'too many rows' } }] }] } });
    const error = await client.queries.rows(g, d, 'EVALUATE Big').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PowerBiRequestError);
    expect(error).toMatchObject({ code: 'QueryResultRowCountLimitExceeded', status: 200 });
  });
});

describe('push datasets', () => {
  const table = { name: 'KPI Points', columns: [{ name: 'Kpi', dataType: 'String' }, { name: 'Value', dataType: 'Double' }] };

  it('creates a push dataset with a retention policy', async () => {
    route = () => ({ status: 201, body: { id: d, name: 'KPIs', defaultRetentionPolicy: 'basicFIFO' } });
    expect((await client.push.create(g, { name: 'KPIs', tables: [table] }, { retentionPolicy: 'basicFIFO' })).id).toBe(d);
    expect(last().url).toBe(`${base}/groups/${g}/datasets?defaultRetentionPolicy=basicFIFO`);
    expect(last().body).toEqual({ defaultMode: 'Push', name: 'KPIs', tables: [table] });
  });

  it('lists tables and replaces a table schema (names are path-encoded)', async () => {
    route = (req) => (req.method === 'GET' ? list([table]) : { status: 200, body: table });
    expect(await client.push.tables(g, d)).toEqual([table]);
    expect(await client.push.putTable(g, d, table)).toEqual(table);
    expect(last()).toMatchObject({ method: 'PUT', path: `${base}/groups/${g}/datasets/${d}/tables/KPI%20Points`, body: table });
  });

  it('posts rows in batches of at most 10,000, in order, and deletes rows', async () => {
    const rows = Array.from({ length: 25_001 }, (_, i) => ({ Kpi: 'k', Value: i }));
    expect(await client.push.addRows(g, d, 'KPI Points', rows)).toBe(3);
    const posts = server.requests.filter((req) => req.method === 'POST');
    expect(posts.map((req) => (req.body as { rows: unknown[] }).rows.length)).toEqual([10_000, 10_000, 5_001]);
    expect((posts[2]!.body as { rows: { Value: number }[] }).rows[5000]).toEqual({ Kpi: 'k', Value: 25_000 });
    expect(posts[0]!.path).toBe(`${base}/groups/${g}/datasets/${d}/tables/KPI%20Points/rows`);
    await client.push.deleteRows(g, d, 'KPI Points');
    expect(last()).toMatchObject({ method: 'DELETE', path: `${base}/groups/${g}/datasets/${d}/tables/KPI%20Points/rows` });
  });

  it('says how many rows were sent when a batch fails', async () => {
    route = () => (server.requests.length > 1 ? { status: 400, body: { error: { code: 'InvalidRequest' } } } : { status: 200 });
    const error = await client.push.addRows(g, d, 't', Array.from({ length: 15 }, () => ({})), { batchSize: 10 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(PowerBiRequestError);
    expect((error as Error).message).toMatch(/rowsSent: 10 of 15/);
  });
});

describe('chunkRows', () => {
  it('splits without empty batches and rejects bad sizes', () => {
    expect(chunkRows([])).toEqual([]);
    expect(chunkRows([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(chunkRows(Array.from({ length: 10_000 }, () => 0))).toHaveLength(1);
    expect(() => chunkRows([1], 0)).toThrow(RangeError);
  });
});

describe('construction', () => {
  it('needs credentials, and on-behalf-of needs the service principal', () => {
    expect(() => createPowerBiClient({})).toThrow(PowerBiConfigurationError);
    expect(() => client.onBehalfOf('user-token')).toThrow(PowerBiConfigurationError);
  });

  it('shares the transport with a client for another caller', async () => {
    const user = client.asCaller(new StaticTokenSource('delegated', 'user:ava'));
    expect(user.http).toBe(client.http);
    route = () => list([]);
    await user.groups.list();
    expect(last().headers.authorization).toBe('Bearer delegated');
  });
});
