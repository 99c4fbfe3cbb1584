import type { StoredSchedule } from '@planboard/server';
import { slotAtOrBefore, startDelayMs } from './start-delay';

const schedule: StoredSchedule = { days: ['Monday', 'Tuesday'], times: ['06:00', '06:30', '18:00'], enabled: true, localTimeZoneId: 'UTC' };
const at = (iso: string) => Date.parse(iso);

describe('start delay', () => {
  // 2026-03-02 is a Monday.
  it('measures a scheduled refresh from the newest slot at or before its start', () => {
    expect(startDelayMs({ refreshType: 'Scheduled', startTime: '2026-03-02T06:04:30.000Z' }, schedule)).toBe(270_000);
    expect(startDelayMs({ refreshType: 'Scheduled', startTime: '2026-03-02T06:30:00.000Z' }, schedule)).toBe(0);
    expect(startDelayMs({ refreshType: 'Scheduled', startTime: '2026-03-02T06:41:00.000Z' }, schedule)).toBe(11 * 60_000);
    // A long queue on a busy capacity: still the 18:00 slot.
    expect(startDelayMs({ refreshType: 'Scheduled', startTime: '2026-03-02T19:15:00.000Z' }, schedule)).toBe(75 * 60_000);
  });

  it('says nothing for on-demand refreshes, without a schedule, or far from any slot', () => {
    expect(startDelayMs({ refreshType: 'OnDemand', startTime: '2026-03-02T06:04:30.000Z' }, schedule)).toBeUndefined();
    expect(startDelayMs({ refreshType: 'Scheduled', startTime: '2026-03-02T06:04:30.000Z' }, undefined)).toBeUndefined();
    // Wednesday 03:00: the last slot was Tuesday 18:00, more than six hours before.
    expect(startDelayMs({ refreshType: 'Scheduled', startTime: '2026-03-04T03:00:00.000Z' }, schedule)).toBeUndefined();
  });

  it('finds a slot exactly at the start', () => {
    expect(slotAtOrBefore(schedule, at('2026-03-02T18:00:00.000Z'))).toBe(at('2026-03-02T18:00:00.000Z'));
  });
});
