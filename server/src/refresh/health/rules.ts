import type { Notification, RefreshFailedNotification, ScheduleHealthNotification } from '@planboard/contracts';
import type { CatalogStore } from '../catalog-store';
import { applySchedule, storedSchedule, type CatalogPowerBi } from '../catalog-sync';
import type { WatchStore } from '../watch-store';
import { atRiskNotification, disabledNotification } from './notifications';
import type { HealthStore } from './store';

/** What the schedule-health rules use (a subset of the detection run's dependencies). */
export interface HealthDeps {
  powerBi: Pick<CatalogPowerBi, 'refreshes'>;
  catalog: CatalogStore;
  watch: WatchStore;
  health: HealthStore;
  send: (notification: Notification) => Promise<void>;
  realNow: () => number;
  log: (message: string) => void;
}

/** Power BI disables a schedule after this many scheduled failures in a row; we warn one before. */
export const failuresBeforeDisable = 4;
const warnAt = failuresBeforeDisable - 1;

/**
 * Records an alert, then enqueues it: only the host whose insert won sends it, and a crash in
 * between leaves the row `enqueued: false` for the repair pass. True when this call sent it.
 */
export async function raiseHealthAlert(
  deps: Pick<HealthDeps, 'health' | 'send' | 'realNow'>,
  alert: ScheduleHealthNotification,
): Promise<boolean> {
  const stored = await deps.health.record(alert, new Date(deps.realNow()).toISOString());
  if (!stored) return false;
  await deps.send(alert);
  await deps.health.markEnqueued(stored);
  return true;
}

/**
 * What a newly found scheduled failure means for the schedule: the third in a row warns (unless
 * the model is snoozed); from the third on we ask Power BI whether it has disabled the schedule,
 * and if so alert once, store the disabled schedule and stop polling its slots. Runs once per
 * failure (after its own alert was enqueued); repeats are harmless, the alert ids are per event.
 */
export async function onScheduledFailure(deps: HealthDeps, failure: RefreshFailedNotification, nowMs: number): Promise<number> {
  if (!failure.scheduled || failure.consecutiveFailures < warnAt) return 0;
  const createdAt = new Date(deps.realNow()).toISOString();
  let raised = 0;
  if (failure.consecutiveFailures === warnAt && !(await deps.health.snoozedUntil(failure.datasetId, nowMs))) {
    if (await raiseHealthAlert(deps, atRiskNotification(failure, createdAt))) raised += 1;
  }
  const schedule = storedSchedule(await deps.powerBi.refreshes.schedule(failure.workspaceId, failure.datasetId));
  if (schedule && !schedule.enabled && schedule.days.length > 0) {
    // Not snoozable: the schedule stays off until someone acts, which is what the card is for.
    if (await raiseHealthAlert(deps, disabledNotification(failure, createdAt))) raised += 1;
    const record = await deps.catalog.get(failure.datasetId);
    if (record?.schedule?.enabled) await applySchedule(deps, record, schedule, nowMs);
  }
  return raised;
}

/** Sends alerts a crashed run recorded but never enqueued; each is claimed by ETag, so once. */
export async function repairHealthAlerts(deps: Pick<HealthDeps, 'health' | 'send' | 'realNow'>, repairAfterMs: number): Promise<number> {
  let repaired = 0;
  const realNow = deps.realNow();
  for (const alert of await deps.health.pending()) {
    if (realNow - Date.parse(alert.detectedAt) < repairAfterMs) continue;
    const etag = await deps.health.claim(alert, new Date(realNow).toISOString());
    if (!etag) continue;
    await deps.send(alert.notification);
    await deps.health.markEnqueued({ rowKey: alert.rowKey, etag });
    repaired += 1;
  }
  return repaired;
}
