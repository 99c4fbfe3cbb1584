import type { RefreshFailedNotification, RefreshRetryFinishedNotification } from '@planboard/contracts';
import type { Refresh } from '../powerbi';
import type { DatasetRecord } from './catalog-store';
import { failureNotificationId } from './failure-store';
import type { FailureFact } from './history';
import { refreshKey } from './history';
import type { RetryContext, WatchEntry } from './watch-store';

const clip = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** The queue message for a failure; its id is derived from the dataset and refresh, never random. */
export function failureNotification(
  fact: FailureFact,
  dataset: Pick<DatasetRecord, 'datasetId' | 'workspaceId' | 'datasetName' | 'workspaceName' | 'environment' | 'scopeIds'>,
  createdAt: string,
): RefreshFailedNotification {
  return {
    kind: 'refreshFailed',
    id: failureNotificationId(dataset.datasetId, fact.requestId),
    version: 1,
    createdAt,
    workspaceId: dataset.workspaceId,
    workspaceName: clip(dataset.workspaceName || dataset.workspaceId, 400),
    datasetId: dataset.datasetId,
    datasetName: clip(dataset.datasetName || dataset.datasetId, 400),
    environment: clip(dataset.environment || 'Unassigned', 100),
    errorCode: clip(fact.errorCode, 400),
    errorDescription: clip(fact.errorDescription, 4000),
    requestId: clip(fact.requestId, 200),
    refreshType: clip(fact.refreshType, 50),
    scheduled: fact.scheduled,
    startedAt: fact.startedAt,
    endedAt: fact.endedAt,
    durationMs: fact.durationMs,
    lastSuccessAt: fact.lastSuccessAt,
    consecutiveFailures: fact.consecutiveFailures,
    ...(dataset.scopeIds?.length ? { scopeIds: dataset.scopeIds } : {}),
  };
}

/** The outcome of a retry started from a card, for the bot to update that card. */
export function retryOutcomeNotification(
  refresh: Refresh,
  entry: Pick<WatchEntry, 'datasetId'> & { retry: RetryContext },
  createdAt: string,
): RefreshRetryFinishedNotification {
  const start = Date.parse(refresh.startTime ?? '');
  const end = Date.parse(refresh.endTime ?? '');
  const failed = refresh.status !== 'Completed';
  const errorCode = failed
    ? (/"errorCode"\s*:\s*"([^"]*)"/.exec(refresh.serviceExceptionJson ?? '')?.[1] ?? refresh.status ?? 'Failed')
    : undefined;
  return {
    kind: 'refreshRetryFinished',
    id: `refreshRetryFinished:${entry.datasetId}:${refreshKey(refresh)}`,
    version: 1,
    createdAt,
    notificationId: entry.retry.notificationId,
    datasetId: entry.datasetId,
    status: failed ? 'Failed' : 'Completed',
    endedAt: new Date(end).toISOString(),
    durationMs: Number.isNaN(start) || Number.isNaN(end) ? 0 : Math.max(0, end - start),
    ...(errorCode ? { errorCode: clip(errorCode, 400) } : {}),
  };
}
