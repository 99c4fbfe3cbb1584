import type { DatasetState, RefreshFailure, RefreshRecord, ScheduleState } from '../model/types';
import { assertNever } from '../util/assert-never';

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** `serviceExceptionJson` is a string holding JSON (NOTES §1). */
export function serviceExceptionJson(failure: RefreshFailure): string {
  return JSON.stringify(
    failure.errorDescription
      ? { errorCode: failure.errorCode, errorDescription: failure.errorDescription }
      : { errorCode: failure.errorCode },
  );
}

function extendedStatus(refresh: RefreshRecord, now: number): string {
  switch (refresh.status) {
    case 'Unknown':
      // Just after the POST the service reports NotStarted (swagger example), then InProgress.
      return now - refresh.startTime < (refresh.plannedEnd - refresh.startTime) / 10 ? 'NotStarted' : 'InProgress';
    case 'Completed':
    case 'Failed':
    case 'Cancelled':
    case 'Disabled':
      return refresh.status;
    default:
      return assertNever(refresh.status);
  }
}

function attemptsView(refresh: RefreshRecord): Record<string, unknown>[] {
  return refresh.attempts.map((attempt) => ({
    attemptId: attempt.attemptId,
    startTime: iso(attempt.startTime),
    ...(attempt.endTime !== undefined ? { endTime: iso(attempt.endTime) } : {}),
    ...(attempt.failure ? { serviceExceptionJson: serviceExceptionJson(attempt.failure) } : {}),
    type: attempt.type,
  }));
}

/** A history entry (swagger `Refresh`): no endTime while running; enhanced refreshes add extendedStatus. */
export function refreshView(refresh: RefreshRecord, now: number): Record<string, unknown> {
  return {
    requestId: refresh.requestId,
    refreshType: refresh.refreshType,
    startTime: iso(refresh.startTime),
    ...(refresh.endTime !== undefined ? { endTime: iso(refresh.endTime) } : {}),
    ...(refresh.status === 'Failed' && refresh.failure ? { serviceExceptionJson: serviceExceptionJson(refresh.failure) } : {}),
    status: refresh.status,
    ...(refresh.enhanced ? { extendedStatus: extendedStatus(refresh, now) } : {}),
    ...(refresh.attempts.length ? { refreshAttempts: attemptsView(refresh) } : {}),
  };
}

/**
 * Execution details of an enhanced refresh (swagger `DatasetRefreshDetail`). Its `status` enum has
 * no Cancelled, so a cancelled refresh reads `Failed` with extendedStatus `Cancelled`.
 */
export function refreshDetailView(dataset: DatasetState, refresh: RefreshRecord, now: number): Record<string, unknown> {
  const enhanced = refresh.enhanced;
  const type = enhanced?.type ?? 'Full';
  const done = refresh.status !== 'Unknown';
  const tables = enhanced?.objects.length
    ? enhanced.objects
    : dataset.model.tables.map((table) => ({ table: table.name, partition: undefined }));
  const objectStatus = done ? (refresh.status === 'Completed' ? 'Completed' : 'Failed') : 'InProgress';
  return {
    startTime: iso(refresh.startTime),
    ...(refresh.endTime !== undefined ? { endTime: iso(refresh.endTime) } : {}),
    type,
    commitMode: enhanced?.commitMode ?? 'Transactional',
    status: refresh.status === 'Cancelled' ? 'Failed' : refresh.status,
    extendedStatus: extendedStatus(refresh, now),
    currentRefreshType: type,
    numberOfAttempts: new Set(refresh.attempts.map((attempt) => attempt.attemptId)).size,
    objects: tables.map((object) => ({ table: object.table, partition: object.partition ?? object.table, status: objectStatus })),
    ...(refresh.status === 'Failed' && refresh.failure
      ? {
          messages: [
            { code: refresh.failure.errorCode, message: refresh.failure.errorDescription ?? refresh.failure.errorCode, type: 'Error' },
          ],
        }
      : {}),
    ...(refresh.attempts.length ? { refreshAttempts: attemptsView(refresh) } : {}),
  };
}

/** A refresh schedule as GET returns it (camelCase `notifyOption`). */
export function scheduleView(schedule: ScheduleState): Record<string, unknown> {
  return {
    days: schedule.days,
    times: schedule.times,
    enabled: schedule.enabled,
    localTimeZoneId: schedule.localTimeZoneId,
    notifyOption: schedule.notifyOption,
  };
}
