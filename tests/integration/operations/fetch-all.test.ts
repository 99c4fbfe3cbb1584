import {
  errorEnvelopeSchema,
  fetchJobCurrentSchema,
  fetchJobStartSchema,
  operationsWorkspaceListSchema,
  refreshHistorySchema,
  type FetchJob,
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
 * "Fetch everything" over HTTP on two API hosts sharing one queue, against its own Azurite and
 * Power BI emulator: three workspaces are made unreadable in the emulator; the job ends with those
 * three failures named and everything else stored; a second start while it runs answers the same job.
 */
const admin = 'alex.morgan@contoso.onmicrosoft.com';
const leader = 'nora.lindqvist@contoso.onmicrosoft.com';

let azurite: RunningAzurite;
let powerBi: ManagedProcess;
let powerBiPort: number;
let hosts: ApiHost[] = [];
const token: Record<string, string> = {};

const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`http://127.0.0.1:${powerBiPort}/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json();
};
const call = (path: string, options: { method?: string; as?: string; host?: number } = {}) =>
  hosts[options.host ?? 0]!.call(path, { token: token[options.as ?? admin], method: options.method });

/** Polls the job until it is no longer running (state, not time, ends the wait; jest's timeout bounds it). */
async function untilFinished(seen: number[]): Promise<FetchJob> {
  for (;;) {
    const { job } = fetchJobCurrentSchema.parse(await (await call('/operations/fetch-all', { host: seen.length % 2 })).json());
    if (!job) throw new Error('no job');
    seen.push(job.done);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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
  token[admin] = await tokenFor(admin);
  token[leader] = await tokenFor(leader);
}, 180_000);
afterAll(async () => {
  await Promise.all(hosts.map((host) => host.stop()));
  await powerBi?.stop();
  await azurite?.stop();
}, 30_000);

it('a non-admin can neither start nor read the bulk fetch', async () => {
  expect([403, 404]).toContain((await call('/operations/fetch-all', { method: 'POST', as: leader })).status);
  expect([403, 404]).toContain((await call('/operations/fetch-all', { as: leader })).status);
  expect((await hosts[0]!.call('/operations/fetch-all', { method: 'POST' })).status).toBe(401);
});

it('fans out over the queue: 3 unreadable workspaces end as 3 named failures, the rest is stored, a second start answers the running job', async () => {
  expect(fetchJobCurrentSchema.parse(await (await call('/operations/fetch-all')).json())).toEqual({ job: null });
  expect((await call('/operations/catalog/sync', { method: 'POST' })).status).toBe(200);
  const workspaces = operationsWorkspaceListSchema.parse(await (await call('/operations/workspaces')).json()).workspaces;
  const broken = workspaces.filter((ws) => ws.name.endsWith('(Dev)')).slice(0, 3);
  expect(broken).toHaveLength(3);
  for (const ws of broken) await control('PATCH', `workspaces/${ws.workspaceId}`, { unreadable: true });
  // Some latency, so the job is still running when the second start arrives.
  await control('PUT', 'latency', { ms: 150 });

  const first = await call('/operations/fetch-all', { method: 'POST' });
  expect(first.status).toBe(202);
  const started = fetchJobStartSchema.parse(await first.json());
  expect(started).toMatchObject({ alreadyRunning: false, job: { total: workspaces.length, done: 0, state: 'running', startedBy: admin } });
  const second = await call('/operations/fetch-all', { method: 'POST', host: 1 });
  expect(second.status).toBe(200);
  expect(fetchJobStartSchema.parse(await second.json())).toMatchObject({ alreadyRunning: true, job: { jobId: started.job.jobId } });

  const seen: number[] = [];
  const job = await untilFinished(seen);
  await control('PUT', 'latency', { ms: 0 });
  expect(job).toMatchObject({ jobId: started.job.jobId, state: 'completedWithFailures', done: workspaces.length });
  expect(job.finishedAt).not.toBeNull();
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  expect(job.failures.map((failure) => failure.workspaceName)).toEqual(broken.map((ws) => ws.name).sort((a, b) => a.localeCompare(b)));
  for (const failure of job.failures) expect(failure.reason).toMatch(/no access to this workspace/);

  // What succeeded is stored: every readable workspace's models have history (push models have none).
  const models = (await (await call('/operations/models')).json()) as {
    models: { datasetId: string; workspaceId: string; refreshable: boolean }[];
  };
  const brokenIds = new Set(broken.map((ws) => ws.workspaceId));
  const readable = models.models.filter((model) => model.refreshable && !brokenIds.has(model.workspaceId));
  expect(job.models).toBe(readable.length);
  for (const model of readable.slice(0, 5)) {
    const history = refreshHistorySchema.parse(await (await call(`/operations/models/${model.datasetId}/history?top=1`)).json());
    expect(history.refreshes).toHaveLength(1);
  }
  // A workspace that failed keeps what the catalog had for it.
  const after = operationsWorkspaceListSchema.parse(await (await call('/operations/workspaces')).json()).workspaces;
  for (const ws of broken) expect(after.find((other) => other.workspaceId === ws.workspaceId)).toBeDefined();

  // Finished: the next start is a new job.
  for (const ws of broken) await control('PATCH', `workspaces/${ws.workspaceId}`, { unreadable: false });
  const again = await call('/operations/fetch-all', { method: 'POST' });
  expect(again.status).toBe(202);
  const next = fetchJobStartSchema.parse(await again.json());
  expect(next.job.jobId).not.toBe(started.job.jobId);
  const done = await untilFinished([]);
  expect(done).toMatchObject({ jobId: next.job.jobId, state: 'completed', failures: [] });
}, 120_000);

it('with throttling on, every workspace is still read and nothing is served before an announced Retry-After', async () => {
  await control('DELETE', 'requests');
  await control('PUT', 'throttle', { caller: '*', limit: 25, windowSeconds: 1 });
  try {
    const started = await call('/operations/fetch-all', { method: 'POST' });
    expect(started.status).toBe(202);
    const job = await untilFinished([]);
    expect(job).toMatchObject({ state: 'completed', failures: [] });
  } finally {
    await control('DELETE', 'throttle');
  }
  const log = (
    (await control('GET', 'requests?limit=10000')) as {
      value: { seq: number; atMs: number; caller: string; status: number; retryAfterDeadline?: string }[];
    }
  ).value.sort((a, b) => a.seq - b.seq);
  const throttled = log.filter((entry) => entry.status === 429 && entry.retryAfterDeadline);
  expect(throttled.length).toBeGreaterThan(0);
  const early = throttled.flatMap((entry) =>
    log.filter(
      (other) =>
        other.caller === entry.caller &&
        other.seq > entry.seq &&
        other.status < 400 &&
        other.atMs < Date.parse(entry.retryAfterDeadline ?? ''),
    ),
  );
  expect(early).toEqual([]);
}, 120_000);

it('answers as the OpenAPI document describes (success and refusal)', async () => {
  const validator = new ResponseValidator((await (await hosts[0]!.call('/openapi.json')).json()) as OpenApiDocument);
  const current = await call('/operations/fetch-all');
  expect(validator.problems('GET', '/api/operations/fetch-all', current.status, await current.json())).toEqual([]);
  const refused = await call('/operations/fetch-all', { as: leader });
  const body = await refused.json();
  expect(errorEnvelopeSchema.safeParse(body).success).toBe(true);
  expect(validator.problems('GET', '/api/operations/fetch-all', refused.status, body)).toEqual([]);
});
