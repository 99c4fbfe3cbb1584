import type { ScheduleState } from '../model/types';
import { localSlot } from './time-zones';

/** Schedule slots are on :00 and :30 local time, i.e. on UTC half-hours for the supported zones. */
export const halfHourMs = 30 * 60_000;

/** The first half-hour boundary strictly after `epochMs`. */
export function nextBoundaryAfter(epochMs: number): number {
  return Math.floor(epochMs / halfHourMs) * halfHourMs + halfHourMs;
}

/** Whether an enabled schedule has a slot at this boundary. */
export function isDue(schedule: ScheduleState, boundaryMs: number): boolean {
  if (!schedule.enabled || schedule.times.length === 0) return false;
  const { day, time } = localSlot(boundaryMs, schedule.localTimeZoneId);
  return schedule.days.includes(day) && schedule.times.includes(time);
}
