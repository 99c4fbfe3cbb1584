import { errorEnvelopeSchema, storeRunListSchema, storeRunReportSchema, storeSourceListSchema, type StoreRun } from '@planboard/contracts';
import ExcelJS from 'exceljs';
import {
  admin,
  folderPath,
  graphControl,
  leader,
  rowsOfSource,
  runNow,
  salesWorkbook,
  startPipelineWorld,
  untilFinished,
  xlsxType,
  type PipelineWorld,
} from './support/stores-pipeline';

/**
 * The store-data pipeline over HTTP against its own Azurite and the seeded Graph (12 weekly
 * workbooks, one with six bad rows) and Dataverse (40 stores) emulators: a first run loads every
 * file, a second reads only the delta and writes nothing, a changed file replaces its rows and a
 * deleted one's rows go, a 429 mid-run is waited out.
 */
let world: PipelineWorld;
let first: StoreRun;

const api = () => world.hosts[0]!;
const asAdmin = () => world.token[admin]!;
const requests = async () => ((await graphControl(world, 'GET', 'requests')).value as { url: string; status: number }[]) ?? [];

beforeAll(async () => {
  world = await startPipelineWorld(1);
}, 180_000);
afterAll(() => world?.stop(), 30_000);

it('refuses non-admins and callers without a token on every pipeline route', async () => {
  for (const [method, path] of [
    ['POST', '/stores/runs'],
    ['GET', '/stores/runs'],
    ['GET', '/stores/sources'],
    ['POST', '/stores/uploads?fileName=week.csv'],
  ] as const) {
    const refused = await api().call(path, { method, token: world.token[leader] });
    expect(refused.status).toBe(403);
    errorEnvelopeSchema.parse(await refused.json());
    expect((await api().call(path, { method })).status).toBe(401);
  }
});

it('first run: syncs the store master, loads every workbook and reports the bad rows with reasons', async () => {
  await graphControl(world, 'DELETE', 'requests');
  first = await untilFinished(api(), asAdmin(), await runNow(api(), asAdmin()));
  // The sample seed already wrote the store master as Dataverse holds it: reading all 40 changes nothing.
  expect(first).toMatchObject({ state: 'succeeded', trigger: 'manual', requestedBy: admin, storesSynced: 0 });
  expect(first.files).toHaveLength(12);
  expect(first.files.every((file) => file.action === 'loaded')).toBe(true);
  // 30 stores × 7 days × 4 day parts per week, and six bad rows in one of the weeks.
  expect(first.totals).toMatchObject({ files: 12, rowsRead: 12 * 840 + 6, rowsLoaded: 12 * 840, rowsRejected: 6, rowsRemoved: 0 });
  expect(first.refresh.state).toBe('completed');
  const bad = first.files.find((file) => file.rowsRejected > 0);
  expect(bad).toMatchObject({ rowsRead: 846, rowsLoaded: 840, rowsRejected: 6 });

  const report = storeRunReportSchema.parse(await (await api().call(`/stores/runs/${first.runId}`, { token: asAdmin() })).json());
  const reasons = report.rejected.map((row) => row.reasons.join(' '));
  expect(reasons).toEqual([
    expect.stringMatching(/Store 999999 is not in the store master/),
    expect.stringMatching(/Date "2026-02-30" is not a date/),
    expect.stringMatching(/Net sales is negative/),
    expect.stringMatching(/Transactions "n\/a" is not a number/),
    expect.stringMatching(/Duplicate of row \d+/),
    expect.stringMatching(/Day part "brunch"/),
  ]);
  expect(report.rejected.every((row) => row.file === bad?.name && row.rowNumber > 841)).toBe(true);

  // The rejected rows download as a workbook with the same rows.
  const download = await api().call(`/stores/runs/${first.runId}/rejected.xlsx`, { token: asAdmin() });
  expect(download.status).toBe(200);
  expect(download.headers.get('content-type')).toBe(xlsxType);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await download.arrayBuffer()) as unknown as ArrayBuffer);
  expect(workbook.worksheets[0]?.rowCount).toBe(7);

  // Content came through the 302 download, once per file.
  const log = await requests();
  expect(log.filter((entry) => /\/content$/.test(entry.url) && entry.status === 302)).toHaveLength(12);

  const sources = storeSourceListSchema.parse(await (await api().call('/stores/sources', { token: asAdmin() })).json());
  expect(sources.sources).toEqual([
    expect.objectContaining({ kind: 'onedrive', state: 'ok', items: 12 }),
    expect.objectContaining({ kind: 'dataverse', state: 'ok', items: 40 }),
  ]);
}, 180_000);

