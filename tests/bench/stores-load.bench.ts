/**
 * The store-data pipeline on a 100,000-row workbook (issue 16's benchmark): the file is dropped
 * into the Graph emulator's OneDrive folder after a first run has taken in the seeded weeks, and a
 * second run downloads, streams, validates and loads it into `storesales` through one API host.
 * Prints rows/s, the Table Storage requests the load made and the host's RSS growth while it ran.
 * Targets: validated and loaded in < 15 s, RSS growth < 300 MB.
 */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { storeRunReportSchema, storeRunStartedSchema, type StoreRun } from '@planboard/contracts';
import { identityFromEnv } from '@planboard/identity/testing';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startAzurite } from '../../emulators/stack/dist/azurite';
import { startFunctionApp } from '../../emulators/stack/dist/hosts';
import { apiAuthSettings, startIdentity } from '../../emulators/stack/dist/identity';
import { freePort } from '../../emulators/stack/dist/ports';
import { apiPowerBiSettings, startPowerBi } from '../../emulators/stack/dist/powerbi';
import { apiStoreSourceSettings, startStoreSources } from '../../emulators/stack/dist/store-sources';

const rowsTarget = 100_000;
const secondsTarget = 15;
const rssGrowthTargetMb = 300;
const dayParts = ['breakfast', 'lunch', 'dinner', 'late'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RSS (MB) of every process in the host's process group: the supervisor and its worker. */
function groupRssMb(pgid: number): number {
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pgid)], { encoding: 'utf8' });
    return out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
  } catch {
    return 0;
  }
}

/** A workbook of `rows` good rows over the given stores (streamed out by exceljs' writer). */
async function bigWorkbook(stores: string[], rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Sales');
  sheet.columns = [
    { width: 10 },
    { width: 12, style: { numFmt: 'yyyy-mm-dd' } },
    { width: 10 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
  ];
  sheet.addRow(['Store ID', 'Date', 'Day part', 'Net sales', 'Transactions', 'Labour hours']).commit();
  const start = Date.UTC(2020, 0, 6);
  for (let index = 0; index < rows; index += 1) {
    const dayPart = dayParts[index % 4]!;
    const store = stores[Math.floor(index / 4) % stores.length]!;
    const day = Math.floor(index / (4 * stores.length));
    sheet.addRow([store, new Date(start + day * 86_400_000), dayPart, 500 + (index % 997), 40 + (index % 61), 4 + (index % 9)]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

export async function run(): Promise<boolean> {
  const azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
  const identity = await startIdentity({
    httpsPort: await freePort(),
    httpPort: await freePort(),
    certsDir: join(tmpdir(), 'planboard-test-certs'),
    tabOrigins: [],
    tabDomain: 'localhost:53000',
  });
  const pbiPort = await freePort();
  const powerBi = await startPowerBi({ port: pbiPort, identity: identity.config, storageConnectionString: azurite.connectionString });
  const ports = { graph: await freePort(), graphHttps: await freePort(), dataverse: await freePort() };
  const sources = await startStoreSources({
    graphPort: ports.graph,
    graphHttpsPort: ports.graphHttps,
    dataversePort: ports.dataverse,
    identity: identity.config,
  });
  const sourceSettings = apiStoreSourceSettings(ports);
  const apiPort = await freePort();
  const host = await startFunctionApp({
    app: 'api',
    port: apiPort,
    settings: {
      AzureWebJobsStorage: azurite.connectionString,
      ...apiAuthSettings(identity.config, 'localhost:53000'),
      ...apiPowerBiSettings(pbiPort, identity.config),
      ...sourceSettings,
      AzureWebJobs__refreshDetect__Disabled: 'true',
      AzureWebJobs__refreshCatalog__Disabled: 'true',
      AzureWebJobs__storesRunTimer__Disabled: 'true',
    },
  });
  const api = `http://127.0.0.1:${apiPort}/api`;
  try {
    await seedSampleTenant(azurite.connectionString);
    const token = await identityFromEnv({ PLANBOARD_IDENTITY_URL: identity.config.urls.browserOrigin ?? '' }).userToken(
      'alex.morgan@contoso.onmicrosoft.com',
    );
    const auth = { authorization: `Bearer ${token}` };
    const runToEnd = async (): Promise<StoreRun> => {
      const started = await fetch(`${api}/stores/runs`, { method: 'POST', headers: auth });
      const { runId } = storeRunStartedSchema.parse(await started.json());
      for (;;) {
        const { run } = storeRunReportSchema.parse(await (await fetch(`${api}/stores/runs/${runId}`, { headers: auth })).json());
        if (run.state !== 'queued' && run.state !== 'running') return run;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    // The seeded 12 weeks first: the store master is synced and the delta cursor saved.
    const warm = await runToEnd();
    console.log(`  warm-up run: ${warm.totals.files} files, ${warm.totals.rowsLoaded} rows in ${warm.durationMs} ms`);

    const stores =
      (
        (await (await fetch(`http://127.0.0.1:${ports.dataverse}/_emulator/stores`)).json()) as {
          value?: { pb_storenumber: string; statecode: number }[];
        }
      ).value
        ?.filter((store) => store.statecode === 0)
        .map((store) => store.pb_storenumber)
        .slice(0, 30) ?? [];
    const bytes = await bigWorkbook(stores, rowsTarget);
    const path = `drives/${sourceSettings.STORE_SALES_DRIVE_ID}/root:/${sourceSettings.STORE_SALES_FOLDER}/store-sales-bench.xlsx`;
    const put = await fetch(`http://127.0.0.1:${ports.graph}/_emulator/${path}`, {
      method: 'PUT',
      headers: { 'content-type': xlsxType },
      body: new Uint8Array(bytes),
    });
    if (!put.ok) throw new Error(`Graph emulator PUT: ${put.status} ${await put.text()}`);

    const rssBefore = groupRssMb(host.child.pid!);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, groupRssMb(host.child.pid!))), 100);
    const run = await runToEnd();
    clearInterval(sampler);
    const seconds = (run.durationMs ?? 0) / 1000;
    const growth = rssPeak - rssBefore;
    console.log(
      `  workbook: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${rowsTarget.toLocaleString('en-US')} rows, ${stores.length} stores`,
    );
    console.log(`  run: ${run.state}, ${run.totals.rowsRead} read, ${run.totals.rowsLoaded} loaded, ${run.totals.rowsRejected} rejected`);
    console.log(
      `  validated and loaded in ${seconds.toFixed(1)} s (${Math.round(run.totals.rowsRead / Math.max(seconds, 0.001)).toLocaleString('en-US')} rows/s; target < ${secondsTarget} s)`,
    );
    console.log(`  storage requests: ${run.totals.storageRequests} (${Math.ceil(rowsTarget / 100)} transactions at least)`);
    console.log(
      `  host RSS: ${rssBefore.toFixed(0)} MB before, ${rssPeak.toFixed(0)} MB peak, growth ${growth.toFixed(0)} MB (target < ${rssGrowthTargetMb} MB)`,
    );
    return run.state === 'succeeded' && run.totals.rowsLoaded === rowsTarget && seconds < secondsTarget && growth < rssGrowthTargetMb;
  } finally {
    await host.stop();
    await Promise.all(sources.map((proc) => proc.stop()));
    await powerBi.stop();
    await identity.process.stop();
    await azurite.stop();
  }
}
