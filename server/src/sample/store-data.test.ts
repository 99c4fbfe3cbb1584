import { dayParts } from '../stores/tables';
import { sampleStoreMasterEntities, sampleStoreSalesEntities, sampleStoreSalesWeeks, sampleStoresWithSales } from './store-data';
import { sampleUsers } from './directory';

describe('sample store data (SPEC §4)', () => {
  it('has a master row per store, the store leader being the manager of their store', () => {
    const master = sampleStoreMasterEntities(new Date('2026-10-01T08:00:00Z'));
    expect(master).toHaveLength(40);
    const leader = sampleUsers.find((user) => user.role === 'store-leader');
    const own = master.find((row) => `store-${row.rowKey}` === leader?.grants[0]?.scopeId);
    expect(own?.managerEmail).toBe(leader?.upn);
  });

  it('seeds whole ISO weeks before today, every day part, deterministic in store and date', () => {
    const now = new Date('2026-12-09T10:00:00Z'); // a Wednesday
    const rows = sampleStoreSalesEntities(now);
    expect(rows).toHaveLength(sampleStoresWithSales.length * 7 * sampleStoreSalesWeeks * dayParts.length);
    const dates = [...new Set(rows.map((row) => row.date))].sort();
    expect(dates[0]).toBe('2026-11-09'); // a Monday, four weeks before this week's
    expect(dates.at(-1)).toBe('2026-12-06'); // last Sunday
    expect(new Set(rows.map((row) => `${row.partitionKey}|${row.rowKey}`)).size).toBe(rows.length);
    expect(rows.every((row) => row.netSales > 0 && row.transactions > 0 && row.labourHours > 0)).toBe(true);
    expect(sampleStoreSalesEntities(new Date('2026-12-09T23:00:00Z'))).toEqual(
      rows.map((row) => ({ ...row, loadedAt: '2026-12-09T23:00:00.000Z' })),
    );
  });
});
