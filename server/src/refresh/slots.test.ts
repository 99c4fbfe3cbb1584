import { nextSlotAfter, type StoredSchedule } from './slots';

const schedule = (overrides: Partial<StoredSchedule> = {}): StoredSchedule => ({
  days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  times: ['06:00', '18:30'],
  enabled: true,
  localTimeZoneId: 'UTC',
  ...overrides,
});
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('nextSlotAfter', () => {
  it('finds the next listed time on a listed day (UTC)', () => {
    // 2026-03-06 is a Friday.
    expect(iso(nextSlotAfter(schedule(), at('2026-03-06T05:59:00Z')))).toBe('2026-03-06T06:00:00.000Z');
    expect(iso(nextSlotAfter(schedule(), at('2026-03-06T06:00:00Z')))).toBe('2026-03-06T18:30:00.000Z');
    // After Friday evening the next slot is Monday morning.
    expect(iso(nextSlotAfter(schedule(), at('2026-03-06T19:00:00Z')))).toBe('2026-03-09T06:00:00.000Z');
  });

  it('follows the schedule’s time zone across daylight saving time', () => {
    const berlin = schedule({ localTimeZoneId: 'W. Europe Standard Time', days: ['Sunday', 'Monday'], times: ['06:00'] });
    // Winter: 06:00 in Berlin is 05:00 UTC; summer (from 29 March 2026): 04:00 UTC.
    expect(iso(nextSlotAfter(berlin, at('2026-03-22T00:00:00Z')))).toBe('2026-03-22T05:00:00.000Z');
    expect(iso(nextSlotAfter(berlin, at('2026-03-29T00:00:00Z')))).toBe('2026-03-29T04:00:00.000Z');
  });

  it('never runs when disabled or empty', () => {
    expect(nextSlotAfter(schedule({ enabled: false }), at('2026-03-06T00:00:00Z'))).toBeUndefined();
    expect(nextSlotAfter(schedule({ times: [] }), at('2026-03-06T00:00:00Z'))).toBeUndefined();
    expect(nextSlotAfter(undefined, at('2026-03-06T00:00:00Z'))).toBeUndefined();
  });

  it('looks every half hour at a zone it cannot map, so no refresh is missed', () => {
    expect(iso(nextSlotAfter(schedule({ localTimeZoneId: 'Mars Standard Time' }), at('2026-03-06T05:10:00Z')))).toBe(
      '2026-03-06T05:30:00.000Z',
    );
  });
});