it('second run with no change reads only the delta and writes nothing', async () => {
  await graphControl(world, 'DELETE', 'requests');
  const second = await untilFinished(api(), asAdmin(), await runNow(api(), asAdmin()));
  expect(second).toMatchObject({ state: 'succeeded', files: [], refresh: { state: 'notNeeded' } });
  expect(second.totals).toMatchObject({ rowsRead: 0, rowsLoaded: 0, rowsRemoved: 0 });
  const log = await requests();
  expect(log.length).toBeGreaterThan(0);
  expect(log.every((entry) => /\/root\/delta/.test(entry.url))).toBe(true);

  const history = storeRunListSchema.parse(await (await api().call('/stores/runs', { token: asAdmin() })).json());
  expect(history.runs.map((run) => run.runId).slice(0, 2)).toEqual([second.runId, first.runId]);
});

it('a changed file replaces its rows (saying how many) and a deleted file’s rows are removed', async () => {
  const [changedFile, deletedFile] = first.files.filter((file) => file.rowsRejected === 0).map((file) => file.name);
  const before = await rowsOfSource(world, changedFile!);
  expect(before).toHaveLength(840);
  // 100 of its rows stay, 10 of them with new figures; the other 740 are gone from the file.
  const kept = before.slice(0, 100).map((row, index) => (index < 10 ? { ...row, netSales: row.netSales + 1 } : row));
  await graphControl(world, 'PUT', folderPath(world, changedFile!), await salesWorkbook(kept), xlsxType);
  await graphControl(world, 'DELETE', folderPath(world, deletedFile!));

  const run = await untilFinished(api(), asAdmin(), await runNow(api(), asAdmin()));
  expect(run.state).toBe('succeeded');
  expect(run.files).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        name: changedFile,
        action: 'replaced',
        rowsRead: 100,
        rowsLoaded: 10,
        rowsUnchanged: 90,
        rowsRemoved: 740,
      }),
      expect.objectContaining({ name: deletedFile, action: 'removed', rowsRemoved: 840 }),
    ]),
  );
  expect(run.files).toHaveLength(2);
  expect(run.refresh).toMatchObject({ state: 'completed' });
  const after = await rowsOfSource(world, changedFile!);
  expect(after).toHaveLength(100);
  expect(
    after.filter((row) =>
      kept.some(
        (k) => k.storeNumber === row.storeNumber && k.date === row.date && k.dayPart === row.dayPart && k.netSales === row.netSales,
      ),
    ),
  ).toHaveLength(100);
  expect(await rowsOfSource(world, deletedFile!)).toHaveLength(0);
});

it('a Graph 429 in the middle of a run is waited out (Retry-After) and the run completes', async () => {
  const rows = (await rowsOfSource(world, first.files[5]!.name)).slice(0, 40).map((row) => ({ ...row, date: '2030-01-07' }));
  const name = 'store-sales-extra-throttled.xlsx';
  await graphControl(
    world,
    'PUT',
    folderPath(world, name),
    await salesWorkbook(
      rows.filter(
        (row, index, all) => all.findIndex((other) => other.storeNumber === row.storeNumber && other.dayPart === row.dayPart) === index,
      ),
    ),
    xlsxType,
  );
  await graphControl(world, 'DELETE', 'requests');
  // The delta page is served, then Graph throttles: the content download meets the 429.
  await graphControl(world, 'POST', 'throttle', { retryAfterSeconds: 2, afterRequests: 1 });
  const run = await untilFinished(api(), asAdmin(), await runNow(api(), asAdmin()));
  expect(run.state).toBe('succeeded');
  expect(run.files).toEqual([expect.objectContaining({ name, action: 'loaded', rowsRejected: 0 })]);
  expect(run.files[0]!.rowsLoaded).toBeGreaterThan(0);
  const log = await requests();
  const throttled = log.findIndex((entry) => entry.status === 429);
  expect(throttled).toBeGreaterThanOrEqual(0);
  // After the 429 the same client came back and got the file.
  expect(log.slice(throttled + 1).some((entry) => /\/content$/.test(entry.url) && entry.status === 302)).toBe(true);
});
