import type { PrincipalCaller } from '../auth/caller';
import { invalidRequest } from '../http/errors';
import { dayNames, type DayName, type ScheduleState } from '../model/types';
import { isKnownTimeZone } from './time-zones';

/** The `value` of a schedule PATCH (swagger `RefreshSchedule`, camelCase). */
export interface SchedulePatch {
  days?: DayName[];
  times?: string[];
  enabled?: boolean;
  localTimeZoneId?: string;
  notifyOption?: 'NoNotification' | 'MailOnFailure';
}

/** Slots per day (NOTES §3): 8 on shared capacity, 48 on Premium/Embedded. */
export function maxSlotsPerDay(shared: boolean): number {
  return shared ? 8 : 48;
}

/**
 * The time Power BI uses when a PATCH sends no times ("a default single time per day"); which
 * time that is is not documented, midnight is an assumption.
 */
const defaultTime = '00:00';

function checkTimes(times: string[], shared: boolean): string[] {
  for (const time of times) {
    if (!/^([01]\d|2[0-3]):(00|30)$/.test(time)) throw invalidRequest(`Invalid refresh time '${time}': times must be hh:00 or hh:30`);
  }
  if (new Set(times).size !== times.length) throw invalidRequest('Refresh times must not repeat');
  const max = maxSlotsPerDay(shared);
  if (times.length > max) throw invalidRequest(`A refresh schedule can have at most ${max} times per day on this capacity`);
  return times.length ? [...times].sort() : [defaultTime];
}

/**
 * Applies a schedule PATCH with the documented rules (NOTES §3): a disabling request changes
 * nothing else; at least one day; times on :00/:30 within the capacity's daily maximum; a known
 * time zone; service principals get NoNotification only. Messages are the emulator's own
 * (the service's exact texts are unverified).
 */
export function applySchedulePatch(current: ScheduleState, patch: SchedulePatch, shared: boolean, caller: PrincipalCaller): ScheduleState {
  const keys = Object.keys(patch) as (keyof SchedulePatch)[];
  if (keys.length === 0) throw invalidRequest('The refresh schedule request contains no changes');
  if (patch.enabled === false) {
    if (keys.length > 1) throw invalidRequest('A request that disables the refresh schedule should contain no other changes');
    return { ...current, enabled: false };
  }
  if (patch.days !== undefined && patch.days.length === 0) throw invalidRequest('At least one day must be specified');
  if (patch.localTimeZoneId !== undefined && !isKnownTimeZone(patch.localTimeZoneId)) {
    throw invalidRequest(`Unknown localTimeZoneId '${patch.localTimeZoneId}'`);
  }
  if (patch.notifyOption === 'MailOnFailure' && caller.kind === 'app') {
    throw invalidRequest('Service principals can only use notifyOption NoNotification');
  }
  const days = patch.days ? dayNames.filter((day) => patch.days?.includes(day)) : current.days;
  const next: ScheduleState = {
    ...current,
    days,
    times: patch.times ? checkTimes(patch.times, shared) : current.times,
    enabled: patch.enabled ?? current.enabled,
    localTimeZoneId: patch.localTimeZoneId ?? current.localTimeZoneId,
    notifyOption: patch.notifyOption ?? current.notifyOption,
  };
  if (next.enabled && next.days.length === 0) throw invalidRequest('At least one day must be specified');
  if (next.enabled && next.times.length === 0) next.times = [defaultTime];
  if (next.times.length > maxSlotsPerDay(shared))
    throw invalidRequest(`A refresh schedule can have at most ${maxSlotsPerDay(shared)} times per day on this capacity`);
  // Re-enabling starts a new failure streak (the service re-enables after the owner fixes the cause).
  if (patch.enabled === true) next.consecutiveFailures = 0;
  return next;
}
