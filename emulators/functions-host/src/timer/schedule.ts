import { Cron } from 'croner';
import { parseTimeSpan } from '../config/timespan';

/** A parsed timer schedule. */
export interface TimerSchedule {
  readonly expression: string;
  readonly kind: 'cron' | 'interval';
  /** First occurrence strictly after `after`, or undefined if there is none. */
  next(after: Date): Date | undefined;
  /** Smallest gap between the next few occurrences (decides the useMonitor default). */
  readonly minIntervalMs: number;
}

/**
 * Parses a timer schedule as the Functions timer extension does: a 6-field NCRONTAB expression
 * (`{second} {minute} {hour} {day} {month} {day-of-week}`), a 5-field one (seconds = 0), or a
 * TimeSpan (`hh:mm:ss`, a fixed interval). NCRONTAB requires both day fields to match (AND), so
 * croner runs with `domAndDow`. Times are UTC unless WEBSITE_TIME_ZONE names an IANA zone.
 */
export function parseSchedule(expression: string, timezone = 'Etc/UTC'): TimerSchedule {
  const trimmed = expression.trim();
  const interval = trimmed.includes(':') ? parseTimeSpan(trimmed) : undefined;
  if (interval !== undefined) {
    if (interval <= 0) throw new Error(`Invalid timer interval '${expression}'.`);
    return { expression: trimmed, kind: 'interval', minIntervalMs: interval, next: (after) => new Date(after.getTime() + interval) };
  }
  const fields = trimmed.split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) {
    throw new Error(`The schedule expression '${expression}' was not recognized as a valid cron expression or timespan string.`);
  }
  const pattern = fields.length === 5 ? `0 ${trimmed}` : fields.join(' ');
  let cron: Cron;
  try {
    cron = new Cron(pattern, { paused: true, timezone, mode: '6-part', domAndDow: true, sloppyRanges: true });
  } catch (error) {
    throw new Error(`The schedule expression '${expression}' was not recognized as a valid cron expression: ${(error as Error).message}`);
  }
  const next = (after: Date): Date | undefined => cron.nextRun(after) ?? undefined;
  let minIntervalMs = Number.POSITIVE_INFINITY;
  let previous = next(new Date());
  for (let i = 0; i < 4 && previous; i += 1) {
    const following = next(previous);
    if (!following) break;
    minIntervalMs = Math.min(minIntervalMs, following.getTime() - previous.getTime());
    previous = following;
  }
  return { expression: trimmed, kind: 'cron', minIntervalMs, next };
}

/** The time zone timers use: WEBSITE_TIME_ZONE when it is a valid IANA name, else UTC. */
export function timerTimeZone(value: string | undefined): string {
  if (!value) return 'Etc/UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value;
  } catch {
    return 'Etc/UTC';
  }
}

/** Azure's default for `useMonitor`: on, unless the schedule recurs more often than once a minute. */
export function defaultUseMonitor(schedule: TimerSchedule): boolean {
  return schedule.minIntervalMs >= 60_000;
}
