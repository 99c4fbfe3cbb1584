import { storeUploadPreviewSchema, type StoreRun } from '@planboard/contracts';
import {
  admin,
  graphControl,
  rowsOfSource,
  runNow,
  startPipelineWorld,
  untilFinished,
  type PipelineWorld,
} from './support/stores-pipeline';

/**
 * Two API hosts against one Azurite and one queue, each told to run at the same moment (as two
 * instances' timers would): every workbook is loaded by exactly one run, and the storage holds
 * each file's rows once. Then an upload: previewed without loading, loaded once.
 */
let world: PipelineWorld;
let loadedNames: string[] = [];

beforeAll(async () => {
  world = await startPipelineWorld(2);
}, 180_000);
afterAll(() => world?.stop(), 30_000);

it('two hosts running at once load each file once', async () => {
  const token = world.token[admin]!;
  await graphControl(world, 'DELETE', 'requests');
  const ids = await Promise.all(world.hosts.map((host) => runNow(host, token)));
  const runs: StoreRun[] = await Promise.all(ids.map((id, index) => untilFinished(world.hosts[index]!, token, id)));
  const loaded = runs.flatMap((run) => run.files.filter((file) => file.action === 'loaded').map((file) => file.name));
  expect(loaded).toHaveLength(12);
  expect(new Set(loaded).size).toBe(12);
  // One run did the work; the other found the lease taken (skipped) or nothing new (a delta with no files).
  expect(runs.map((run) => run.state).sort()).toEqual(expect.arrayContaining(['succeeded']));
  expect(runs.reduce((sum, run) => sum + run.totals.rowsLoaded, 0)).toBe(12 * 840);
  // Each file's content was downloaded once.
  const log = (await graphControl(world, 'GET', 'requests')).value as { url: string; status: number }[];
  expect(log.filter((entry) => /\/content$/.test(entry.url) && entry.status === 302)).toHaveLength(12);
  // Each file's rows are in the table once (one row per store/date/day part of the file).
  for (const name of loaded.slice(0, 3)) expect(await rowsOfSource(world, name)).toHaveLength(840);
  loadedNames = loaded;
}, 180_000);

it('an upload is previewed with its errors and nothing loaded, then loaded once through a run', async () => {
  const token = world.token[admin]!;
  const known = (await rowsOfSource(world, loadedNames[0]!)).slice(0, 3);
  const csv = [
    'Store ID,Date,Day part,Net sales,Transactions,Labour hours',
    ...known.map((row) => `${row.storeNumber},2031-03-03,${row.dayPart},${row.netSales},${row.transactions},${row.labourHours}`),
    '999999,2031-03-03,lunch,10,1,1',
    `${known[0]!.storeNumber},2031-02-30,lunch,-5,x,1`,
  ].join('\n');
  const preview = await fetch(`${world.hosts[1]!.base}/stores/uploads?fileName=march.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(preview.status).toBe(200);
  const body = storeUploadPreviewSchema.parse(await preview.json());
  expect(body).toMatchObject({ fileName: 'march.csv', rowsRead: 5, rowsValid: 3, rowsRejected: 2 });
  expect(body.rejected[1]?.reasons).toEqual([
    expect.stringMatching(/Date "2031-02-30"/),
    expect.stringMatching(/Net sales is negative/),
    expect.stringMatching(/Transactions "x" is not a number/),
  ]);
  // Nothing is in the sales table yet.
  expect(await rowsOfSource(world, 'upload:march.csv')).toHaveLength(0);

  const load = await world.hosts[0]!.call(`/stores/uploads/${body.uploadId}/load`, { token, method: 'POST' });
  expect(load.status).toBe(202);
  const { runId } = (await load.json()) as { runId: string };
  const run = await untilFinished(world.hosts[0]!, token, runId);
  expect(run).toMatchObject({ state: 'succeeded', trigger: 'upload', sources: ['Upload: march.csv'] });
  expect(run.totals).toMatchObject({ rowsLoaded: 3 });
  expect(await rowsOfSource(world, 'upload:march.csv')).toHaveLength(3);
  // The same preview cannot be loaded twice.
  expect((await world.hosts[1]!.call(`/stores/uploads/${body.uploadId}/load`, { token, method: 'POST' })).status).toBe(409);
}, 120_000);
