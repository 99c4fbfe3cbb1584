import ExcelJS from 'exceljs';
import {
  capacityIngestResultSchema,
  errorEnvelopeSchema,
  historyFetchResultSchema,
  performanceReportSchema,
  type PerformanceReport,
} from '@planboard/contracts';
import { seedSampleTenant } from '../../../server/src/sample/seed';
import { startAzurite, type RunningAzurite } from '../../../emulators/stack/src/azurite';
import { freePort } from '../../../emulators/stack/src/ports';
import { apiPowerBiSettings, startPowerBi } from '../../../emulators/stack/src/powerbi';
import type { ManagedProcess } from '../../../emulators/stack/src/processes';
import { startApiHost, type ApiHost } from '../support/api-host';
import { identityConfig, tokenFor } from '../support/env';

/**
 * The performance analyser over HTTP against its own Azurite and Power BI emulator (it moves the
 * emulator clock): three models refresh on the same half-hourly schedule, then one becomes five
 * times slower; only that one is an outlier.
 */
const admin = 'alex.morgan@contoso.onmicrosoft.com';
const leader = 'nora.lindqvist@contoso.onmicrosoft.com';
const halfHours = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
const allDays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const labNames = ['Lab Before', 'Lab Slow', 'Lab After'];

let azurite: RunningAzurite;
let powerBi: ManagedProcess;
let powerBiPort: number;
let api: ApiHost;
const token: Record<string, string> = {};
let lab: { id: string; datasets: { id: string; name: string }[] };

const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`http://127.0.0.1:${powerBiPort}/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json();
};
const call = (path: string, as = admin) => api.call(path, { token: token[as] });
const fetchHistories = async () => {
  for (const dataset of lab.datasets) {
    const response = await api.call(`/operations/models/${dataset.id}/history/fetch`, { token: token[admin], method: 'POST' });
    expect(response.status).toBe(200);
    historyFetchResultSchema.parse(await response.json());
  }
};
const report = async (query: string): Promise<PerformanceReport> => {
  const response = await call(`/operations/performance?${query}`);
  expect(response.status).toBe(200);
  return performanceReportSchema.parse(await response.json());
};
const slow = () => lab.datasets.find((dataset) => dataset.name === 'Lab Slow')!;

beforeAll(async () => {
  azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
  await seedSampleTenant(azurite.connectionString);
  powerBiPort = await freePort();
  powerBi = await startPowerBi({ port: powerBiPort, identity: identityConfig(), storageConnectionString: azurite.connectionString });
  api = await startApiHost({
    AzureWebJobsStorage: azurite.connectionString,
    ...apiPowerBiSettings(powerBiPort, identityConfig()),
    POWERBI_CLOCK_URL: `http://127.0.0.1:${powerBiPort}/_emulator/clock`,
  });
  token[admin] = await tokenFor(admin);
  token[leader] = await tokenFor(leader);
  // Start just after a half-hour slot (the emulator's clock follows the wall clock): the steps below
  // then always cross the same slots, whatever the time the suite runs at.
  const { now } = (await control('GET', 'clock')) as { now: string };
  const halfHour = 30 * 60_000;
  await control('POST', 'clock/advance', { seconds: Math.ceil((halfHour - (Date.parse(now) % halfHour) + 2 * 60_000) / 1000) });
  const seeded = (await control('POST', 'seed', {
    workspaces: [
      {
        name: 'Analyser Lab (Test)',
        capacity: 'premium',
        datasets: labNames.map((name) => ({
          name,
          refreshDurationMs: 60_000,
          schedule: { days: allDays, times: halfHours, enabled: true, localTimeZoneId: 'UTC' },
        })),
      },
    ],
  })) as { workspaces: (typeof lab)[] };
  lab = seeded.workspaces[0]!;
  expect((await api.call('/operations/catalog/sync', { token: token[admin], method: 'POST' })).status).toBe(200);
  // Twelve half-hourly slots at the usual minute, then one where "Lab Slow" takes five times as long.
  await control('POST', 'clock/advance', { hours: 6 });
  await control('PATCH', `datasets/${slow().id}`, { refreshDurationMs: 300_000 });
  await control('POST', 'clock/advance', { minutes: 40 });
  await fetchHistories();
}, 240_000);
afterAll(async () => {
  await api?.stop();
  await powerBi?.stop();
  await azurite?.stop();
}, 30_000);

