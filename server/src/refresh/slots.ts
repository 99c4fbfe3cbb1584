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

/**
 * Windows time zone ids Power BI offers, mapped to IANA zones for the arithmetic. Zones with
 * offsets off the half hour cannot have slots on :00/:30 UTC boundaries and are left out.
 */
const windowsToIana: Record<string, string> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'FLE Standard Time': 'Europe/Helsinki',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Russian Standard Time': 'Europe/Moscow',
  'Arabian Standard Time': 'Asia/Dubai',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Kolkata',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'Singapore Standard Time': 'Asia/Singapore',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
};

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
