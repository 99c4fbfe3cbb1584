import type { Dataset, Group, PowerBiClient, RefreshSchedule } from '../powerbi';
import type { CatalogStore, DatasetRecord } from './catalog-store';
import { nextSlotAfter, type StoredSchedule } from './slots';
import type { WatchStore } from './watch-store';

/** The Power BI operations the catalog sync uses. */
export type CatalogPowerBi = Pick<PowerBiClient, 'groups' | 'datasets' | 'refreshes'>;

/** Dev/Test/Prod from a workspace name such as `Planboard Budget (Prod)` or `Sales - UAT`. */
export function environmentOf(workspaceName: string): string {
  const suffix = /\(([^()]+)\)\s*$/.exec(workspaceName)?.[1]?.trim();
  const words = `${suffix ?? ''} ${workspaceName}`.toLowerCase();
  if (/\bprod(uction)?\b/.test(words)) return 'Prod';
  if (/\b(test|uat|qa|staging)\b/.test(words)) return 'Test';
  if (/\bdev(elopment)?\b/.test(words)) return 'Dev';
  return suffix && suffix.length <= 20 ? suffix : 'Unassigned';
}

/** Power BI's schedule as we store it (missing fields mean "never runs"). */
export function storedSchedule(schedule: RefreshSchedule | undefined): StoredSchedule | undefined {
  if (!schedule) return undefined;
  return {
    days: schedule.days ?? [],
    times: schedule.times ?? [],
    enabled: schedule.enabled ?? false,
    localTimeZoneId: schedule.localTimeZoneId ?? 'UTC',
  };
}

/**
 * Stores a dataset's schedule and moves its slot row to the next slot after `nowMs` (service time).
 * Used by the sync and by the bot after `schedule … set`.
 */
export async function applySchedule(
  stores: { catalog: CatalogStore; watch: WatchStore },
  record: Pick<DatasetRecord, 'datasetId' | 'workspaceId' | 'slotKey'>,
  schedule: StoredSchedule | undefined,
  nowMs: number,
): Promise<string | undefined> {
  // A slot already due is left for detection to promote (it then computes the next one itself).
  const due = record.slotKey !== undefined && record.slotKey !== '' && Date.parse(record.slotKey.split('|')[0] ?? '') <= nowMs;
  if (due) {
    await stores.catalog.merge({ datasetId: record.datasetId, schedule });
    return record.slotKey;
  }
  const next = nextSlotAfter(schedule, nowMs);
  const key = next === undefined ? undefined : await stores.watch.addSlot(record.datasetId, record.workspaceId, next);
  if (record.slotKey && record.slotKey !== key) await stores.watch.removeSlot(record.slotKey);
  await stores.catalog.merge({ datasetId: record.datasetId, schedule, slotKey: key ?? '' });
  return key;
}

const isRefreshable = (dataset: Dataset): boolean => dataset.isRefreshable !== false && dataset.addRowsAPIEnabled !== true;

/** What a sync did. */
export interface SyncReport {
  workspaces: number;
  datasets: number;
  removed: number;
  powerBiCalls: number;
  failedWorkspaces: string[];
}

/**
 * Reads every workspace, dataset and schedule the service principal can see into the catalog.
 * Runs rarely (every few hours, and once before the first detection run): its cost grows with the
 * number of datasets, which is why polls never do this. New datasets start "seen until now", so
 * history from before Planboard watched them is never alerted.
 */
