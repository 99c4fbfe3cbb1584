import { dayNames, type DayName } from '../model/types';

/**
 * Windows (.NET TimeZoneInfo) ids the service uses in `localTimeZoneId`, mapped to IANA zones
 * for the clock arithmetic. Only zones on whole or half hours are listed: schedule slots are
 * on :00 and :30, and these zones keep local slots on UTC half-hours.
 */
const windowsToIana: Record<string, string> = {
  UTC: 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'FLE Standard Time': 'Europe/Helsinki',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Kolkata',
  'Singapore Standard Time': 'Asia/Singapore',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
};

/** Whether the emulator knows a `localTimeZoneId`. */
export function isKnownTimeZone(id: string): boolean {
  return id in windowsToIana;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(id: string): Intl.DateTimeFormat {
  let format = formatters.get(id);
  if (!format) {
    const timeZone = windowsToIana[id];
    if (!timeZone) throw new RangeError(`Unknown time zone ${id}`);
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(id, format);
  }
  return format;
}

/** The local weekday and `hh:mm` of an instant in a schedule's time zone. */
export function localSlot(epochMs: number, timeZoneId: string): { day: DayName; time: string } {
  if (timeZoneId === 'UTC') {
    // Fast path: seeding generates months of slots for hundreds of datasets.
    const date = new Date(epochMs);
    const day = dayNames[(date.getUTCDay() + 6) % 7] ?? 'Monday';
    return { day, time: `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}` };
  }
  const parts = formatter(timeZoneId).formatToParts(new Date(epochMs));
  const part = (type: string): string => parts.find((item) => item.type === type)?.value ?? '';
  const day = dayNames.find((name) => name === part('weekday')) ?? 'Monday';
  return { day, time: `${part('hour').padStart(2, '0')}:${part('minute').padStart(2, '0')}` };
}
