import type { DatasetRecord } from '../catalog-store';
import { staleNotification, staleNotificationId } from './notifications';
import { raiseHealthAlert, type HealthDeps } from './rules';
import { staleness } from './stale';

/** The newest success Power BI reports, when newer than the catalog's. */
async function confirmedSuccess(deps: HealthDeps, record: DatasetRecord): Promise<string | undefined> {
  const history = await deps.powerBi.refreshes.history(record.workspaceId, record.datasetId, { top: 10 });
  const success = history.find((refresh) => refresh.status === 'Completed' && refresh.endTime)?.endTime;
  if (!success || (record.lastSuccessAt && Date.parse(success) <= Date.parse(record.lastSuccessAt))) return undefined;
  return success;
}

/**
 * Alerts each stale model once per staleness episode. Reads the catalog and the snoozes (two
 * queries) and asks Power BI only about models that look stale and were not alerted yet: a
 * success the detection did not watch (a manual refresh in the portal) clears them instead.
 */
export async function scanStaleModels(deps: HealthDeps, nowMs: number, graceMs: number): Promise<number> {
  const [records, snoozes] = await Promise.all([deps.catalog.list(), deps.health.snoozes(nowMs)]);
  let raised = 0;
  for (const record of records) {
    let stale = staleness(record, nowMs, graceMs);
    if (!stale || snoozes.has(record.datasetId)) continue;
    if (await deps.health.has(staleNotificationId(record.datasetId, stale.lastSuccessAt))) continue;
    try {
      const success = await confirmedSuccess(deps, record);
      if (success) {
        await deps.catalog.merge({ datasetId: record.datasetId, lastSuccessAt: success });
        stale = staleness({ ...record, lastSuccessAt: success }, nowMs, graceMs);
        if (!stale || (await deps.health.has(staleNotificationId(record.datasetId, stale.lastSuccessAt)))) continue;
      }
      if (await raiseHealthAlert(deps, staleNotification(record, stale, new Date(deps.realNow()).toISOString()))) raised += 1;
    } catch (error) {
      // One model's fault (history unavailable, queue hiccup) must not stop the others; the next scan retries.
      deps.log(`Stale check of ${record.datasetId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return raised;
}
