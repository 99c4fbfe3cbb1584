import type { KpiPeriod } from './kpi';

const dayMs = 86_400_000;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const utcMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/**
 * Today's date where it is latest on Earth (UTC+14): a period that has begun for anyone is not
 * "in the future", so a leader in Auckland can record Monday's value before it is Monday in UTC.
 */
export function latestToday(now: Date): string {
  return isoDate(now.getTime() + 14 * 3_600_000);
}

/** The first day of the period that contains `date` (`YYYY-MM-DD`): the day, its Monday, the 1st of its month or quarter. */
export function periodStartContaining(period: KpiPeriod, date: string): string {
  const ms = utcMs(date);
  const day = new Date(ms);
  switch (period) {
    case 'daily':
      return date;
    case 'weekly':
      return isoDate(ms - ((day.getUTCDay() + 6) % 7) * dayMs);
    case 'monthly':
      return isoDate(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
    case 'quarterly':
      return isoDate(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - (day.getUTCMonth() % 3), 1));
  }
}

/**
 * Why a point cannot be recorded for a period that has not begun, if so: a value for next week is
 * a typo or a guess, and it would rate the KPI (and alert managers) for a week that has not happened.
 */
export function futurePeriodProblem(point: { periodStart: string }, now: Date): string | undefined {
  return point.periodStart > latestToday(now)
    ? `The period starting ${point.periodStart} has not begun yet: record values only for periods that have started.`
    : undefined;
}
