import type { DatasetRecord } from '../catalog-store';
import { nextSlotAfter } from '../slots';

/** Why a model counts as stale, for the card and the Overview tiles. */
export interface Staleness {
  /** The second schedule slot that passed without a success (ISO, service time). */
  staleSince: string;
  /** The last success on record, or null when none is known. */
  lastSuccessAt: string | null;
  scheduleEnabled: boolean;
}

/**
 * Whether a model is stale at `nowMs`: refreshable, with a schedule (enabled or not — a schedule
 * Power BI disabled is one of the reasons), and two of its slots have passed since its last
 * success, the second more than `graceMs` ago (time for the refresh that slot starts to finish).
 * Slots are counted as if the schedule were enabled: a disabled schedule still says how fresh the
 * model was meant to be. With no success on record the count starts where Planboard's examination
 * of the history ends.
 */
export function staleness(
  record: Pick<DatasetRecord, 'refreshable' | 'schedule' | 'lastSuccessAt' | 'seenUntil'>,
  nowMs: number,
  graceMs: number,
): Staleness | undefined {
  const schedule = record.schedule;
  if (!record.refreshable || !schedule || schedule.days.length === 0 || schedule.times.length === 0) return undefined;
  const anchor = Date.parse(record.lastSuccessAt ?? record.seenUntil);
  if (Number.isNaN(anchor)) return undefined;
  const asEnabled = { ...schedule, enabled: true };
  const first = nextSlotAfter(asEnabled, anchor);
  const second = first === undefined ? undefined : nextSlotAfter(asEnabled, first);
  if (second === undefined || nowMs < second + graceMs) return undefined;
  return { staleSince: new Date(second).toISOString(), lastSuccessAt: record.lastSuccessAt ?? null, scheduleEnabled: schedule.enabled };
}
