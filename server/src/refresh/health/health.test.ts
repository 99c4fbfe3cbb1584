import type { Notification } from '@planboard/contracts';
import { startAzurite, type RunningAzurite } from '../../../../emulators/stack/src/azurite';
import { freePort } from '../../../../emulators/stack/src/ports';
import { fixedClock } from '../clock';
import { syncCatalog } from '../catalog-sync';
import { refreshStores } from '../create';
import { detectRefreshFailures, type DetectionDeps } from '../detect';
import { FakePowerBi, refresh } from '../test-support/fake-powerbi';

/**
 * Schedule health through the detection run, against real Table Storage (its own Azurite) and a
 * scripted Power BI: every step runs detection on two "hosts" at once, as scale-out would.
 */
let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
}, 30_000);
afterAll(() => azurite?.stop(), 30_000);

const t0 = Date.parse('2026-03-06T05:50:00Z'); // a Friday, ten minutes before a 06:00 slot
const minute = 60_000;
const day = 24 * 60 * minute;
const everyDay = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

let tenant = 0;
function harness() {
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
    // Longer than one run: a second host must not "repair" a failure the first is still handling.
    repairAfterMs: 5 * minute,
    staleScanEveryMs: 0,
    realNow: () => now,
    log: () => undefined,
    ...overrides,
  });
  /** Two hosts' timers at once. */
  const run = async (at: number) => {
    now = at;
    await Promise.all([detectRefreshFailures(deps()), detectRefreshFailures(deps())]);
  };
  /** Each test reads its own fake tenant into the shared catalog (the tests share one storage account). */
  const sync = () => syncCatalog(fake.client(), stores, t0);
  const kinds = <K extends Notification['kind']>(kind: K) => sent.filter((n): n is Extract<Notification, { kind: K }> => n.kind === kind);
  const runWith = async (at: number, overrides: Partial<DetectionDeps>) => {
    now = at;
    await detectRefreshFailures(deps(overrides));
  };
  return { fake, sent, stores, run, runWith, sync, kinds, id: (name: string) => `${name}-${tenant}` };
}

