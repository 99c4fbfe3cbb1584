import type { HistoryFetchResult, StoredRefresh } from '@planboard/contracts';
import {
  parseServiceException,
  type PowerBiClient,
  type Refresh,
  type CatalogStore,
  type DatasetRecord,
  type LastRefresh,
} from '@planboard/server';
import type { HistoryStore } from './history-store';

/** Entries read on a model's first fetch, and the most any fetch reads (Power BI keeps about 60). */
export const firstFetchTop = 100;
/** Entries read first on later fetches; more only when they do not reach what is stored. */
export const incrementalTop = 10;

/** The error of a failed refresh: its own `serviceExceptionJson`, else its last attempt's. */
function errorOf(refresh: Refresh): { errorCode: string | null; errorDescription: string | null } {
  const attempts = [...(refresh.refreshAttempts ?? [])].reverse();
  const parsed =
    parseServiceException(refresh.serviceExceptionJson) ?? attempts.map((a) => parseServiceException(a.serviceExceptionJson)).find(Boolean);
  return { errorCode: parsed?.errorCode ?? null, errorDescription: parsed?.errorDescription ?? null };
}

/** Power BI's history entry as stored; undefined for an entry without a start time (it cannot be keyed). */
export function toStoredRefresh(refresh: Refresh): StoredRefresh | undefined {
  const start = Date.parse(refresh.startTime ?? '');
  if (Number.isNaN(start) || !refresh.startTime) return undefined;
  const end = Date.parse(refresh.endTime ?? '');
  return {
    // Power BI gives every history entry a request id; the start time stands in should one lack it.
    requestId: refresh.requestId ?? `start-${refresh.startTime}`,
    refreshType: refresh.refreshType ?? 'Unknown',
    startTime: new Date(start).toISOString(),
    endTime: Number.isNaN(end) ? null : new Date(end).toISOString(),
    durationMs: Number.isNaN(end) ? null : Math.max(0, end - start),
    status: refresh.status ?? 'Unknown',
    ...(refresh.status === 'Failed' ? errorOf(refresh) : { errorCode: null, errorDescription: null }),
    attempts: refresh.refreshAttempts?.length ?? 0,
  };
}

export function lastRefreshOf(refresh: StoredRefresh | undefined): LastRefresh | null {
  if (!refresh) return null;
  return { status: refresh.status, startTime: refresh.startTime, endTime: refresh.endTime, durationMs: refresh.durationMs };
}

export interface HistoryFetchDeps {
  powerBi: Pick<PowerBiClient, 'refreshes'>;
  history: HistoryStore;
  catalog: CatalogStore;
}

/**
 * Brings a model's stored history up to date. The first fetch reads the newest 100; later ones
 * read the newest 10 and, when those do not reach back to the newest stored refresh (more than 10
 * ran since), read 100, so nothing between is skipped. Rows are keyed by start time and request id
 * and written conditionally (see `HistoryStore.putAll`), so hosts fetching the same model at once
 * store each refresh exactly once. A stored refresh still running is re-read until it is final.
 */
export async function fetchHistory(
  deps: HistoryFetchDeps,
  dataset: Pick<DatasetRecord, 'datasetId' | 'workspaceId'> & Partial<Pick<DatasetRecord, 'schedule'>>,
): Promise<HistoryFetchResult> {
  const { datasetId, workspaceId } = dataset;
  // The schedule measures scheduled refreshes' start delay; a bulk fetch passes only ids.
  const schedule = 'schedule' in dataset ? dataset.schedule : (await deps.catalog.get(datasetId))?.schedule;
  // The oldest stored refresh still running, else the newest stored: the fetch must reach back to it.
  const recent = await deps.history.window(datasetId, { top: incrementalTop });
  const anchor = [...recent].reverse().find((row) => row.status === 'Unknown') ?? recent[0];
  let top = anchor ? incrementalTop : firstFetchTop;
  let read: Refresh[] = [];
  let reached = true;
  for (;;) {
    read = await deps.powerBi.refreshes.history(workspaceId, datasetId, { top });
    reached =
      !anchor ||
      read.length < top ||
      read.some((refresh) => refresh.startTime !== undefined && Date.parse(refresh.startTime) <= Date.parse(anchor.startTime));
    if (reached || top >= firstFetchTop) break;
    top = firstFetchTop;
  }
  const stored = read.map(toStoredRefresh).filter((refresh): refresh is StoredRefresh => refresh !== undefined);
  const { added, updated } = await deps.history.putAll(datasetId, stored, schedule ? { schedule } : {});
  const lastRefresh = lastRefreshOf(await deps.history.newest(datasetId));
  if (lastRefresh) await deps.catalog.merge({ datasetId, lastRefresh });
  return { datasetId, read: read.length, added, updated, gap: !reached, lastRefresh };
}
