import {
  catalogSyncResultSchema,
  categoryAuditListSchema,
  errorEnvelopeSchema,
  historyFetchResultSchema,
  operationsModelListSchema,
  operationsWorkspaceListSchema,
  refreshHistorySchema,
  refreshStartedSchema,
  scheduleViewSchema,
} from '@planboard/contracts';
import { seedSampleTenant } from '../../../server/src/sample/seed';
import { startAzurite, type RunningAzurite } from '../../../emulators/stack/src/azurite';
import { freePort } from '../../../emulators/stack/src/ports';
import { apiPowerBiSettings, startPowerBi } from '../../../emulators/stack/src/powerbi';
import type { ManagedProcess } from '../../../emulators/stack/src/processes';
import { startApiHost, type ApiHost } from '../support/api-host';
import { identityConfig, tokenFor } from '../support/env';
import { ResponseValidator, type OpenApiDocument } from '../support/openapi';

/**
 * The Operations API over HTTP against its own Azurite and Power BI emulator (this suite moves the
 * emulator clock by hours, which would disturb suites sharing the run's emulator), on two hosts.
 */
const admin = 'alex.morgan@contoso.onmicrosoft.com';
const leader = 'nora.lindqvist@contoso.onmicrosoft.com';
const halfHours = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
const allDays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

let azurite: RunningAzurite;
let powerBi: ManagedProcess;
let powerBiPort: number;
let hosts: ApiHost[] = [];
let api: ApiHost;
const token: Record<string, string> = {};
let seeded: { workspaces: { id: string; name: string; datasets: { id: string; name: string }[] }[] };

const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`http://127.0.0.1:${powerBiPort}/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json();
};
const requests = async (): Promise<{ path: string; method: string }[]> =>
  ((await control('GET', 'requests')) as { value: { path: string; method: string }[] }).value;
const call = (path: string, options: { method?: string; json?: unknown; as?: string } = {}) =>
  api.call(path, { token: token[options.as ?? admin], method: options.method, json: options.json });

beforeAll(async () => {
  azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
  await seedSampleTenant(azurite.connectionString);
  powerBiPort = await freePort();
  powerBi = await startPowerBi({ port: powerBiPort, identity: identityConfig(), storageConnectionString: azurite.connectionString });
  const settings = {
    AzureWebJobsStorage: azurite.connectionString,
    ...apiPowerBiSettings(powerBiPort, identityConfig()),
    POWERBI_CLOCK_URL: `http://127.0.0.1:${powerBiPort}/_emulator/clock`,
  };
  hosts = await Promise.all([startApiHost(settings), startApiHost(settings)]);
  api = hosts[0]!;
  token[admin] = await tokenFor(admin);
  token[leader] = await tokenFor(leader);
  seeded = (await control('POST', 'seed', {
    workspaces: [
      {
        name: 'Ops Busy (Prod)',
        capacity: 'premium',
        datasets: [
          {
            name: 'Half-hourly Sales',
            refreshDurationMs: 60_000,
            historyDays: 2,
            schedule: { days: allDays, times: halfHours, enabled: true, localTimeZoneId: 'UTC' },
          },
          { name: 'Twin Fetch', refreshDurationMs: 60_000, historyDays: 2, schedule: { days: allDays, times: halfHours, enabled: true } },
        ],
      },
      {
        name: 'Ops Shared (Dev)',
        capacity: 'shared',
        datasets: [
          {
            name: 'Developer Model',
            configuredBy: 'bi.developer@contoso.onmicrosoft.com',
            schedule: { days: ['Monday'], times: ['07:00'], enabled: true },
          },
        ],
      },
    ],
  })) as typeof seeded;
  const synced = await call('/operations/catalog/sync', { method: 'POST' });
  expect(synced.status).toBe(200);
}, 180_000);
afterAll(async () => {
  await Promise.all(hosts.map((host) => host.stop()));
  await powerBi?.stop();
  await azurite?.stop();
}, 30_000);

const busy = () => seeded.workspaces[0]!.datasets[0]!.id;
const twin = () => seeded.workspaces[0]!.datasets[1]!.id;
const developer = () => seeded.workspaces[1]!.datasets[0]!.id;

