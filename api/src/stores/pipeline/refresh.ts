import type { StoreRunRefresh } from '@planboard/contracts';
import { parseServiceException, type PowerBiClient } from '@planboard/server';
import { reportCatalog } from '../../reports/catalog';
import { reportMetadata } from '../../reports/metadata';

export interface RefreshFollowOptions {
  /** How long the run follows the refresh before recording it as still running (failed to confirm). */
  timeoutMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Refreshes the store sales semantic model (the dataset behind the catalog's store report, which
 * imports `storesales`) and follows it in the refresh history until it completes or fails, so
 * the run report says whether the report shows the new rows.
 */
export async function refreshStoreModel(client: PowerBiClient, options: RefreshFollowOptions = {}): Promise<StoreRunRefresh> {
  const entry = reportCatalog().find((candidate) => candidate.key === 'stores');
  if (!entry) return { state: 'failed', error: 'No store report is configured.' };
  try {
    const { datasetId } = await reportMetadata(client, entry);
    const startedAt = Date.now();
    const triggered = await client.refreshes.trigger(entry.workspaceId, datasetId);
    const requestId = triggered.requestId;
    const deadline = startedAt + (options.timeoutMs ?? 120_000);
    for (;;) {
      const [latest] = await client.refreshes.history(entry.workspaceId, datasetId, { top: 1 });
      const status = latest?.status;
      if (latest && status && status !== 'Unknown' && Date.parse(latest.startTime ?? '') >= startedAt - 60_000) {
        if (status === 'Completed') return { state: 'completed', ...(requestId ? { requestId } : {}) };
        const exception = latest.serviceExceptionJson ? parseServiceException(latest.serviceExceptionJson) : undefined;
        return {
          state: 'failed',
          ...(requestId ? { requestId } : {}),
          error: `The store sales model's refresh ended ${status}${exception ? `: ${JSON.stringify(exception)}` : ''}.`,
        };
      }
      if (Date.now() > deadline)
        return { state: 'failed', ...(requestId ? { requestId } : {}), error: 'The refresh did not finish in time; see Operations.' };
      await (options.sleep ?? pause)(options.pollMs ?? 1000);
    }
  } catch (error) {
    return { state: 'failed', error: `The store sales model was not refreshed: ${messageOf(error)}` };
  }
}
