import type { CatalogStore } from './catalog-store';
import { syncCatalog, type CatalogPowerBi } from './catalog-sync';
import type { ServiceClock } from './clock';
import { onScheduledFailure, repairHealthAlerts, scanStaleModels, type HealthStore } from './health';
import { pollDataset, type PollDeps } from './poll-dataset';
import { nextSlotAfter } from './slots';
import type { WatchStore } from './watch-store';

/** Everything a detection run uses (built from settings by `createDetection`, or by tests). */
export interface DetectionDeps extends Omit<PollDeps, 'powerBi'> {
  powerBi: CatalogPowerBi;
  clock: ServiceClock;
  /** How long after a slot or a trigger we wait for the refresh to show up. */
  slotGraceMs: number;
  /** A record still `enqueued: false` after this long was abandoned by a crashed run. */
  repairAfterMs: number;
  /** Schedule-health state: alerts sent, snoozes, whose turn the stale scan is. */
  health: HealthStore;
  /** How often (service time) one host scans the catalog for stale models; default 5 minutes. */
  staleScanEveryMs?: number;
}

/** What a run did (logged by the timer, printed by the benchmark). */
export interface DetectionReport {
  /** The catalog was empty and was read from Power BI first. */
  synced: boolean;
  dueSlots: number;
  watched: number;
  /** Power BI requests of the poll itself (the bootstrap sync excluded). */
  powerBiCalls: number;
  newFailures: number;
  enqueued: number;
  repaired: number;
  outcomes: number;
  /** Schedule-health alerts enqueued (third failure, disabled schedule, stale model), repairs included. */
  healthAlerts: number;
}

const defaultStaleScanEveryMs = 5 * 60_000;

/** Datasets whose schedule slot has passed join the watch list; their next slot is indexed. */
async function promoteDueSlots(deps: DetectionDeps, stores: { catalog: CatalogStore; watch: WatchStore }, nowMs: number): Promise<number> {
  const due = await stores.watch.dueSlots(nowMs);
  for (const slot of due) {
    const slotMs = Date.parse(slot.slotAt);
    await stores.watch.watch({
      datasetId: slot.datasetId,
      workspaceId: slot.workspaceId,
      reason: 'slot',
      since: slot.slotAt,
      expiresAt: new Date(slotMs + deps.slotGraceMs).toISOString(),
    });
    const record = await stores.catalog.get(slot.datasetId);
    const next = nextSlotAfter(record?.schedule, Math.max(slotMs, nowMs));
    const key = next === undefined ? '' : await stores.watch.addSlot(slot.datasetId, slot.workspaceId, next);
    if (record) await stores.catalog.merge({ datasetId: slot.datasetId, slotKey: key });
    // Removed last: a run that dies before this promotes the same slot again, which is harmless.
    await stores.watch.removeSlot(slot.key);
  }
  return due.length;
}

/**
 * Finishes what a crashed run left: failures recorded but never marked enqueued. Each is claimed
 * with its ETag first, so two hosts repairing at once enqueue it once; a crash after the enqueue
 * but before the mark can still send it twice, which the bot's per-conversation dedupe absorbs.
 */
async function repairPending(deps: DetectionDeps, nowMs: number): Promise<number> {
  let repaired = 0;
  const realNow = deps.realNow();
  for (const failure of await deps.failures.pending(nowMs)) {
    if (realNow - Date.parse(failure.detectedAt) < deps.repairAfterMs) continue;
    const etag = await deps.failures.claim(failure, new Date(realNow).toISOString());
    if (!etag) continue;
    await deps.send(failure.notification);
    await deps.failures.markEnqueued({ ...failure, etag });
    repaired += 1;
  }
  return repaired;
}

/**
 * One detection run (the timer calls it every 30 s): promote due schedule slots, poll the
 * history of watched datasets only, record and enqueue new failures and the schedule-health alerts
 * they lead to, repair abandoned enqueues, and (one host every few minutes) look for stale models.
 * Safe to run on several hosts at once: every write is idempotent or guarded by an ETag.
 */
export async function detectRefreshFailures(deps: DetectionDeps): Promise<DetectionReport> {
  const stores = { catalog: deps.catalog, watch: deps.watch };
  let nowMs = await deps.clock.now();
  const synced = (await deps.catalog.syncedAt()) === undefined;
  if (synced) {
    deps.log('Refresh catalog is empty: reading workspaces, datasets and schedules from Power BI first.');
    await syncCatalog(deps.powerBi, stores, nowMs);
    nowMs = await deps.clock.now();
  }
  const dueSlots = await promoteDueSlots(deps, stores, nowMs);
  const watched = await deps.watch.list();
  let healthAlerts = 0;
  // Every newly found failure passes the schedule-health rules right after its own alert was
  // enqueued; if they fail, the failure stays unmarked and the repair pass runs both again.
  const send: DetectionDeps['send'] = async (notification) => {
    await deps.send(notification);
    if (notification.kind === 'refreshFailed') healthAlerts += await onScheduledFailure(deps, notification, nowMs);
  };
  const withHealth: DetectionDeps = { ...deps, send };
  const results = await Promise.all(
    watched.map((entry) =>
      pollDataset(withHealth, entry, nowMs).catch((error: unknown) => {
        // One dataset's storage or queue fault must not hide the others' failures; it is retried next run.
        deps.log(`Polling ${entry.datasetId} failed: ${error instanceof Error ? error.message : String(error)}`);
        return { powerBiCalls: 1, newFailures: 0, enqueued: 0, outcomes: 0, kept: true };
      }),
    ),
  );
  const sum = (key: 'powerBiCalls' | 'newFailures' | 'enqueued' | 'outcomes') => results.reduce((total, result) => total + result[key], 0);
  const repaired = await repairPending(withHealth, nowMs);
  const healthRepaired = await repairHealthAlerts(deps, deps.repairAfterMs);
  if (await deps.health.takeStaleScanTurn(nowMs, deps.staleScanEveryMs ?? defaultStaleScanEveryMs)) {
    healthAlerts += await scanStaleModels(deps, nowMs, deps.slotGraceMs);
  }
  return {
    synced,
    dueSlots,
    watched: watched.length,
    powerBiCalls: sum('powerBiCalls'),
    newFailures: sum('newFailures'),
    enqueued: sum('enqueued') + repaired,
    repaired,
    outcomes: sum('outcomes'),
    healthAlerts: healthAlerts + healthRepaired,
  };
}