describe('catalog and categories', () => {
  it('lists the workspaces with guessed categories and the catalog age', async () => {
    const list = operationsWorkspaceListSchema.parse(await (await call('/operations/workspaces')).json());
    expect(list.catalog.syncedAt).not.toBeNull();
    expect(list.catalog.ageSeconds).toBeGreaterThanOrEqual(0);
    const budgetProd = list.workspaces.find((ws) => ws.name === 'Planboard Budget (Prod)');
    expect(budgetProd).toMatchObject({ environment: 'Prod', module: 'Budget', categorySource: 'guessed', dedicated: true, models: 2 });
    expect(list.workspaces.find((ws) => ws.name === 'Ops Shared (Dev)')).toMatchObject({ environment: 'Dev', dedicated: false });
    const models = operationsModelListSchema.parse(await (await call('/operations/models')).json());
    expect(models.catalog.syncedAt).toBe(list.catalog.syncedAt);
    expect(models.models.filter((model) => model.workspaceId === budgetProd?.workspaceId)).toHaveLength(2);
    expect(models.models.length).toBe(list.workspaces.reduce((sum, ws) => sum + ws.models, 0));
    const detail = await (await call(`/operations/workspaces/${seeded.workspaces[0]!.id}`)).json();
    expect(detail.models.map((model: { name: string }) => model.name)).toEqual(['Half-hourly Sales', 'Twin Fetch']);
    expect(detail.reports).toHaveLength(2);
    expect(detail.reports[0].datasetWorkspaceName).toBe('Ops Busy (Prod)');
    // The sample tenant's report bound to a model in another workspace.
    const opsProd = list.workspaces.find((ws) => ws.name === 'Planboard Operations (Prod)');
    const opsReports = (await (await call(`/operations/workspaces/${opsProd?.workspaceId}`)).json()).reports;
    expect(opsReports.find((report: { name: string }) => report.name === 'Budget Refresh Health')).toMatchObject({
      datasetName: 'Budget Planning',
      datasetWorkspaceName: 'Planboard Budget (Prod)',
    });
  });

  it('assigns an environment and module to several workspaces in one audited change; bad input writes nothing', async () => {
    const ids = seeded.workspaces.map((ws) => ws.id);
    const assigned = await call('/operations/categories', {
      method: 'PUT',
      json: { workspaceIds: ids, environment: 'UAT', module: 'Finance' },
    });
    expect(assigned.status).toBe(200);
    expect((await assigned.json()).changed).toBe(2);
    const list = operationsWorkspaceListSchema.parse(await (await call('/operations/workspaces')).json());
    for (const id of ids)
      expect(list.workspaces.find((ws) => ws.workspaceId === id)).toMatchObject({
        environment: 'UAT',
        module: 'Finance',
        categorySource: 'assigned',
      });
    const audit = categoryAuditListSchema.parse(await (await call('/operations/categories/audit')).json());
    expect(audit.entries[0]).toMatchObject({ by: admin, workspaceIds: ids, environment: 'UAT', module: 'Finance' });

    const unknown = await call('/operations/categories', {
      method: 'PUT',
      json: { workspaceIds: [ids[0], '00000000-0000-4000-8000-000000000000'], module: 'Sales' },
    });
    expect(unknown.status).toBe(400);
    expect(errorEnvelopeSchema.parse(await unknown.json()).error.details?.[0]?.path).toBe('workspaceIds.1');
    expect((await call('/operations/categories', { method: 'PUT', json: { workspaceIds: ids } })).status).toBe(400);
    expect((await call('/operations/categories', { method: 'PUT', json: { workspaceIds: ids, module: '<script>' } })).status).toBe(400);
    const after = categoryAuditListSchema.parse(await (await call('/operations/categories/audit')).json());
    expect(after.entries).toHaveLength(audit.entries.length);
  });
});

