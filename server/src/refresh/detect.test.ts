import type { Notification } from '@planboard/contracts';
import { startAzurite, type RunningAzurite } from '../../../emulators/stack/src/azurite';
import { freePort } from '../../../emulators/stack/src/ports';
import { fixedClock } from './clock';
import { refreshStores } from './create';
import { detectRefreshFailures, type DetectionDeps } from './detect';
import { FakePowerBi, refresh } from './test-support/fake-powerbi';
import { watchRefresh } from './watch';

/**
 * Detection against real Table Storage (its own Azurite: these tests own the refresh tables) and
 * a scripted Power BI whose clock the tests set.
 */
let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
}, 30_000);
afterAll(() => azurite?.stop(), 30_000);

const t0 = Date.parse('2026-03-06T05:50:00Z'); // a Friday, ten minutes before a 06:00 slot
const minute = 60_000;
const everyDay = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

interface Harness {
  fake: FakePowerBi;
  sent: Notification[];
  deps: (overrides?: Partial<DetectionDeps>) => DetectionDeps;
  setNow: (ms: number) => void;
}

let tenant = 0;
/** A fresh tenant: a new storage account is not available, so every test uses its own dataset ids. */
function harness(): Harness {
  tenant += 1;
  const fake = new FakePowerBi();
  const sent: Notification[] = [];
  let now = t0;
  const stores = refreshStores(azurite.connectionString);
  const deps = (overrides: Partial<DetectionDeps> = {}): DetectionDeps => ({
    ...stores,
    powerBi: fake.client(),
    send: async (notification) => void sent.push(notification),
    clock: fixedClock(() => now),
    historyTop: 10,
    slotGraceMs: 30 * minute,
    repairAfterMs: 0,
    realNow: () => now,
    log: () => undefined,
    ...overrides,
  });
  return { fake, sent, deps, setNow: (ms) => (now = ms) };
}

