import type {
  ModelStaleNotification,
  RefreshFailedNotification,
  ScheduleAtRiskNotification,
  ScheduleDisabledNotification,
} from '@planboard/contracts';
import type { DatasetRecord } from '../catalog-store';
import type { Staleness } from './stale';

const clip = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** The dataset part of a failure, reused by the alerts that failure leads to. */
function datasetOf(failure: RefreshFailedNotification) {
  return {
    workspaceId: failure.workspaceId,
    workspaceName: failure.workspaceName,
    datasetId: failure.datasetId,
    datasetName: failure.datasetName,
    environment: failure.environment,
    lastSuccessAt: failure.lastSuccessAt,
    ...(failure.scopeIds?.length ? { scopeIds: failure.scopeIds } : {}),
  };
}

/** Ids name the event (the streak's third failure), so every host and every retry computes the same one. */
export function atRiskNotification(failure: RefreshFailedNotification, createdAt: string): ScheduleAtRiskNotification {
  return {
    kind: 'scheduleAtRisk',
    id: `scheduleAtRisk:${failure.datasetId}:${failure.requestId}`,
    version: 1,
    createdAt,
    ...datasetOf(failure),
    requestId: failure.requestId,
    endedAt: failure.endedAt,
    errorCode: failure.errorCode,
    errorDescription: failure.errorDescription,
    consecutiveFailures: failure.consecutiveFailures,
  };
}

/** One per disabling: the failure after which the schedule was found disabled names it. */
export function disabledNotification(failure: RefreshFailedNotification, createdAt: string): ScheduleDisabledNotification {
  return {
    kind: 'scheduleDisabled',
    id: `scheduleDisabled:${failure.datasetId}:${failure.requestId}`,
    version: 1,
    createdAt,
    ...datasetOf(failure),
    requestId: failure.requestId,
    endedAt: failure.endedAt,
    errorCode: failure.errorCode,
    consecutiveFailures: failure.consecutiveFailures,
  };
}

/** A staleness episode is named by the last success it started after: a new success re-arms it. */
export function staleNotificationId(datasetId: string, lastSuccessAt: string | null): string {
  return `modelStale:${datasetId}:${lastSuccessAt ?? 'never'}`;
}

export function staleNotification(
  record: Pick<DatasetRecord, 'datasetId' | 'workspaceId' | 'datasetName' | 'workspaceName' | 'environment' | 'scopeIds'>,
  stale: Staleness,
  createdAt: string,
): ModelStaleNotification {
  return {
    kind: 'modelStale',
    id: staleNotificationId(record.datasetId, stale.lastSuccessAt),
    version: 1,
    createdAt,
    workspaceId: record.workspaceId,
    workspaceName: clip(record.workspaceName || record.workspaceId, 400),
    datasetId: record.datasetId,
    datasetName: clip(record.datasetName || record.datasetId, 400),
    environment: clip(record.environment || 'Unassigned', 100),
    lastSuccessAt: stale.lastSuccessAt,
    ...(record.scopeIds?.length ? { scopeIds: record.scopeIds } : {}),
    staleSince: stale.staleSince,
    scheduleEnabled: stale.scheduleEnabled,
  };
}
