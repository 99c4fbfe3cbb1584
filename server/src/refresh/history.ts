import { parseServiceException, type Refresh } from '../powerbi';

/** One failed refresh found in a dataset's history. */
export interface FailureFact {
  requestId: string;
  refreshType: string;
  scheduled: boolean;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  errorCode: string;
  errorDescription: string;
  /** Failures in a row up to and including this one (scheduled refreshes only, when scheduled). */
  consecutiveFailures: number;
  /** The last successful refresh before this failure, if the history (or what we stored) knows it. */
  lastSuccessAt: string | null;
}

/** What one look at a dataset's history tells detection. */
export interface HistoryFacts {
  /** The newest refresh is still running (`Unknown`, no end time). */
  inFlight: boolean;
  /** Failed refreshes that ended at or after `seenUntil`, oldest first. */
  newFailures: FailureFact[];
  /** The latest end time in the history (ISO), if any refresh has ended. */
  latestEnd?: string;
  /** The newest successful refresh's end (ISO), if any. */
  lastSuccessAt?: string;
}

const iso = (value: string | undefined): number => (value ? Date.parse(value) : Number.NaN);

/** The error of a failed refresh: its own `serviceExceptionJson`, else its last attempt's. */
function errorOf(refresh: Refresh): { errorCode: string; errorDescription: string } {
  const attempts = [...(refresh.refreshAttempts ?? [])].reverse();
  const parsed =
    parseServiceException(refresh.serviceExceptionJson) ?? attempts.map((a) => parseServiceException(a.serviceExceptionJson)).find(Boolean);
  return { errorCode: parsed?.errorCode ?? 'Unknown', errorDescription: parsed?.errorDescription ?? '' };
}

/** A refresh's id for dedupe: Power BI's `requestId`, else its start time (stable for the same refresh). */
export function refreshKey(refresh: Refresh): string {
  return refresh.requestId ?? `start-${refresh.startTime ?? 'unknown'}`;
}

/**
 * Failures in a row ending at `index` (history is newest first). For a scheduled refresh only
 * scheduled refreshes count, as Power BI does before disabling a schedule after four; otherwise any
 * refresh that completed breaks the run. Refreshes that neither failed nor completed are skipped.
 */
function streakAt(history: readonly Refresh[], index: number, scheduled: boolean): number {
  let count = 0;
  for (const refresh of history.slice(index)) {
    if (scheduled && refresh.refreshType !== 'Scheduled') continue;
    if (refresh.status === 'Failed') count += 1;
    else if (refresh.status === 'Completed') break;
  }
  return Math.max(count, 1);
}

/**
 * Reads a history (newest first, as Power BI returns it). `seenUntil` is the end time up to which
 * the dataset was already examined; `storedLastSuccess` covers a success older than the window.
 */
export function analyzeHistory(history: readonly Refresh[], seenUntil: string, storedLastSuccess?: string): HistoryFacts {
  const seen = iso(seenUntil);
  const ended = history.filter((refresh) => refresh.endTime && !Number.isNaN(iso(refresh.endTime)));
  const latestEnd = ended.reduce<string | undefined>((max, r) => (!max || iso(r.endTime) > iso(max) ? r.endTime : max), undefined);
  const successes = ended.filter((refresh) => refresh.status === 'Completed');
  const lastSuccessAt = successes[0]?.endTime ?? storedLastSuccess;
  const newFailures: FailureFact[] = [];
  history.forEach((refresh, index) => {
    if (refresh.status !== 'Failed' || !refresh.endTime || !(iso(refresh.endTime) >= seen)) return;
    const scheduled = refresh.refreshType === 'Scheduled';
    const start = iso(refresh.startTime);
    const end = iso(refresh.endTime);
    const earlierSuccess = successes.find((success) => iso(success.endTime) <= start)?.endTime;
    const stored = storedLastSuccess && iso(storedLastSuccess) <= start ? storedLastSuccess : undefined;
    newFailures.push({
      requestId: refreshKey(refresh),
      refreshType: refresh.refreshType ?? 'Unknown',
      scheduled,
      startedAt: refresh.startTime ?? refresh.endTime,
      endedAt: refresh.endTime,
      durationMs: Number.isNaN(start) ? 0 : Math.max(0, end - start),
      ...errorOf(refresh),
      consecutiveFailures: streakAt(history, index, scheduled),
      lastSuccessAt: earlierSuccess ?? stored ?? null,
    });
  });
  return {
    inFlight: history[0]?.status === 'Unknown',
    newFailures: newFailures.reverse(),
    ...(latestEnd ? { latestEnd } : {}),
    ...(lastSuccessAt ? { lastSuccessAt } : {}),
  };
}

/** Whether a refresh started at or after `sinceMs` (a slot's or a trigger's time). */
export function startedSince(history: readonly Refresh[], sinceMs: number): boolean {
  return history.some((refresh) => iso(refresh.startTime) >= sinceMs);
}

/** The finished refresh a retry started: by request id, else the first to start after the retry. */
export function finishedRetry(history: readonly Refresh[], requestId: string | undefined, sinceMs: number): Refresh | undefined {
  const match = requestId
    ? history.find((refresh) => refresh.requestId === requestId)
    : [...history].reverse().find((refresh) => iso(refresh.startTime) >= sinceMs);
  return match && match.status !== 'Unknown' && match.endTime ? match : undefined;
}
