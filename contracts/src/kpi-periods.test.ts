import { describe, expect, it } from '@jest/globals';
import { futurePeriodProblem, latestToday, periodStartContaining } from './kpi-periods';

describe('KPI periods', () => {
  it('finds the start of the period containing a date', () => {
    expect(periodStartContaining('daily', '2026-11-19')).toBe('2026-11-19');
    expect(periodStartContaining('weekly', '2026-11-19')).toBe('2026-11-16'); // Thursday → Monday
    expect(periodStartContaining('weekly', '2026-11-16')).toBe('2026-11-16');
    expect(periodStartContaining('weekly', '2026-11-22')).toBe('2026-11-16'); // Sunday ends the week
    expect(periodStartContaining('weekly', '2027-01-01')).toBe('2026-12-28');
    expect(periodStartContaining('monthly', '2026-11-19')).toBe('2026-11-01');
    expect(periodStartContaining('quarterly', '2026-11-19')).toBe('2026-10-01');
    expect(periodStartContaining('quarterly', '2026-03-31')).toBe('2026-01-01');
  });

  it('refuses a period that has not begun anywhere on Earth, and accepts one that has', () => {
    const now = new Date('2026-11-15T09:00:00Z'); // Sunday morning in UTC, Sunday night in Auckland
    expect(latestToday(now)).toBe('2026-11-15');
    expect(futurePeriodProblem({ periodStart: '2026-11-16' }, now)).toMatch(/^The period starting 2026-11-16 has not begun yet/);
    expect(futurePeriodProblem({ periodStart: '2026-11-15' }, now)).toBeUndefined();
    expect(futurePeriodProblem({ periodStart: '2026-11-09' }, now)).toBeUndefined();
    // Monday has begun in Kiritimati (UTC+14) from 10:00 UTC on Sunday.
    expect(futurePeriodProblem({ periodStart: '2026-11-16' }, new Date('2026-11-15T10:00:00Z'))).toBeUndefined();
  });
});
