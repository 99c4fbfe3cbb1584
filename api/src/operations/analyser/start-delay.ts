import type { StoredRefresh } from '@planboard/contracts';
import { nextSlotAfter, type StoredSchedule } from '@planboard/server';

/**
 * A scheduled refresh that starts more than this long after its slot is not counted as delayed:
 * it most likely belongs to a slot the schedule no longer lists.
 */
export const maxDelayMs = 6 * 3_600_000;

/** The newest schedule slot at or before `startMs` (within `maxDelayMs`), or undefined. */
export function slotAtOrBefore(schedule: StoredSchedule | undefined, startMs: number): number | undefined {
  let slot = nextSlotAfter(schedule, startMs - maxDelayMs - 1);
  if (slot === undefined || slot > startMs) return undefined;
  for (;;) {
    const next = nextSlotAfter(schedule, slot);
    if (next === undefined || next > startMs) return slot;
    slot = next;
  }
}

/**
 * How late a scheduled refresh started behind its slot (ms), from the model's current schedule;
 * undefined for other refresh types or when no slot precedes it. Power BI queues scheduled
 * refreshes on a busy capacity, so this delay shows overload that no refresh status shows.
 */
export function startDelayMs(
  refresh: Pick<StoredRefresh, 'refreshType' | 'startTime'>,
  schedule: StoredSchedule | undefined,
): number | undefined {
  if (refresh.refreshType !== 'Scheduled') return undefined;
  const startMs = Date.parse(refresh.startTime);
  const slot = slotAtOrBefore(schedule, startMs);
  return slot === undefined ? undefined : startMs - slot;
}