export async function syncCatalog(
  powerBi: CatalogPowerBi,
  stores: { catalog: CatalogStore; watch: WatchStore },
  nowMs: number,
): Promise<SyncReport> {
  let calls = 1;
  const groups: Group[] = await powerBi.groups.list();
  const failedWorkspaces: string[] = [];
  const perGroup = await Promise.all(
    groups.map(async (group) => {
      try {
        calls += 1;
        const datasets = await powerBi.datasets.list(group.id);
        return await Promise.all(
          datasets.map(async (dataset) => {
            if (!isRefreshable(dataset)) return { group, dataset, schedule: undefined };
            calls += 1;
            const schedule = await powerBi.refreshes.schedule(group.id, dataset.id).catch(() => undefined);
            return { group, dataset, schedule: storedSchedule(schedule) };
          }),
        );
      } catch {
        // One unreadable workspace must not stop the others; its datasets keep their old rows.
        failedWorkspaces.push(group.id);
        return [];
      }
    }),
  );
  const found = perGroup.flat();
  const existing = new Map((await stores.catalog.list()).map((record) => [record.datasetId, record]));
  const now = new Date(nowMs).toISOString();
  for (const { group, dataset, schedule } of found) {
    const previous = existing.get(dataset.id);
    existing.delete(dataset.id);
    const workspaceName = group.name ?? group.id;
    await stores.catalog.merge({
      datasetId: dataset.id,
      workspaceId: group.id,
      workspaceName,
      datasetName: dataset.name ?? dataset.id,
      environment: environmentOf(workspaceName),
      refreshable: isRefreshable(dataset),
      ...(dataset.configuredBy ? { configuredBy: dataset.configuredBy } : {}),
      ...(dataset.targetStorageMode ? { storageMode: dataset.targetStorageMode } : {}),
      ...(previous ? {} : { seenUntil: now }),
    });
    await applySchedule(stores, { datasetId: dataset.id, workspaceId: group.id, slotKey: previous?.slotKey }, schedule, nowMs);
  }
  const failed = new Set(failedWorkspaces);
  let removed = 0;
  for (const stale of existing.values()) {
    if (failed.has(stale.workspaceId)) continue;
    if (stale.slotKey) await stores.watch.removeSlot(stale.slotKey);
    await stores.catalog.remove(stale.datasetId);
    removed += 1;
  }
  await stores.catalog.markSynced(now);
  return { workspaces: groups.length, datasets: found.length, removed, powerBiCalls: calls, failedWorkspaces };
}

/**
 * One workspace's datasets and schedules into the catalog (the bulk fetch runs this once per
 * workspace, on whichever host takes its queue message). Datasets gone from the workspace are
 * removed; other workspaces' rows are not touched. Returns the workspace's datasets.
 */
export async function syncWorkspaceDatasets(
  powerBi: Pick<PowerBiClient, 'datasets' | 'refreshes'>,
  stores: { catalog: CatalogStore; watch: WatchStore },
  group: Group,
  nowMs: number,
): Promise<Dataset[]> {
  const datasets = await powerBi.datasets.list(group.id);
  const schedules = await Promise.all(
    datasets.map(async (dataset) =>
      isRefreshable(dataset) ? storedSchedule(await powerBi.refreshes.schedule(group.id, dataset.id).catch(() => undefined)) : undefined,
    ),
  );
  const existing = new Map((await stores.catalog.listInWorkspace(group.id)).map((record) => [record.datasetId, record]));
  const now = new Date(nowMs).toISOString();
  const workspaceName = group.name ?? group.id;
  const found = new Set(datasets.map((dataset) => dataset.id));
  await Promise.all(
    datasets.map(async (dataset, index) => {
      const previous = existing.get(dataset.id);
      await stores.catalog.merge({
        datasetId: dataset.id,
        workspaceId: group.id,
        workspaceName,
        datasetName: dataset.name ?? dataset.id,
        environment: environmentOf(workspaceName),
        refreshable: isRefreshable(dataset),
        ...(dataset.configuredBy ? { configuredBy: dataset.configuredBy } : {}),
        ...(dataset.targetStorageMode ? { storageMode: dataset.targetStorageMode } : {}),
        ...(previous ? {} : { seenUntil: now }),
      });
      await applySchedule(stores, { datasetId: dataset.id, workspaceId: group.id, slotKey: previous?.slotKey }, schedules[index], nowMs);
    }),
  );
  for (const stale of existing.values()) {
    if (found.has(stale.datasetId)) continue;
    if (stale.slotKey) await stores.watch.removeSlot(stale.slotKey);
    await stores.catalog.remove(stale.datasetId);
  }
  return datasets;
}
