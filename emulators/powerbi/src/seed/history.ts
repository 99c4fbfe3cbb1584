import type { RefreshFailure, RefreshRecord, RefreshType, ScheduleState } from '../model/types';
import { attemptsOf, failuresBeforeDisable, historyLimit } from '../refresh/engine';
import { halfHourMs, isDue, nextBoundaryAfter } from '../schedule/slots';
import { sampleGuid } from '../util/ids';
import { pick, seededRandom } from './random';

const dayMs = 24 * 60 * 60_000;

/** Realistic failures for sample history (codes as the service reports them, NOTES §1). */
const sampleFailures: RefreshFailure[] = [
  { errorCode: 'ModelRefreshFailed_CredentialsNotSpecified' },
  {
    errorCode: 'ModelRefresh_ShortMessage_ProcessingError',
    errorDescription: 'The operation was cancelled because of locking conflicts. 0xC136003E',
  },
  {
    errorCode: 'DM_GWPipeline_Gateway_DataSourceAccessError',
    errorDescription: 'Data source error: the credentials provided for the SQL source are invalid.',
  },
  {
    errorCode: 'ModelRefresh_ShortMessage_ResourceLimitExceeded',
    errorDescription: 'The refresh used more memory than the capacity allows.',
  },
];

/** How a dataset's history should look. */
export interface HistoryProfile {
  key: string;
  baseDurationMs: number;
  failureRate?: number;
  outlierRate?: number;
  /** Stop five days ago with four scheduled failures in a row (the schedule was disabled). */
  autoDisabled?: boolean;
}

/**
 * 30 days of history ending at `now`: the schedule's slots plus occasional API and portal
 * refreshes, some failures and some slow outliers (4–8× the usual duration). Newest first, ≤ 60.
 */
export function seededHistory(
  schedule: ScheduleState,
  profile: HistoryProfile,
  now: number,
): { history: RefreshRecord[]; consecutiveFailures: number } {
  const random = seededRandom(`history:${profile.key}`);
  const start = now - 30 * dayMs;
  const cutoff = profile.autoDisabled ? now - 5 * dayMs : now;
  const slots: { at: number; type: RefreshType }[] = [];
  const active = { ...schedule, enabled: true };
  for (let boundary = nextBoundaryAfter(start); boundary <= cutoff; boundary += halfHourMs)
    if (isDue(active, boundary)) slots.push({ at: boundary, type: 'Scheduled' });
  for (let day = 0; day < 30; day += 1) {
    if (random() < 0.3)
      slots.push({ at: Math.round(start + day * dayMs + random() * dayMs), type: random() < 0.7 ? 'ViaApi' : 'OnDemand' });
  }
  slots.sort((a, b) => a.at - b.at);
  const records: RefreshRecord[] = [];
  let busyUntil = 0;
  for (const [index, slot] of slots.entries()) {
    const outlier = random() < (profile.outlierRate ?? 0.04);
    const duration = Math.round(profile.baseDurationMs * (0.8 + random() * 0.4) * (outlier ? 4 + random() * 4 : 1));
    const failed = random() < (profile.failureRate ?? 0.06);
    if (slot.at < busyUntil || slot.at > cutoff || slot.at + duration >= now) continue;
    busyUntil = slot.at + duration;
    const record: RefreshRecord = {
      requestId: sampleGuid(`refresh:${profile.key}:${index}`),
      refreshType: slot.type,
      startTime: slot.at,
      plannedEnd: slot.at + duration,
      endTime: slot.at + duration,
      status: failed ? 'Failed' : 'Completed',
      ...(failed ? { failure: pick(sampleFailures, random) } : {}),
      attempts: [],
    };
    records.push(record);
  }
  const scheduled = records.filter((record) => record.refreshType === 'Scheduled');
  if (profile.autoDisabled) {
    for (const record of scheduled.slice(-failuresBeforeDisable)) Object.assign(record, { status: 'Failed', failure: sampleFailures[0] });
    // Exactly that many in a row (Power BI disables at the fourth): the one before succeeded, whatever the random draw.
    const before = scheduled.at(-failuresBeforeDisable - 1);
    if (before) Object.assign(before, { status: 'Completed', failure: undefined });
  } else {
    // An enabled schedule never shows the four failures in a row that would have disabled it.
    const last = scheduled.at(-1);
    if (last) Object.assign(last, { status: 'Completed', failure: undefined });
  }
  for (const record of records) record.attempts = attemptsOf(record, record.status === 'Failed' ? record.failure : undefined);
  let consecutiveFailures = 0;
  for (const record of [...scheduled].reverse()) {
    if (record.status !== 'Failed') break;
    consecutiveFailures += 1;
  }
  return { history: records.reverse().slice(0, historyLimit), consecutiveFailures };
}