describe('performance analyser', () => {
  it('shows the model made five times slower as an outlier, and not its neighbours', async () => {
    const view = await report(`window=24h&workspace=${lab.id}`);
    expect(view.outlierRule).toMatch(/median \+ 3 × scaled MAD/);
    expect(view.outliers.map((outlier) => outlier.modelName)).toEqual(['Lab Slow']);
    expect(view.outliers[0]).toMatchObject({
      durationMs: 300_000,
      medianMs: 60_000,
      workspaceName: 'Analyser Lab (Test)',
      environment: 'Test',
    });
    expect(view.outliers[0]!.ratio).toBeCloseTo(5);
    // The slowest list leads with it, beside its typical duration.
    expect(view.slowest[0]).toMatchObject({ modelName: 'Lab Slow', durationMs: 300_000, typicalMs: 60_000 });
  });

  it('counts every refresh once, however often the history is stored', async () => {
    const before = await report(`window=7d&workspace=${lab.id}`);
    await fetchHistories();
    const after = await report(`window=7d&workspace=${lab.id}`);
    expect(after.failed.byModel).toEqual(before.failed.byModel);
    // Twelve slots plus the slow one, per model; none failed.
    expect(after.failed.byModel.map((rate) => [rate.label, rate.refreshes, rate.failed]).sort()).toEqual(
      labNames.map((name) => [`${name} (Analyser Lab (Test))`, 13, 0]).sort(),
    );
    const total = after.counts.reduce((sum, point) => sum + point.completed, 0);
    expect(total).toBe(39);
    expect(after.bucket).toBe('day');
    // Scheduled refreshes start on their slot in the emulator: no delay on the lab's capacity.
    expect(after.startDelay).toEqual([expect.objectContaining({ scheduled: 39, p50Ms: 0, p95Ms: 0 })]);
  });

  it('charts hourly counts per environment for 24 hours and filters by environment', async () => {
    const view = await report(`window=24h&workspace=${lab.id}`);
    expect(view.bucket).toBe('hour');
    expect(new Set(view.counts.map((point) => point.environment))).toEqual(new Set(['Test']));
    expect(view.counts.length).toBeGreaterThanOrEqual(24);
    expect(view.counts.reduce((sum, point) => sum + point.completed, 0)).toBe(39);
    const prod = await report('window=all&environment=Prod');
    expect(prod.slowest.every((refresh) => refresh.environment === 'Prod')).toBe(true);
    expect(prod.filters.environments).toEqual(expect.arrayContaining(['Dev', 'Prod', 'Test']));
  });

  it('ingests capacity utilisation from the Fabric Capacity Metrics model and draws it beside the counts', async () => {
    const ingested = await api.call('/operations/capacity/ingest', { token: token[admin], method: 'POST' });
    expect(ingested.status).toBe(200);
    const body = capacityIngestResultSchema.parse(await ingested.json());
    // The Prod copy holds the utilisation table; Dev and Test copies are skipped with the reason.
    expect(body.models).toBe(1);
    expect(body.readings).toBeGreaterThan(24 * 30);
    const again = capacityIngestResultSchema.parse(
      await (await api.call('/operations/capacity/ingest', { token: token[admin], method: 'POST' })).json(),
    );
    expect(again.readings).toBe(body.readings);
    const view = await report('window=24h&environment=Prod');
    const names = new Set(view.capacity.map((point) => point.capacityName));
    expect(names).toEqual(new Set(['Planboard Premium P1']));
    // Hourly readings up to the seed time; this suite's clock has since moved on by almost seven hours.
    expect(view.capacity.length).toBeGreaterThan(12);
    expect(view.capacity.every((point) => point.utilisation >= 0 && point.utilisation <= 100)).toBe(true);
    expect((await call('/operations/capacity/ingest', leader)).status).toBeGreaterThanOrEqual(400);
  });

  it('exports the view as a workbook with the outlier on its sheet', async () => {
    const response = await call(`/operations/performance.xlsx?window=24h&workspace=${lab.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const outliers = workbook.getWorksheet('Outliers');
    expect(outliers?.getRow(2).getCell(1).value).toBe('Lab Slow');
    expect(outliers?.getRow(2).getCell(5).value).toBe(5);
  });

  it('refuses bad input with the error envelope and non-admins', async () => {
    const bad = await call('/operations/performance?window=30d');
    expect(bad.status).toBe(400);
    expect(errorEnvelopeSchema.parse(await bad.json()).error.details?.[0]?.path).toBe('window');
    expect((await call('/operations/performance?workspace=nope')).status).toBe(400);
    expect((await call('/operations/performance?colour=red')).status).toBe(400);
    expect([403, 404]).toContain((await call('/operations/performance', leader)).status);
    expect([403, 404]).toContain((await call('/operations/performance.xlsx', leader)).status);
  });
});
