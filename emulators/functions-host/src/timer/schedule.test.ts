import { defaultUseMonitor, parseSchedule, timerTimeZone } from './schedule';

const at = (iso: string): Date => new Date(iso);

describe('parseSchedule (NCRONTAB)', () => {
  it('reads 6 fields with seconds first', () => {
    const schedule = parseSchedule('*/15 * * * * *');
    expect(schedule.next(at('2024-01-01T00:00:01Z'))?.toISOString()).toBe('2024-01-01T00:00:15.000Z');
    expect(schedule.minIntervalMs).toBe(15_000);
    // Strictly after: asking at an occurrence yields the following one (no double runs).
    expect(schedule.next(at('2024-01-01T00:00:15.000Z'))?.toISOString()).toBe('2024-01-01T00:00:30.000Z');
  });

  it('reads common Azure examples', () => {
    expect(parseSchedule('0 */5 * * * *').next(at('2024-01-01T00:01:00Z'))?.toISOString()).toBe('2024-01-01T00:05:00.000Z');
    expect(parseSchedule('0 30 9 * * 1-5').next(at('2024-01-06T00:00:00Z'))?.toISOString()).toBe('2024-01-08T09:30:00.000Z');
    expect(parseSchedule('0 0 0 1 1 *').next(at('2024-06-01T00:00:00Z'))?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(parseSchedule('0 0 9 * * MON').next(at('2024-01-01T10:00:00Z'))?.toISOString()).toBe('2024-01-08T09:00:00.000Z');
  });

  it('requires day-of-month AND day-of-week to match, as NCrontab does', () => {
    // 13th of a month that is a Friday: 2024-09-13.
    expect(parseSchedule('0 0 0 13 * 5').next(at('2024-01-01T00:00:00Z'))?.toISOString()).toBe('2024-09-13T00:00:00.000Z');
  });

  it('accepts 5 fields (seconds = 0) and TimeSpan intervals', () => {
    expect(parseSchedule('*/10 * * * *').next(at('2024-01-01T00:01:30Z'))?.toISOString()).toBe('2024-01-01T00:10:00.000Z');
    const interval = parseSchedule('00:00:30');
    expect(interval.kind).toBe('interval');
    expect(interval.next(at('2024-01-01T00:00:00Z'))?.toISOString()).toBe('2024-01-01T00:00:30.000Z');
  });

  it('uses the given time zone', () => {
    expect(parseSchedule('0 0 9 * * *', 'Europe/Berlin').next(at('2024-01-01T00:00:00Z'))?.toISOString()).toBe('2024-01-01T08:00:00.000Z');
  });

  it('rejects invalid expressions', () => {
    expect(() => parseSchedule('* * *')).toThrow(/not recognized/);
    expect(() => parseSchedule('99 * * * * *')).toThrow(/not recognized/);
  });
});

describe('timer defaults', () => {
  it('monitors schedules of a minute or more only', () => {
    expect(defaultUseMonitor(parseSchedule('* * * * * *'))).toBe(false);
    expect(defaultUseMonitor(parseSchedule('0 * * * * *'))).toBe(true);
  });

  it('falls back to UTC for unknown zones (e.g. Windows names)', () => {
    expect(timerTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(timerTimeZone('W. Europe Standard Time')).toBe('Etc/UTC');
    expect(timerTimeZone(undefined)).toBe('Etc/UTC');
  });
});
