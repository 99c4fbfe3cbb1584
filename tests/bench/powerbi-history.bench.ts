/**
 * Refresh history of 500 datasets in 50 workspaces through the Power BI client, against the
 * emulator with 50 ms latency per request:
 *  1. one request at a time (baseline);
 *  2. the client's concurrency (target: ≥ 20× faster than 1);
 *  3. the same fetch by a second service principal under a throttle budget: every history must
 *     still arrive, and the emulator's request log must show no request sent to the throttled
 *     caller after it had been told to wait and before its Retry-After deadline.
 * Separate callers for 2 and 3 because a Retry-After is whole seconds: one throttling pause
 * alone would exceed the whole concurrent run, so the ratio measures concurrency, and phase 3
 * measures compliance.
 */
import { startPowerBiEmulator } from '../../emulators/powerbi/dist';
import { startTestIssuer } from '../../emulators/powerbi/dist/testing/token-issuer';
import { createPowerBiClient, StaticTokenSource, type PowerBiClient } from '../../server/src/powerbi';
import { checkThrottling, recordingFetch, type LoggedRequest } from '../../server/src/powerbi/test-support/throttle-violations';

const workspaces = 50;
const datasetsPerWorkspace = 10;
const latencyMs = 50;
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const budget = { limit: 100, windowSeconds: 1 };
const targetRatio = 20;
const fastApp = '10ca1a00-0000-4000-8000-00000000be01';
const throttledApp = '10ca1a00-0000-4000-8000-00000000be02';

interface Target {
  groupId: string;
  datasetId: string;
}

async function control<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /_emulator/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

const entries = (histories: unknown[][]) => histories.reduce((sum, history) => sum + history.length, 0);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Runs the bench; true when the ratio and the throttling targets are met. */
export async function run(): Promise<boolean> {
  const issuer = await startTestIssuer();
  const emulator = await startPowerBiEmulator({
    port: 0,
    auth: { jwksUri: issuer.jwksUri, issuers: [issuer.issuer] },
    latencyMs,
    seed: 'empty',
    servicePrincipals: [fastApp, throttledApp],
    tickIntervalMs: 60_000,
  });
  try {
    const baseUrl = `${emulator.url}/v1.0/myorg`;
    const seeded = await control<{ workspaces: { id: string; datasets: { id: string }[] }[] }>(emulator.url, 'POST', 'seed', {
      generate: { workspaces, datasetsPerWorkspace, historyDays: 3 },
    });
    const targets: Target[] = seeded.workspaces.flatMap((workspace) =>
      workspace.datasets.map((dataset) => ({ groupId: workspace.id, datasetId: dataset.id })),
    );
    const clientFor = async (appId: string, fetchImpl: typeof fetch = fetch): Promise<PowerBiClient> =>
      createPowerBiClient({
        baseUrl,
        maxConcurrency: concurrency,
        fetch: fetchImpl,
        tokenSource: new StaticTokenSource(await issuer.appToken({ appId }), `app:${appId}`),
      });
    const history = (client: PowerBiClient, target: Target) => client.refreshes.history(target.groupId, target.datasetId, { top: 100 });
    console.log(
      `${targets.length} datasets in ${seeded.workspaces.length} workspaces, ${latencyMs} ms emulated latency, client concurrency ${concurrency}`,
    );

    const fast = await clientFor(fastApp);
    await fast.groups.list(); // warm up the connection and the emulator's key cache
    const sequential = await timed(async () => {
      const histories = [];
      for (const target of targets) histories.push(await history(fast, target));
      return histories;
    });
    const concurrent = await timed(() => Promise.all(targets.map((target) => history(fast, target))));
    const ratio = sequential.ms / concurrent.ms;
    const sameData = entries(sequential.result) === entries(concurrent.result);
    console.log(`one at a time : ${seconds(sequential.ms)} (${entries(sequential.result)} history entries)`);
    console.log(`concurrent    : ${seconds(concurrent.ms)} (${entries(concurrent.result)} history entries)`);
    console.log(`ratio         : ${ratio.toFixed(1)}× (target ≥ ${targetRatio}×)`);

    await control(emulator.url, 'PUT', 'throttle', { caller: throttledApp, ...budget });
    const recorder = recordingFetch();
    const throttled = await clientFor(throttledApp, recorder.fetch);
    const limited = await timed(() => Promise.allSettled(targets.map((target) => history(throttled, target))));
    const failed = limited.result.filter((outcome) => outcome.status === 'rejected');
    const log = (await control<{ value: LoggedRequest[] }>(emulator.url, 'GET', `requests?caller=${throttledApp}`)).value;
    const report = checkThrottling(log, recorder.sent);
    console.log(
      `throttled     : ${seconds(limited.ms)} under a budget of ${budget.limit} requests per ${budget.windowSeconds} s, ${targets.length - failed.length}/${targets.length} histories, ${log.length} requests logged`,
    );
    console.log(
      `request log   : ${report.refusals} × 429, ${report.inFlightWhenThrottled} of them already in flight when the client learned of the throttling`,
    );
    console.log(`violations    : ${report.violations.length} requests sent to the throttled caller before its Retry-After deadline`);
    for (const violation of report.violations.slice(0, 5)) console.log('  ', JSON.stringify(violation));
    for (const outcome of failed.slice(0, 3)) console.log('   failed:', (outcome as PromiseRejectedResult).reason);

    return ratio >= targetRatio && sameData && report.violations.length === 0 && failed.length === 0 && report.refusals > 0;
  } finally {
    await emulator.stop();
    await issuer.stop();
  }
}