describe('stored refresh history', () => {
  it('takes 100 on the first fetch, then the newest until they overlap: no gap after 16 new refreshes', async () => {
    await control('DELETE', 'requests');
    const first = historyFetchResultSchema.parse(
      await (await call(`/operations/models/${busy()}/history/fetch`, { method: 'POST' })).json(),
    );
    expect(first.added).toBe(first.read);
    expect(first.read).toBeGreaterThan(40);
    expect((await requests()).filter((r) => r.path.includes(`/datasets/${busy()}/refreshes`)).map((r) => r.path)).toEqual([
      expect.stringContaining('$top=100'),
    ]);
    const again = historyFetchResultSchema.parse(
      await (await call(`/operations/models/${busy()}/history/fetch`, { method: 'POST' })).json(),
    );
    expect(again).toMatchObject({ read: 10, added: 0, gap: false });

    // 8 hours of half-hourly slots: 16 scheduled refreshes, more than one request of 10 reaches.
    await control('POST', 'clock/advance', { hours: 8 });
    await control('DELETE', 'requests');
    const later = historyFetchResultSchema.parse(
      await (await call(`/operations/models/${busy()}/history/fetch`, { method: 'POST' })).json(),
    );
    expect(later).toMatchObject({ added: 16, gap: false });
    const tops = (await requests())
      .filter((r) => r.path.includes(`/datasets/${busy()}/refreshes`))
      .map((r) => /top=(\d+)/.exec(r.path)?.[1]);
    expect(tops).toEqual(['10', '100']);
    const stored = refreshHistorySchema.parse(await (await call(`/operations/models/${busy()}/history?top=1000`)).json()).refreshes;
    expect(stored).toHaveLength(first.added + 16);
    expect(new Set(stored.map((r) => r.requestId)).size).toBe(stored.length);
    // Newest first, and the 16 new scheduled ones are 30 minutes apart (nothing skipped).
    const starts = stored.map((r) => Date.parse(r.startTime));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    const newest = stored
      .slice(0, 16)
      .filter((r) => r.refreshType === 'Scheduled')
      .map((r) => Date.parse(r.startTime));
    expect(newest).toHaveLength(16);
    for (let i = 1; i < newest.length; i += 1) expect(newest[i - 1]! - newest[i]!).toBe(30 * 60_000);
    // A window is one range query.
    const from = stored[5]!.startTime;
    const to = stored[2]!.startTime;
    const window = refreshHistorySchema.parse(await (await call(`/operations/models/${busy()}/history?from=${from}&to=${to}`)).json());
    expect(window.refreshes.map((r) => r.requestId)).toEqual(stored.slice(2, 6).map((r) => r.requestId));
  });

  it('two hosts fetching the same model at once store every refresh once', async () => {
    const fetchOn = (host: ApiHost) => host.call(`/operations/models/${twin()}/history/fetch`, { token: token[admin], method: 'POST' });
    const results = await Promise.all([fetchOn(hosts[0]!), fetchOn(hosts[1]!), fetchOn(hosts[0]!), fetchOn(hosts[1]!)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const bodies = await Promise.all(results.map(async (r) => historyFetchResultSchema.parse(await r.json())));
    const stored = refreshHistorySchema.parse(await (await call(`/operations/models/${twin()}/history?top=1000`)).json()).refreshes;
    expect(stored).toHaveLength(bodies[0]!.read);
    expect(bodies.reduce((sum, body) => sum + body.added, 0)).toBe(stored.length);
    expect(new Set(stored.map((r) => r.requestId)).size).toBe(stored.length);
  });
});

describe('history paging and status filter', () => {
  const history = async (query: string) => {
    const response = await call(`/operations/models/${busy()}/history?${query}`);
    expect(response.status).toBe(200);
    return refreshHistorySchema.parse(await response.json());
  };

  it('pages through the stored history by cursor: every entry once, in order, the last page without next', async () => {
    const all = (await history('top=1000')).refreshes;
    expect(all.length).toBeGreaterThan(50);
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof history>> = await history(`top=25${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.refreshes.length).toBeLessThanOrEqual(25);
      if (page.next) expect(page.refreshes).toHaveLength(25);
      paged.push(...page.refreshes.map((r) => r.requestId));
      cursor = page.next;
      pages += 1;
    } while (cursor && pages < 100);
    expect(paged).toEqual(all.map((r) => r.requestId));
    expect(pages).toBe(Math.ceil(all.length / 25));
  });

  it('filters by status on the server, also across pages', async () => {
    const all = (await history('top=1000')).refreshes;
    const completed = all.filter((r) => r.status === 'Completed').map((r) => r.requestId);
    expect(completed.length).toBeGreaterThan(10);
    const first = await history('status=Completed&top=10');
    expect(first.refreshes.every((r) => r.status === 'Completed')).toBe(true);
    const second = await history(`status=Completed&top=1000&cursor=${first.next}`);
    expect([...first.refreshes, ...second.refreshes].map((r) => r.requestId)).toEqual(completed);
    expect(second.next).toBeNull();
    const failed = await history('status=Failed&top=1000');
    expect(failed.refreshes.map((r) => r.requestId)).toEqual(all.filter((r) => r.status === 'Failed').map((r) => r.requestId));
  });

  it('refuses an unknown status or a forged cursor with 400 in the error envelope', async () => {
    const badStatus = await call(`/operations/models/${busy()}/history?status=Broken`);
    expect(badStatus.status).toBe(400);
    expect(errorEnvelopeSchema.parse(await badStatus.json()).error.details?.[0]?.path).toBe('status');
    const forged = await call(`/operations/models/${busy()}/history?cursor=${Buffer.from('not a key').toString('base64url')}`);
    expect(forged.status).toBe(400);
    expect(errorEnvelopeSchema.parse(await forged.json()).error.details?.[0]?.path).toBe('cursor');
    expect((await call(`/operations/models/${busy()}/history?cursor=a%2Fb`)).status).toBe(400);
  });
});

describe('refresh now', () => {
  it('starts a refresh (202, Unknown), refuses a second one with 409, and the history follows it to Completed', async () => {
    await control('POST', `datasets/${busy()}/next-refresh`, { durationMs: 5000 });
    // The model refreshes on a half-hourly schedule (60 s each): when a slot's refresh is still
    // running, Power BI rightly answers 409. Move the emulator's clock past it and ask again (two
    // slots cannot both fall within the 61 s steps, so this settles by the second step).
    let started = await call(`/operations/models/${busy()}/refresh`, { method: 'POST' });
    for (let step = 0; started.status === 409 && step < 2; step += 1) {
      await control('POST', 'clock/advance', { seconds: 61 });
      await control('POST', `datasets/${busy()}/next-refresh`, { durationMs: 5000 });
      started = await call(`/operations/models/${busy()}/refresh`, { method: 'POST' });
    }
    expect(started.status).toBe(202);
    const body = refreshStartedSchema.parse(await started.json());
    expect(body.status).toBe('Unknown');
    const again = await call(`/operations/models/${busy()}/refresh`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(errorEnvelopeSchema.parse(await again.json()).error.message).toMatch(/already running/);
    const running = historyFetchResultSchema.parse(
      await (await call(`/operations/models/${busy()}/history/fetch`, { method: 'POST' })).json(),
    );
    expect(running.lastRefresh?.status).toBe('Unknown');
    await control('POST', 'clock/advance', { seconds: 10 });
    const done = historyFetchResultSchema.parse(
      await (await call(`/operations/models/${busy()}/history/fetch`, { method: 'POST' })).json(),
    );
    expect(done).toMatchObject({ updated: 1, lastRefresh: { status: 'Completed', durationMs: 5000 } });
    const stored = refreshHistorySchema.parse(await (await call(`/operations/models/${busy()}/history?top=1`)).json()).refreshes;
    expect(stored[0]).toMatchObject({ requestId: body.requestId, status: 'Completed', refreshType: 'ViaApi' });
  });
});

describe('schedule', () => {
  const put = (json: unknown) => call(`/operations/models/${developer()}/schedule`, { method: 'PUT', json });
  const weekdays = { enabled: true, days: ['Monday', 'Wednesday'], times: ['06:00', '18:30'], localTimeZoneId: 'W. Europe Standard Time' };

  it('refuses Power BI-invalid schedules with the reason, before touching Power BI', async () => {
    const reasons = async (json: unknown) => {
      const response = await put(json);
      expect(response.status).toBe(400);
      return errorEnvelopeSchema.parse(await response.json()).error.details?.map((d) => `${d.path}: ${d.message}`) ?? [];
    };
    expect(await reasons({ ...weekdays, times: ['07:15'] })).toEqual(['times.0: times are hh:00 or hh:30 (30-minute steps)']);
    expect(await reasons({ ...weekdays, times: halfHours.slice(0, 9) })).toEqual([
      expect.stringMatching(/^times: at most 8 times a day on shared/),
    ]);
    expect(await reasons({ ...weekdays, days: [] })).toEqual(['days: at least one day must be specified']);
    expect(await reasons({ ...weekdays, localTimeZoneId: 'Mars/Olympus' })).toEqual([expect.stringMatching(/^localTimeZoneId: /)]);
    expect(await reasons({ enabled: false, days: ['Monday'] })).toEqual([
      expect.stringMatching(/disables the schedule must contain no other changes/),
    ]);
  });

  it('takes the model over only when the request confirms it, and says so', async () => {
    const before = scheduleViewSchema.parse(await (await call(`/operations/models/${developer()}/schedule`)).json());
    expect(before).toMatchObject({ ownedByPlanboard: false, owner: 'bi.developer@contoso.onmicrosoft.com', maxTimesPerDay: 8 });
    const refused = await put(weekdays);
    expect(refused.status).toBe(409);
    expect(errorEnvelopeSchema.parse(await refused.json()).error.details?.[0]?.path).toBe('confirmTakeOver');
    const unchanged = scheduleViewSchema.parse(await (await call(`/operations/models/${developer()}/schedule`)).json());
    expect(unchanged.schedule.times).toEqual(before.schedule.times);
    const taken = await put({ ...weekdays, confirmTakeOver: true });
    expect(taken.status).toBe(200);
    expect(scheduleViewSchema.parse(await taken.json())).toMatchObject({
      tookOver: true,
      ownedByPlanboard: true,
      schedule: { days: ['Monday', 'Wednesday'], times: ['06:00', '18:30'], enabled: true, localTimeZoneId: 'W. Europe Standard Time' },
    });
    const disabled = await put({ enabled: false });
    expect(disabled.status).toBe(200);
    expect(scheduleViewSchema.parse(await disabled.json())).toMatchObject({ tookOver: false, schedule: { enabled: false } });
  });
});

describe('access', () => {
  it('a non-admin gets 403 or 404 on every Operations route', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/operations/workspaces'],
      ['GET', `/operations/workspaces/${seeded.workspaces[0]!.id}`],
      ['POST', '/operations/catalog/sync'],
      ['PUT', '/operations/categories', { workspaceIds: [seeded.workspaces[0]!.id], module: 'Sales' }],
      ['GET', '/operations/categories/audit'],
      ['GET', '/operations/models'],
      ['GET', `/operations/models/${busy()}`],
      ['GET', `/operations/models/${busy()}/history`],
      ['POST', `/operations/models/${busy()}/history/fetch`],
      ['POST', `/operations/models/${busy()}/refresh`],
      ['GET', `/operations/models/${busy()}/schedule`],
      ['PUT', `/operations/models/${busy()}/schedule`, { enabled: false }],
    ];
    const statuses = await Promise.all(
      routes.map(([method, path, json]) => call(path, { method, json, as: leader }).then((r) => r.status)),
    );
    for (const status of statuses) expect([403, 404]).toContain(status);
    expect((await api.call('/operations/workspaces')).status).toBe(401);
  });
});

it('the catalog sync answers with what it read', async () => {
  const result = catalogSyncResultSchema.parse(await (await call('/operations/catalog/sync', { method: 'POST' })).json());
  expect(result).toMatchObject({ workspaces: 14, failedWorkspaces: [] });
  expect(result.models).toBeGreaterThanOrEqual(27);
  // Every workspace's reports are counted (the parallel reads once lost counts).
  const list = operationsWorkspaceListSchema.parse(await (await call('/operations/workspaces')).json());
  const details = await Promise.all(list.workspaces.map(async (ws) => (await call(`/operations/workspaces/${ws.workspaceId}`)).json()));
  expect(result.reports).toBe(details.reduce((sum, detail: { reports: unknown[] }) => sum + detail.reports.length, 0));
  expect(result.reports).toBeGreaterThanOrEqual(26);
});

it('answers as the OpenAPI document describes (successes and errors)', async () => {
  const validator = new ResponseValidator((await (await api.call('/openapi.json')).json()) as OpenApiDocument);
  const checks: [string, string, string?][] = [
    ['/operations/workspaces', '/api/operations/workspaces'],
    [`/operations/workspaces/${seeded.workspaces[0]!.id}`, '/api/operations/workspaces/{workspaceId}'],
    ['/operations/categories/audit', '/api/operations/categories/audit'],
    [`/operations/models/${busy()}`, '/api/operations/models/{datasetId}'],
    ['/operations/models', '/api/operations/models'],
    [`/operations/models/${busy()}/history?top=5`, '/api/operations/models/{datasetId}/history'],
    [`/operations/models/${busy()}/history?status=Completed&top=2`, '/api/operations/models/{datasetId}/history'],
    [`/operations/models/${busy()}/history?status=Nope`, '/api/operations/models/{datasetId}/history'],
    [`/operations/models/${developer()}/schedule`, '/api/operations/models/{datasetId}/schedule'],
    ['/operations/models/00000000-0000-4000-8000-000000000000', '/api/operations/models/{datasetId}'],
    ['/operations/workspaces', '/api/operations/workspaces', leader],
  ];
  const problems: string[] = [];
  for (const [url, path, as] of checks) {
    const response = await call(url, { as });
    problems.push(...validator.problems('GET', path, response.status, await response.json()));
  }
  const fetched = await call(`/operations/models/${busy()}/history/fetch`, { method: 'POST' });
  problems.push(...validator.problems('POST', '/api/operations/models/{datasetId}/history/fetch', fetched.status, await fetched.json()));
  expect(problems).toEqual([]);
});
