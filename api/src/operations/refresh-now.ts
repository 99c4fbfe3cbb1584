import type { RefreshStarted } from '@planboard/contracts';
import { ApiError, badRequest } from '../errors';
import { PowerBiError, type PowerBiClient, type DatasetRecord, type ServiceClock, type WatchStore } from '@planboard/server';
import { powerBiRefusal } from './powerbi-refusal';

/** How long a refresh we started is watched for (Power BI's own timeout is 5 hours). */
const maxRefreshMs = 5 * 60 * 60_000;

export interface RefreshNowDeps {
  powerBi: Pick<PowerBiClient, 'refreshes'>;
  watch: WatchStore;
  clock: ServiceClock;
}

/**
 * Starts a refresh as the service principal and returns at once. The model goes on the detection
 * watch list (as a bot-started refresh does), so its outcome is followed and a failure alerted.
 * A refresh already running is a 409; a used-up daily quota on shared capacity is a 409 too.
 */
export async function refreshNow(deps: RefreshNowDeps, dataset: DatasetRecord): Promise<RefreshStarted> {
  if (!dataset.refreshable)
    throw badRequest(`${dataset.datasetName} cannot be refreshed (push datasets receive their rows through the API).`);
  let requestId: string | undefined;
  try {
    ({ requestId } = await deps.powerBi.refreshes.trigger(dataset.workspaceId, dataset.datasetId));
  } catch (error) {
    if (error instanceof PowerBiError && error.kind === 'user' && /already executing|already running|in progress/i.test(error.message)) {
      throw new ApiError(409, 'Conflict', `A refresh of ${dataset.datasetName} is already running. Wait until it has finished.`);
    }
    if (error instanceof PowerBiError && error.kind === 'user' && /exceeded limit|last 24 hours/i.test(error.message)) {
      throw new ApiError(
        409,
        'Conflict',
        `${dataset.datasetName} has used up its refreshes for the last 24 hours on shared capacity (8 a day).`,
      );
    }
    powerBiRefusal(error, 'the refresh');
  }
  const startedAt = new Date(await deps.clock.now()).toISOString();
  await deps.watch.watch({
    datasetId: dataset.datasetId,
    workspaceId: dataset.workspaceId,
    reason: 'triggered',
    since: startedAt,
    expiresAt: new Date(Date.parse(startedAt) + maxRefreshMs).toISOString(),
    datasetName: dataset.datasetName,
    workspaceName: dataset.workspaceName,
    ...(requestId ? { requestId } : {}),
  });
  return { datasetId: dataset.datasetId, requestId: requestId ?? null, startedAt, status: 'Unknown' };
}
