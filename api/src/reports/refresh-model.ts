import { PowerBiError, type PowerBiClient } from '@planboard/server';
import { reportCatalog, type CatalogEntry } from './catalog';
import { reportMetadata } from './metadata';

/** How long one trigger waits for Power BI to accept the refresh. */
const triggerTimeoutMs = 10_000;
/** Between two tries while another refresh of the model runs. */
const busyPauseMs = 2_000;
/** How long a refresh refused as busy keeps being asked for in the background. */
const busyRetryMs = 5 * 60_000;

/** Power BI's 400 "Another refresh request is already executing". */
function isBusy(error: unknown): boolean {
  return error instanceof PowerBiError && error.status === 400 && /already executing/i.test(error.message);
}

/** Test seams: the pause between tries and how long to keep trying. */
export interface RefreshModelOptions {
  retryBusyForMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** What became of the request: Power BI started a refresh, will be asked again (busy), or refused. */
export type ModelRefresh = 'started' | 'queued' | 'failed';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Per process: datasets whose refresh was refused as busy and is being asked for again (one loop each). */
const queued = new Map<string, Promise<void>>();

/** Waits for the queued background refreshes (tests). */
export async function settleModelRefreshes(): Promise<void> {
  await Promise.all(queued.values());
}

/**
 * Asks Power BI to refresh the dataset behind a catalog report, so an import model fed from
 * Table Storage imports what was just written (a KPI point, a grant) instead of waiting for its
 * schedule. Power BI runs one refresh of a model at a time, and a running one may have read
 * storage before the write: then it is asked again in the background until it takes a new one
 * (a few minutes at most), so the caller never waits for it. Storage is the record: a refusal
 * is logged as a warning, never thrown, and the model's schedule remains the backstop.
 */
export async function refreshReportModel(
  client: PowerBiClient,
  key: CatalogEntry['key'],
  warn: (message: string) => void,
  options: RefreshModelOptions = {},
): Promise<ModelRefresh> {
  const entry = reportCatalog().find((candidate) => candidate.key === key);
  if (!entry) return 'failed';
  const failed = (error: unknown): ModelRefresh => {
    warn(`The ${entry.key} report's model was not refreshed after the write: ${messageOf(error)}`);
    return 'failed';
  };
  let datasetId: string;
  try {
    datasetId = (await reportMetadata(client, entry)).datasetId;
  } catch (error) {
    return failed(error);
  }
  const trigger = () =>
    client.refreshes.trigger(entry.workspaceId, datasetId, undefined, { signal: AbortSignal.timeout(triggerTimeoutMs) });
  try {
    await trigger();
    return 'started';
  } catch (error) {
    if (!isBusy(error)) return failed(error);
  }
  const id = datasetId.toLowerCase();
  if (queued.has(id)) return 'queued';
  const giveUpAt = Date.now() + (options.retryBusyForMs ?? busyRetryMs);
  const loop = (async () => {
    for (;;) {
      await (options.sleep ?? pause)(busyPauseMs);
      try {
        await trigger();
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= giveUpAt) {
          failed(error);
          return;
        }
      }
    }
  })().finally(() => queued.delete(id));
  queued.set(id, loop);
  return 'queued';
}

/**
 * After a grant changes, refreshes every report's model that filters by row-level security, so
 * their `Security` tables (imported from the grants in Table Storage) stop showing a revoked
 * scope and start showing a granted one without waiting for the schedule.
 */
export async function refreshSecurityModels(
  client: PowerBiClient,
  warn: (message: string) => void,
  options: RefreshModelOptions = {},
): Promise<ModelRefresh[]> {
  return Promise.all(
    reportCatalog().map(async (entry) => {
      const rls = await reportMetadata(client, entry).then(
        (metadata) => metadata.rlsRequired,
        () => true,
      );
      return rls ? refreshReportModel(client, entry.key, warn, options) : ('failed' as const);
    }),
  );
}
