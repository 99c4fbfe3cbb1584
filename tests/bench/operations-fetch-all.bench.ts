/**
 * "Fetch everything" for 500 models in 50 workspaces at 50 ms emulated latency, through the
 * ops-fetch queue on 2 API host processes (Azurite, identity provider, Power BI emulator):
 *  1. baseline: the same work one request at a time (each workspace's catalog, reports and every
 *     model's history fetched in turn, through the API's per-model routes);
 *  2. the bulk job: POST /api/operations/fetch-all, progress polled until the job ends.
 * Targets: ≥ 20× faster than 1, first progress visible < 1 s after the start, every workspace
 * read, and no request served by Power BI before a Retry-After it had announced (request log).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchJobCurrentSchema, fetchJobStartSchema, type FetchJob } from '@planboard/contracts';
import { IdentityEmulatorClient } from '@planboard/identity/testing';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startAzurite } from '../../emulators/stack/src/azurite';
import { startFunctionApp } from '../../emulators/stack/src/hosts';
import { apiAuthSettings, startIdentity } from '../../emulators/stack/src/identity';
import { freePort } from '../../emulators/stack/src/ports';
import { apiPowerBiSettings, startPowerBi } from '../../emulators/stack/src/powerbi';
import type { ManagedProcess } from '../../emulators/stack/src/processes';

const targetRatio = 20;
const targetFirstProgressMs = 1000;
const admin = 'alex.morgan@contoso.onmicrosoft.com';

interface Logged {
  seq: number;
  atMs: number;
  caller: string;
  status: number;
  retryAfterDeadline?: string;
}

export async function run(): Promise<boolean> {
  const started: ManagedProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'pb-bench-fetch-'));
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
      generate: { workspaces: 50, datasetsPerWorkspace: 10, historyDays: 3 },
    });
    await seedSampleTenant(azurite.connectionString);
    const settings = {
      AzureWebJobsStorage: azurite.connectionString,
      ...apiAuthSettings(identity.config, 'localhost:53000'),
      ...apiPowerBiSettings(powerbiPort, identity.config),
      POWERBI_CLOCK_URL: `${powerbiUrl}/_emulator/clock`,
      AzureWebJobs__refreshDetect__Disabled: 'true',
      AzureWebJobs__refreshCatalog__Disabled: 'true',
    };
    const ports = [await freePort(), await freePort()];
    started.push(...(await Promise.all(ports.map((port) => startFunctionApp({ app: 'api', port, settings })))));
    const token = await new IdentityEmulatorClient(`http://127.0.0.1:${httpPort}`).userToken(admin);
    const call = async (port: number, path: string, method = 'GET'): Promise<Response> => {
      const response = await fetch(`http://127.0.0.1:${port}/api${path}`, { method, headers: { authorization: `Bearer ${token}` } });
      if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response;
    };
    const [first = 0, second = 0] = ports;
    const models = seeded.workspaces.reduce((sum, ws) => sum + ws.datasets.length, 0);
    console.log(`${models} models in ${seeded.workspaces.length} workspaces, 50 ms emulated latency, 2 API hosts`);
    await call(first, '/operations/catalog/sync', 'POST');
    await control('PUT', 'latency', { ms: 50 });

    // 1. One request at a time: every model's history through the per-model route, in turn.
    const baselineStart = performance.now();
    for (const ws of seeded.workspaces)
      for (const dataset of ws.datasets) await call(first, `/operations/models/${dataset.id}/history/fetch`, 'POST');
    const baselineMs = performance.now() - baselineStart;
    console.log(`one at a time : ${(baselineMs / 1000).toFixed(1)} s (history of ${models} models, catalog not even re-read)`);

    // 2. The bulk job through the queue on both hosts.
    await control('DELETE', 'requests');
    const jobStart = performance.now();
    const startedJob = fetchJobStartSchema.parse(await (await call(first, '/operations/fetch-all', 'POST')).json());
    let firstProgressMs: number | undefined;
    let job: FetchJob | null = startedJob.job;
    let polls = 0;
    while (job?.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = fetchJobCurrentSchema.parse(await (await call(polls % 2 ? second : first, '/operations/fetch-all')).json()).job;
      polls += 1;
      if (firstProgressMs === undefined && job && job.done > 0) firstProgressMs = performance.now() - jobStart;
    }
    const jobMs = performance.now() - jobStart;
    const ratio = baselineMs / jobMs;
    console.log(
      `bulk job      : ${(jobMs / 1000).toFixed(2)} s, ${job?.done}/${job?.total} workspaces, ${job?.models} models, ${job?.failures.length} failures`,
    );
    console.log(`ratio         : ${ratio.toFixed(1)}× (target ≥ ${targetRatio}×)`);
    console.log(`first progress: ${firstProgressMs?.toFixed(0)} ms after the start (target < ${targetFirstProgressMs} ms)`);
    for (const failure of job?.failures.slice(0, 3) ?? []) console.log(`   failed: ${failure.workspaceName}: ${failure.reason}`);

    const log = (await control<{ value: Logged[] }>('GET', 'requests?limit=100000')).value.sort((a, b) => a.seq - b.seq);
    const refusals = log.filter((entry) => entry.status === 429 && entry.retryAfterDeadline);
    const early = refusals.flatMap((entry) =>
      log.filter(
        (other) =>
          other.caller === entry.caller &&
          other.seq > entry.seq &&
          other.status < 400 &&
          other.atMs < Date.parse(entry.retryAfterDeadline ?? ''),
      ),
    );
    console.log(`request log   : ${log.length} requests, ${refusals.length} × 429, ${early.length} served before an announced Retry-After`);
    return (
      ratio >= targetRatio &&
      firstProgressMs !== undefined &&
      firstProgressMs < targetFirstProgressMs &&
      job?.state === 'completed' &&
      job.models === models &&
      early.length === 0
    );
  } finally {
    for (const proc of started.reverse()) await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
