import { WatchStore } from './watch-store';

/** A refresh another part of Planboard started (e.g. plan submit) and wants alerts for. */
export interface WatchRequest {
  workspaceId: string;
  datasetId: string;
  /** `requestId` from `refreshes.trigger`, when the service returned one. */
  requestId?: string;
  /** When it was started (ISO); default now. Use service time when it differs (the emulator). */
  startedAt?: string;
  datasetName?: string;
  workspaceName?: string;
}

/** How long a triggered refresh is waited for before giving up on it (Power BI's default timeout is 5 h). */
const maxRefreshMs = 5 * 60 * 60_000;

/**
 * Puts a dataset on the detection watch list after starting its refresh, so the next poll (within
 * 30 s) looks at it and a failure reaches the subscribed chats. Idempotent.
 *
 * @example
 * const { requestId } = await powerBi.refreshes.trigger(workspaceId, datasetId);
 * await watchRefresh(config().AzureWebJobsStorage, { workspaceId, datasetId, requestId });
 */
export async function watchRefresh(connectionString: string, request: WatchRequest): Promise<void> {
  const since = request.startedAt ?? new Date().toISOString();
  await new WatchStore(connectionString).watch({
    datasetId: request.datasetId,
    workspaceId: request.workspaceId,
    reason: 'triggered',
    since,
    expiresAt: new Date(Date.parse(since) + maxRefreshMs).toISOString(),
    ...(request.requestId ? { requestId: request.requestId } : {}),
    ...(request.datasetName ? { datasetName: request.datasetName } : {}),
    ...(request.workspaceName ? { workspaceName: request.workspaceName } : {}),
  });
}