describe('schedule health', () => {
  it('warns once on the third scheduled failure in a row and once when Power BI disables the schedule', async () => {
    const h = harness();
    const schedule = { days: [...everyDay], times: ['06:00', '06:30', '07:00', '07:30', '08:00'], enabled: true, localTimeZoneId: 'UTC' };
    const ds = h.fake.addDataset({ id: h.id('ds'), name: 'Budget <b>Prod</b>', workspaceId: h.id('ws'), schedule });
    await h.sync();
    await h.run(t0);
    for (let failure = 1; failure <= 4; failure += 1) {
      const slot = t0 + 10 * minute + (failure - 1) * 30 * minute;
      ds.history.unshift(refresh(`r${failure}`, 'Failed', slot, 20_000));
      // Power BI disables the schedule as the fourth failure ends.
      if (failure === 4) ds.schedule = { ...schedule, enabled: false };
      await h.run(slot + minute);
      await h.run(slot + 2 * minute);
      expect(h.kinds('refreshFailed')).toHaveLength(failure);
      expect(h.kinds('scheduleAtRisk')).toHaveLength(failure >= 3 ? 1 : 0);
      expect(h.kinds('scheduleDisabled')).toHaveLength(failure >= 4 ? 1 : 0);
    }
    expect(h.kinds('scheduleAtRisk')[0]).toMatchObject({
      id: `scheduleAtRisk:${ds.id}:r3`,
      datasetName: 'Budget <b>Prod</b>',
      consecutiveFailures: 3,
      errorCode: 'ModelRefreshFailed_CredentialsNotSpecified',
    });
    expect(h.kinds('scheduleDisabled')[0]).toMatchObject({ id: `scheduleDisabled:${ds.id}:r4`, consecutiveFailures: 4 });
    // The catalog knows the schedule is off, so its slots are no longer polled.
    expect((await h.stores.catalog.get(ds.id))?.schedule?.enabled).toBe(false);
    const before = h.sent.length;
    await h.run(t0 + 4 * 60 * minute);
    expect(h.sent.filter((n) => n.kind !== 'modelStale')).toHaveLength(before);
  });

  it('a snoozed model gets no third-failure warning, but still its failure alerts', async () => {
    const h = harness();
    const schedule = { days: [...everyDay], times: ['06:00', '06:30', '07:00'], enabled: true, localTimeZoneId: 'UTC' };
    const ds = h.fake.addDataset({ id: h.id('ds'), name: 'Snoozed', workspaceId: h.id('ws'), schedule });
    await h.sync();
    await h.run(t0);
    await h.stores.health.snooze({ datasetId: ds.id, until: new Date(t0 + day).toISOString(), by: 'Alex Morgan' });
    for (let failure = 1; failure <= 3; failure += 1) {
      const slot = t0 + 10 * minute + (failure - 1) * 30 * minute;
      ds.history.unshift(refresh(`r${failure}`, 'Failed', slot, 20_000));
      await h.run(slot + minute);
    }
    expect(h.kinds('refreshFailed')).toHaveLength(3);
    expect(h.kinds('scheduleAtRisk')).toHaveLength(0);
  });

  it('alerts a stale model once per staleness episode, re-armed by a success', async () => {
    const h = harness();
    const schedule = { days: [...everyDay], times: ['06:00'], enabled: true, localTimeZoneId: 'UTC' };
    const ds = h.fake.addDataset({ id: h.id('ds'), name: 'Never runs', workspaceId: h.id('ws'), schedule });
    const fresh = h.fake.addDataset({ id: h.id('fresh'), name: 'Fine', workspaceId: h.id('ws'), schedule });
    await h.sync();
    await h.run(t0);
    // Friday's and Saturday's 06:00 pass without any refresh; "Fine" succeeds each time.
    for (const slot of [t0 + 10 * minute, t0 + day + 10 * minute]) {
      fresh.history.unshift(refresh(`ok-${slot}`, 'Completed', slot));
      await h.run(slot + 2 * minute);
    }
    expect(h.kinds('modelStale')).toHaveLength(0);
    await h.run(t0 + day + 45 * minute);
    await h.run(t0 + day + 50 * minute);
    expect(h.kinds('modelStale')).toEqual([
      expect.objectContaining({ datasetId: ds.id, lastSuccessAt: null, staleSince: '2026-03-07T06:00:00.000Z', scheduleEnabled: true }),
    ]);
    // Sunday's refresh succeeds: the episode ends. Two more slots without success: a new one.
    ds.history.unshift(refresh('ok', 'Completed', t0 + 2 * day + 10 * minute));
    fresh.history.unshift(refresh('ok-sun', 'Completed', t0 + 2 * day + 10 * minute));
    await h.run(t0 + 2 * day + 12 * minute);
    expect((await h.stores.catalog.get(ds.id))?.lastSuccessAt).toBe('2026-03-08T06:01:00.000Z');
    await h.run(t0 + 3 * day + 12 * minute);
    expect(h.kinds('modelStale')).toHaveLength(1);
    await h.run(t0 + 4 * day + 45 * minute);
    expect(
      h
        .kinds('modelStale')
        .filter((n) => n.datasetId === ds.id)
        .map((n) => n.id),
    ).toEqual([`modelStale:${ds.id}:never`, `modelStale:${ds.id}:2026-03-08T06:01:00.000Z`]);
    // "Fine" had its last success on Sunday too, then missed Monday and Tuesday: stale now as well.
    expect(h.kinds('modelStale').filter((n) => n.datasetId === fresh.id)).toHaveLength(1);
  });

  it('sends a warning once even when the run that recorded it crashed before enqueueing it', async () => {
    const h = harness();
    const schedule = { days: [...everyDay], times: ['06:00', '06:30', '07:00'], enabled: true, localTimeZoneId: 'UTC' };
    const ds = h.fake.addDataset({ id: h.id('ds'), name: 'Crashy', workspaceId: h.id('ws'), schedule });
    await h.sync();
    await h.run(t0);
    for (let failure = 1; failure <= 2; failure += 1) {
      ds.history.unshift(refresh(`r${failure}`, 'Failed', t0 + 10 * minute + (failure - 1) * 30 * minute, 20_000));
      await h.run(t0 + 11 * minute + (failure - 1) * 30 * minute);
    }
    ds.history.unshift(refresh('r3', 'Failed', t0 + 70 * minute, 20_000));
    // The queue refuses the warning: the run records it, then dies before the enqueue.
    const flaky: DetectionDeps['send'] = async (notification) => {
      if (notification.kind === 'scheduleAtRisk') throw new Error('queue unreachable');
      h.sent.push(notification);
    };
    await h.runWith(t0 + 71 * minute, { send: flaky });
    expect(h.kinds('scheduleAtRisk')).toHaveLength(0);
    // Too early for repair (the first host may still be working), then repaired once on two hosts.
    await h.run(t0 + 72 * minute);
    expect(h.kinds('scheduleAtRisk')).toHaveLength(0);
    await h.run(t0 + 80 * minute);
    await h.run(t0 + 81 * minute);
    expect(h.kinds('scheduleAtRisk').map((n) => n.id)).toEqual([`scheduleAtRisk:${ds.id}:r3`]);
  });
});
