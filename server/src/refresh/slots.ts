import { windowsToIana } from '@planboard/contracts';
import type { Weekday } from '../powerbi';

/** A refresh schedule as we keep it (Power BI `RefreshSchedule`, fields we need). */
export interface StoredSchedule {
  days: Weekday[];
  /** `hh:mm`, on :00 or :30. */
  times: string[];
  enabled: boolean;
  /** Windows (.NET) time zone id, as Power BI uses. */
  localTimeZoneId: string;
}

export const weekdays: readonly Weekday[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Whether we can compute slots for a time zone id. */
export function isKnownTimeZone(id: string): boolean {
  return id in windowsToIana;
}

/** The Windows ids we know, for help texts and validation. */
export function knownTimeZones(): string[] {
  return Object.keys(windowsToIana);
}

const halfHourMs = 30 * 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function localSlot(epochMs: number, iana: string): { day: string; time: string } {
  let format = formatters.get(iana);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: iana, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(iana, format);
  }
  const parts = format.formatToParts(new Date(epochMs));
  const part = (type: string): string => parts.find((item) => item.type === type)?.value ?? '';
  return { day: part('weekday'), time: `${part('hour').padStart(2, '0')}:${part('minute').padStart(2, '0')}` };
}

/**
 * The first scheduled slot strictly after `afterMs`, or undefined when the schedule never runs.
 * Slots are half-hour boundaries whose local day and time the schedule lists (DST follows the
 * zone). For a zone we cannot map, every boundary counts: the dataset is then looked at every
 * 30 minutes, which costs a little but never misses its refreshes.
 */
export function nextSlotAfter(schedule: StoredSchedule | undefined, afterMs: number): number | undefined {
  if (!schedule?.enabled || schedule.days.length === 0 || schedule.times.length === 0) return undefined;
  const first = Math.floor(afterMs / halfHourMs) * halfHourMs + halfHourMs;
  const iana = windowsToIana[schedule.localTimeZoneId];
  if (!iana) return first;
  const days = new Set<string>(schedule.days);
  const times = new Set(schedule.times);
  // Eight days of boundaries cover every weekly schedule, DST shifts included.
  for (let slot = first; slot < first + 8 * 24 * 2 * halfHourMs; slot += halfHourMs) {
    const local = localSlot(slot, iana);
    if (days.has(local.day) && times.has(local.time)) return slot;
  }
  return undefined;
}
