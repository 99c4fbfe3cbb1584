/**
 * The performance analyser at scale: 500 models (50 workspaces × 10) × 365 days × 8 refreshes a
 * day. Older days are written straight to Azurite as rollup rows (1.46 M raw rows would take
 * longer to seed than the bench runs); the last day's refreshes go through the real history store,
 * which writes raw rows, rollups and the failure/outlier index as a fetch does. Prints the API
 * latency of each window and the table entities it read: reads must grow with models × days,
 * not with refreshes. Targets: 24 h < 300 ms, 7 d < 500 ms, all < 1 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TransactionAction } from '@azure/data-tables';
import { tableClient } from '@planboard/server';
import { performanceReportSchema, type StoredRefresh } from '@planboard/contracts';
import { IdentityEmulatorClient } from '@planboard/identity/testing';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startAzurite } from '../../emulators/stack/src/azurite';
import { startFunctionApp } from '../../emulators/stack/src/hosts';
import { apiAuthSettings, startIdentity } from '../../emulators/stack/src/identity';
import { freePort } from '../../emulators/stack/src/ports';
import { apiPowerBiSettings, startPowerBi } from '../../emulators/stack/src/powerbi';
import type { ManagedProcess } from '../../emulators/stack/src/processes';
import { HistoryStore } from '../../api/src/operations/history-store';
import { addToRollup, emptyRollup } from '../../api/src/operations/analyser/rollup';
import { rollupEntity } from '../../api/src/operations/analyser/rollup-store';
import { operationsTableNames } from '../../api/src/operations/tables';

const admin = 'alex.morgan@contoso.onmicrosoft.com';
const days = Number(process.env.BENCH_DAYS ?? 365);
const perDay = 8;
const targets = { '24h': 300, '7d': 500, all: 1000 } as const;
const dayMs = 86_400_000;

/** A refresh of a synthetic day: durations around the model's norm, one in 20 failed. */
function refreshOf(datasetId: string, dayStart: number, index: number, model: number): StoredRefresh {
  const seed = (model * 7919 + index * 104_729 + Math.floor(dayStart / dayMs)) % 1000;
  const start = dayStart + index * 3 * 3_600_000 + (seed % 300) * 1000;
  const durationMs = (60 + (model % 20) * 30) * 1000 * (0.8 + (seed % 400) / 1000);
  const failed = seed % 20 === 0;
  return {
    requestId: `${datasetId}-${start}`,
    refreshType: 'Scheduled',
    startTime: new Date(start).toISOString(),
    endTime: new Date(start + durationMs).toISOString(),
    durationMs: Math.round(durationMs),
    status: failed ? 'Failed' : 'Completed',
    errorCode: failed ? 'ModelRefresh_ShortMessage_ProcessingError' : null,
    errorDescription: failed ? 'The data source could not be reached.' : null,
    attempts: 1,
  };
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

export async function run(): Promise<boolean> {
  const started: ManagedProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'pb-bench-analyser-'));
  try {
    const azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
    started.push(azurite.process);
    const httpPort = await freePort();
    const identity = await startIdentity({
      httpsPort: await freePort(),
      httpPort,
      certsDir: join(tmpdir(), 'planboard-test-certs'),
      tabOrigins: ['http://127.0.0.1:53000'],
      tabDomain: 'localhost:53000',
    });
    started.push(identity.process);
    const powerbiPort = await freePort();
    const powerbiUrl = `http://127.0.0.1:${powerbiPort}`;
    started.push(
      await startPowerBi({
        port: powerbiPort,
        certsDir: join(tmpdir(), 'planboard-test-certs'),
        identity: identity.config,
        storageConnectionString: azurite.connectionString,
      }),
    );
    const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${powerbiUrl}/_emulator/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    await control('POST', 'reset', { empty: true });
    const seeded = await control<{ workspaces: { id: string; datasets: { id: string }[] }[] }>('POST', 'seed', {
      generate: { workspaces: 50, datasetsPerWorkspace: 10, historyDays: 1 },
    });
    await seedSampleTenant(azurite.connectionString);
    const settings = {
      AzureWebJobsStorage: azurite.connectionString,
      ...apiAuthSettings(identity.config, 'localhost:53000'),
      ...apiPowerBiSettings(powerbiPort, identity.config),
      POWERBI_CLOCK_URL: `${powerbiUrl}/_emulator/clock`,
      AzureWebJobs__refreshDetect__Disabled: 'true',
      AzureWebJobs__refreshCatalog__Disabled: 'true',
      AzureWebJobs__operationsCapacityTimer__Disabled: 'true',
    };
    const port = await freePort();
    started.push(await startFunctionApp({ app: 'api', port, settings }));
    const token = await new IdentityEmulatorClient(`http://127.0.0.1:${httpPort}`).userToken(admin);
    const call = async (path: string, method = 'GET'): Promise<Response> => {
      const response = await fetch(`http://127.0.0.1:${port}/api${path}`, { method, headers: { authorization: `Bearer ${token}` } });
      if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response;
    };
    await call('/operations/catalog/sync', 'POST');
    const models = seeded.workspaces.flatMap((ws) => ws.datasets.map((dataset) => dataset.id));
    const now = Date.parse((await control<{ now: string }>('GET', 'clock')).now);
    const today = Math.floor(now / dayMs) * dayMs;

    // Older days: one rollup row per model per day, 100 per transaction (a day is one partition).
    const seedStart = performance.now();
    const table = tableClient(azurite.connectionString, operationsTableNames.rollups);
    await table.createTable().catch(() => undefined);
    // The last 24 hours span yesterday and today: those two days come from the raw rows below.
    const dayStarts = Array.from({ length: days - 2 }, (_, index) => today - (index + 2) * dayMs);
    await pool(dayStarts, 8, async (dayStart) => {
      const day = new Date(dayStart).toISOString().slice(0, 10);
      for (let offset = 0; offset < models.length; offset += 100) {
        const actions = models.slice(offset, offset + 100).map((datasetId, index): TransactionAction => {
          const refreshes = Array.from({ length: perDay }, (_, slot) => ({
            refresh: refreshOf(datasetId, dayStart, slot, offset + index),
            delayMs: (slot * 37_000) % 600_000,
          }));
          return ['create', rollupEntity(datasetId, day, addToRollup(emptyRollup(), refreshes).rollup)];
        });
        await table.submitTransaction(actions);
      }
    });
    const rollupMs = performance.now() - seedStart;
    // The last day through the history store: raw rows, its rollups and the index, as a fetch writes them.
    const history = new HistoryStore(azurite.connectionString);
    const rawStart = performance.now();
    await pool(models, 8, async (datasetId) => {
      const model = models.indexOf(datasetId);
      const refreshes = Array.from({ length: perDay }, (_, slot) => refreshOf(datasetId, now - dayMs, slot, model)).filter(
        (r) => Date.parse(r.endTime ?? '') < now,
      );
      await history.putAll(datasetId, refreshes);
    });
    const rawMs = performance.now() - rawStart;
    console.log(
      `${models.length} models × ${days} days × ${perDay} refreshes (${(models.length * days * perDay).toLocaleString('en')} refreshes): ` +
        `${(models.length * (days - 2)).toLocaleString('en')} rollup rows in ${(rollupMs / 1000).toFixed(1)} s, last day's raw rows through the history store in ${(rawMs / 1000).toFixed(1)} s`,
    );

    let met = true;
    for (const window of ['24h', '7d', 'all'] as const) {
      const times: number[] = [];
      let read = { rollups: 0, index: 0, raw: 0, capacity: 0 };
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const start = performance.now();
        const body = performanceReportSchema.parse(await (await call(`/operations/performance?window=${window}`)).json());
        times.push(performance.now() - start);
        read = body.read;
      }
      const median = [...times].sort((a, b) => a - b)[1] ?? 0;
      const ok = median < targets[window];
      met &&= ok;
      console.log(
        `window=${window.padEnd(3)}  ${median.toFixed(0).padStart(6)} ms (target < ${targets[window]} ms, ${(median / targets[window]).toFixed(2)}× of target) ${ok ? 'ok' : 'MISSED'}; ` +
          `read ${read.rollups} rollup rows, ${read.index} index rows, ${read.raw} raw rows, ${read.capacity} capacity rows`,
      );
    }
    return met;
  } finally {
    for (const proc of started.reverse()) await proc.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
