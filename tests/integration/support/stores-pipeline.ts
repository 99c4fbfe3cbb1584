import ExcelJS from 'exceljs';
import { TableClient } from '@azure/data-tables';
import { storeRunReportSchema, type StoreRun } from '@planboard/contracts';
import { startAzurite, type RunningAzurite } from '../../../emulators/stack/src/azurite';
import { freePort } from '../../../emulators/stack/src/ports';
import { apiPowerBiSettings, startPowerBi } from '../../../emulators/stack/src/powerbi';
import { sampleIds } from '../../../emulators/powerbi/src/seed/sample-ids';
import type { ManagedProcess } from '../../../emulators/stack/src/processes';
import { apiStoreSourceSettings, startStoreSources } from '../../../emulators/stack/src/store-sources';
import { seedSampleTenant } from '../../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './api-host';
import { identityConfig, tokenFor } from './env';

export const admin = 'alex.morgan@contoso.onmicrosoft.com';
export const leader = 'nora.lindqvist@contoso.onmicrosoft.com';
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One suite's world: its own Azurite (the pipeline's cursor and tables start empty), Graph and Dataverse emulators, API hosts. */
export interface PipelineWorld {
  azurite: RunningAzurite;
  sources: ManagedProcess[];
  settings: Record<string, string>;
  graphControl: string;
  hosts: ApiHost[];
  token: Record<string, string>;
  stop(): Promise<void>;
}

export async function startPipelineWorld(hostCount: number): Promise<PipelineWorld> {
  const azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
  await seedSampleTenant(azurite.connectionString);
  const ports = { graph: await freePort(), graphHttps: await freePort(), dataverse: await freePort() };
  const sources = await startStoreSources({
    graphPort: ports.graph,
    graphHttpsPort: ports.graphHttps,
    dataversePort: ports.dataverse,
    identity: identityConfig(),
  });
  // Its own Power BI emulator, bound to this Azurite: the store model's refresh imports these runs' rows.
  const powerBiPort = await freePort();
  const powerBi = await startPowerBi({ port: powerBiPort, identity: identityConfig(), storageConnectionString: azurite.connectionString });
  // The store model refreshes in a second here (the sample tenant's is minutes long, like a real import).
  const patched = await fetch(`http://127.0.0.1:${powerBiPort}/_emulator/datasets/${sampleIds.stores.datasetId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshDurationMs: 1000 }),
  });
  if (!patched.ok) throw new Error(`Power BI emulator: ${patched.status} ${await patched.text()}`);
  const settings = {
    ...apiPowerBiSettings(powerBiPort, identityConfig()),
    AzureWebJobsStorage: azurite.connectionString,
    ...apiStoreSourceSettings(ports),
  };
  const hosts = await Promise.all(Array.from({ length: hostCount }, () => startApiHost(settings)));
  const token = { [admin]: await tokenFor(admin), [leader]: await tokenFor(leader) };
  return {
    azurite,
    sources: [...sources, powerBi],
    settings,
    graphControl: `http://127.0.0.1:${ports.graph}/_emulator`,
    hosts,
    token,
    stop: async () => {
      await Promise.all(hosts.map((host) => host.stop()));
      await Promise.all([...sources, powerBi].map((proc) => proc.stop()));
      await azurite.stop();
    },
  };
}

/** The Graph emulator's control API. */
export async function graphControl(world: PipelineWorld, method: string, path: string, body?: unknown, contentType = 'application/json') {
  const response = await fetch(`${world.graphControl}/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': contentType },
    body: body === undefined ? undefined : body instanceof Buffer ? body : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`graph control ${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}

export const folderPath = (world: PipelineWorld, name: string) =>
  `drives/${world.settings.STORE_SALES_DRIVE_ID}/root:/${world.settings.STORE_SALES_FOLDER}/${name}`;

/** Polls a run until it has finished and its refresh too (state ends the wait; jest's timeout bounds it). */
export async function untilFinished(host: ApiHost, token: string, runId: string): Promise<StoreRun> {
  for (;;) {
    const response = await host.call(`/stores/runs/${runId}`, { token });
    if (response.status === 200) {
      const { run } = storeRunReportSchema.parse(await response.json());
      if (!['queued', 'running'].includes(run.state) && run.refresh.state !== 'running') return run;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function runNow(host: ApiHost, token: string): Promise<string> {
  const response = await host.call('/stores/runs', { token, method: 'POST' });
  expect(response.status).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

export interface SalesRow {
  storeNumber: string;
  date: string;
  dayPart: string;
  netSales: number;
  transactions: number;
  labourHours: number;
}

/** `storesales` rows of one source, straight from the suite's Azurite. */
export async function rowsOfSource(world: PipelineWorld, source: string): Promise<SalesRow[]> {
  const table = TableClient.fromConnectionString(world.azurite.connectionString, 'storesales', { allowInsecureConnection: true });
  const rows: SalesRow[] = [];
  for await (const entity of table.listEntities<SalesRow>({ queryOptions: { filter: `source eq '${source.replace(/'/g, "''")}'` } }))
    rows.push({
      storeNumber: entity.storeNumber,
      date: entity.date,
      dayPart: entity.dayPart,
      netSales: Number(entity.netSales),
      transactions: Number(entity.transactions),
      labourHours: Number(entity.labourHours),
    });
  return rows;
}

/** A workbook in the pipeline's layout (dates as Excel dates, as the seeded workbooks hold them). */
export async function salesWorkbook(rows: readonly (SalesRow | unknown[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sales');
  sheet.addRow(['Store ID', 'Date', 'Day part', 'Net sales', 'Transactions', 'Labour hours']);
  for (const row of rows)
    sheet.addRow(
      Array.isArray(row)
        ? row
        : [row.storeNumber, new Date(`${row.date}T00:00:00Z`), row.dayPart, row.netSales, row.transactions, row.labourHours],
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
