import { staleness } from './stale';

const minute = 60_000;
const grace = 30 * minute;
const daily = {
  days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const,
  times: ['06:00'],
  localTimeZoneId: 'W. Europe Standard Time',
};
const record = (lastSuccessAt: string | undefined, enabled = true) => ({
  refreshable: true,
  schedule: { ...daily, days: [...daily.days], enabled },
  seenUntil: '2026-03-02T00:00:00.000Z',
  ...(lastSuccessAt ? { lastSuccessAt } : {}),
});

describe('staleness', () => {
  it('is stale once the second slot after the last success has passed by more than the grace', () => {
    // Success Friday 6 March 05:01 UTC (06:01 Berlin); next slots Monday and Tuesday 06:00 Berlin (05:00 UTC).
    const last = '2026-03-06T05:01:00.000Z';
    const tuesdaySlot = Date.parse('2026-03-10T05:00:00.000Z');
    expect(staleness(record(last), tuesdaySlot + grace - 1, grace)).toBeUndefined();
    expect(staleness(record(last), tuesdaySlot + grace, grace)).toEqual({
      staleSince: '2026-03-10T05:00:00.000Z',
      lastSuccessAt: last,
      scheduleEnabled: true,
    });
  });

  it('counts the slots of a disabled schedule too (disabled is one reason a model goes stale)', () => {
    const stale = staleness(record('2026-03-06T05:01:00.000Z', false), Date.parse('2026-03-11T00:00:00Z'), grace);
    expect(stale).toMatchObject({ scheduleEnabled: false });
  });

  it('starts from where the history was examined when no success is on record', () => {
    // seenUntil Monday 2 March 00:00 UTC: slots Monday and Tuesday 05:00 UTC.
    expect(staleness(record(undefined), Date.parse('2026-03-03T05:30:00Z'), grace)).toMatchObject({ lastSuccessAt: null });
    expect(staleness(record(undefined), Date.parse('2026-03-03T05:29:00Z'), grace)).toBeUndefined();
  });

  it('never calls an unscheduled or push model stale', () => {
    const now = Date.parse('2027-01-01T00:00:00Z');
    expect(staleness({ ...record('2026-03-06T05:01:00.000Z'), schedule: undefined }, now, grace)).toBeUndefined();
    expect(staleness({ ...record('2026-03-06T05:01:00.000Z'), refreshable: false }, now, grace)).toBeUndefined();
    expect(
      staleness({ ...record('2026-03-06T05:01:00.000Z'), schedule: { ...daily, days: [], enabled: true } }, now, grace),
    ).toBeUndefined();
  });
});
