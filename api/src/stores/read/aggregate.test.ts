import { aggregateSales, isoWeekOf, type SalesRow } from './aggregate';

const row = (date: string, dayPart: string, netSales: number, transactions: number, labourHours: number): SalesRow => ({
  date,
  dayPart,
  netSales,
  transactions,
  labourHours,
});

describe('isoWeekOf', () => {
  it('starts weeks on Monday and numbers them as ISO 8601 does across year ends', () => {
    expect(isoWeekOf('2026-11-11')).toEqual({ start: '2026-11-09', label: '2026-W46' });
    expect(isoWeekOf('2026-11-15')).toEqual({ start: '2026-11-09', label: '2026-W46' }); // Sunday
    expect(isoWeekOf('2027-01-01')).toEqual({ start: '2026-12-28', label: '2026-W53' });
    expect(isoWeekOf('2025-12-29')).toEqual({ start: '2025-12-29', label: '2026-W01' });
  });
});

describe('aggregateSales', () => {
  const rows = [row('2026-11-09', 'lunch', 1000, 80, 10), row('2026-11-09', 'dinner', 500, 20, 5), row('2026-11-16', 'lunch', 300, 30, 0)];

  it('sums by ISO week, oldest first, with the ratios', () => {
    const result = aggregateSales([...rows].reverse(), 'week');
    expect(result.periods).toEqual([
      {
        start: '2026-11-09',
        label: '2026-W46',
        days: 1,
        netSales: 1500,
        transactions: 100,
        labourHours: 15,
        salesPerLabourHour: 100,
        labourHoursPerTransaction: 0.15,
      },
      {
        start: '2026-11-16',
        label: '2026-W47',
        days: 1,
        netSales: 300,
        transactions: 30,
        labourHours: 0,
        salesPerLabourHour: null,
        labourHoursPerTransaction: 0,
      },
    ]);
    expect(result.totals).toMatchObject({ netSales: 1800, transactions: 130, labourHours: 15, salesPerLabourHour: 120 });
  });

  it('sums by day and lists every day part, empty ones with null ratios', () => {
    const result = aggregateSales(rows, 'day');
    expect(result.periods.map((period) => period.label)).toEqual(['2026-11-09', '2026-11-16']);
    expect(result.dayParts.map((part) => part.dayPart)).toEqual(['breakfast', 'lunch', 'dinner', 'late']);
    expect(result.dayParts[0]).toEqual({
      dayPart: 'breakfast',
      netSales: 0,
      transactions: 0,
      labourHours: 0,
      salesPerLabourHour: null,
      labourHoursPerTransaction: null,
    });
    expect(result.dayParts[1]).toMatchObject({ netSales: 1300, transactions: 110, labourHours: 10, salesPerLabourHour: 130 });
  });

  it('answers empty periods for a range without rows', () => {
    expect(aggregateSales([], 'week')).toMatchObject({ periods: [], totals: { netSales: 0, salesPerLabourHour: null } });
  });
});