async function clearTables(): Promise<void> {
  const { TableServiceClient } = await import('@azure/data-tables');
  const service = TableServiceClient.fromConnectionString(azurite.connectionString, { allowInsecureConnection: true });
  for (const name of ['refreshdatasets', 'refreshwatch', 'refreshfailures']) await service.deleteTable(name).catch(() => undefined);
  // Deleted tables come back through ensureTable's cache only once per process: recreate them now.
  for (const name of ['refreshdatasets', 'refreshwatch', 'refreshfailures']) {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const ok = await service.createTable(name).then(
        () => true,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
beforeEach(clearTables, 30_000);

describe('refresh failure detection', () => {
  it('bootstraps the catalog without alerting old failures, then alerts a failed scheduled refresh once', async () => {
    const h = harness();
    const ds = h.fake.addDataset({
      id: `ds-${tenant}`,
      name: 'Sales "Forecast"',
      workspaceId: `ws-${tenant}`,
      schedule: { days: [...everyDay], times: ['06:00'], enabled: true, localTimeZoneId: 'UTC' },
      history: [refresh('old', 'Failed', t0 - 60 * minute)],
    });
    const first = await detectRefreshFailures(h.deps());
    expect(first).toMatchObject({ synced: true, watched: 0, newFailures: 0 });

    // The 06:00 slot passes; the scheduled refresh fails.
    h.setNow(t0 + 10 * minute + 30_000);
    ds.history.unshift(refresh('r1', 'Failed', t0 + 10 * minute, 20_000));
    const second = await detectRefreshFailures(h.deps());
    expect(second).toMatchObject({ dueSlots: 1, watched: 1, powerBiCalls: 1, newFailures: 1, enqueued: 1 });
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]).toMatchObject({
      kind: 'refreshFailed',
      id: `refreshFailed:ds-${tenant}:r1`,
      datasetName: 'Sales "Forecast"',
      environment: 'Prod',
      scheduled: true,
      consecutiveFailures: 2,
      durationMs: 20_000,
    });

    // Later runs: nothing new, and the dataset is no longer polled.
    h.setNow(t0 + 11 * minute);
    expect(await detectRefreshFailures(h.deps())).toMatchObject({ watched: 0, powerBiCalls: 0, newFailures: 0 });
    expect(h.sent).toHaveLength(1);
  });

  it('enqueues a failure once when two hosts run at the same moment', async () => {
    const h = harness();
    const ds = h.fake.addDataset({ id: `ds-${tenant}`, name: 'Twins', workspaceId: `ws-${tenant}` });
    await detectRefreshFailures(h.deps());
    await watchRefresh(azurite.connectionString, {
      workspaceId: ds.workspaceId,
      datasetId: ds.id,
      requestId: 'r1',
      startedAt: new Date(t0).toISOString(),
    });
    ds.history.unshift(refresh('r1', 'Failed', t0 + minute, 30_000, 'ViaApi'));
    h.setNow(t0 + 2 * minute);
    const runs = await Promise.all([1, 2, 3].map(() => detectRefreshFailures(h.deps())));
    expect(runs.reduce((sum, run) => sum + run.enqueued, 0)).toBe(1);
    expect(h.sent.filter((n) => n.kind === 'refreshFailed')).toHaveLength(1);
  });

  it('repairs a run that crashed between recording a failure and enqueueing it', async () => {
    const h = harness();
    const ds = h.fake.addDataset({ id: `ds-${tenant}`, name: 'Crashy', workspaceId: `ws-${tenant}` });
    await detectRefreshFailures(h.deps());
    await watchRefresh(azurite.connectionString, { workspaceId: ds.workspaceId, datasetId: ds.id, startedAt: new Date(t0).toISOString() });
    ds.history.unshift(refresh('r1', 'Failed', t0 + minute, 30_000, 'ViaApi'));
    h.setNow(t0 + 2 * minute);
    const crashing = h.deps({ send: async () => Promise.reject(new Error('queue unreachable')), repairAfterMs: 60_000 });
    expect(await detectRefreshFailures(crashing)).toMatchObject({ watched: 1, enqueued: 0 });
    expect(h.sent).toHaveLength(0);

    // Too early to repair (the first run might still be working), then repaired exactly once.
    expect(await detectRefreshFailures(h.deps({ repairAfterMs: 60_000 }))).toMatchObject({ repaired: 0 });
    h.setNow(t0 + 4 * minute);
    expect(await detectRefreshFailures(h.deps({ repairAfterMs: 60_000 }))).toMatchObject({ repaired: 1 });
    expect(await detectRefreshFailures(h.deps({ repairAfterMs: 60_000 }))).toMatchObject({ repaired: 0 });
    expect(h.sent.map((n) => n.id)).toEqual([`refreshFailed:ds-${tenant}:r1`]);
  });

  it('polls only what is in flight or due: 500 datasets, 5 refreshing → 5 Power BI calls', async () => {
    const h = harness();
    for (let index = 0; index < 500; index += 1) {
      h.fake.addDataset({ id: `ds-${tenant}-${index}`, name: `Dataset ${index}`, workspaceId: `ws-${tenant}-${index % 50}` });
    }
    await detectRefreshFailures(h.deps());
    for (let index = 0; index < 5; index += 1) {
      const ds = h.fake.datasets.get(`ds-${tenant}-${index * 100}`)!;
      ds.history.unshift(refresh(`run-${index}`, 'Unknown', t0));
      await watchRefresh(azurite.connectionString, {
        workspaceId: ds.workspaceId,
        datasetId: ds.id,
        startedAt: new Date(t0).toISOString(),
      });
    }
    h.fake.resetCalls();
    h.setNow(t0 + minute);
    const report = await detectRefreshFailures(h.deps());
    expect(report).toMatchObject({ watched: 5, powerBiCalls: 5 });
    expect(h.fake.totalCalls()).toBe(5);
    // Still running: still watched; the next poll costs the same.
    h.fake.resetCalls();
    expect(await detectRefreshFailures(h.deps())).toMatchObject({ watched: 5 });
    expect(h.fake.totalCalls()).toBe(5);
  }, 60_000);

  it('reports the outcome of a retry started from a card, once', async () => {
    const h = harness();
    const ds = h.fake.addDataset({ id: `ds-${tenant}`, name: 'Retried', workspaceId: `ws-${tenant}` });
    await detectRefreshFailures(h.deps());
    const retry = { notificationId: 'refreshFailed:x:r0', by: 'Alex Morgan', at: new Date(t0).toISOString() };
    const { WatchStore } = await import('./watch-store');
    await new WatchStore(azurite.connectionString).watch({
      datasetId: ds.id,
      workspaceId: ds.workspaceId,
      reason: 'triggered',
      since: retry.at,
      expiresAt: new Date(t0 + 60 * minute).toISOString(),
      requestId: 'retry-1',
      retry,
    });
    ds.history.unshift(refresh('retry-1', 'Unknown', t0 + 10_000, 0, 'ViaApi'));
    h.setNow(t0 + minute);
    expect(await detectRefreshFailures(h.deps())).toMatchObject({ watched: 1, outcomes: 0 });
    ds.history[0] = refresh('retry-1', 'Completed', t0 + 10_000, 90_000, 'ViaApi');
    h.setNow(t0 + 2 * minute);
    expect(await detectRefreshFailures(h.deps())).toMatchObject({ outcomes: 1 });
    expect(await detectRefreshFailures(h.deps())).toMatchObject({ outcomes: 0, watched: 0 });
    expect(h.sent).toEqual([
      expect.objectContaining({
        kind: 'refreshRetryFinished',
        notificationId: retry.notificationId,
        status: 'Completed',
        durationMs: 90_000,
      }),
    ]);
  });

  it('keeps watching through a transient Power BI fault', async () => {
    const h = harness();
    const ds = h.fake.addDataset({ id: `ds-${tenant}`, name: 'Flaky', workspaceId: `ws-${tenant}` });
    await detectRefreshFailures(h.deps());
    await watchRefresh(azurite.connectionString, { workspaceId: ds.workspaceId, datasetId: ds.id, startedAt: new Date(t0).toISOString() });
    ds.history.unshift(refresh('r1', 'Failed', t0, 30_000, 'ViaApi'));
    h.fake.failHistory.add(ds.id);
    h.setNow(t0 + minute);
    expect(await detectRefreshFailures(h.deps())).toMatchObject({ watched: 1, newFailures: 0 });
    expect(await detectRefreshFailures(h.deps())).toMatchObject({ watched: 1, newFailures: 1 });
  });
});
