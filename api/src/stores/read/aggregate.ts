import {
  storeDayParts,
  type StoreDayPartTotals,
  type StoreSalesGrouping,
  type StoreSalesPeriod,
  type StoreSalesTotals,
} from '@planboard/contracts';
import { assertNever } from '@planboard/server';

/** The measures of one `storesales` row the read side needs. */
export interface SalesRow {
  date: string;
  dayPart: string;
  netSales: number;
  transactions: number;
  labourHours: number;
}

interface Sums {
  netSales: number;
  transactions: number;
  labourHours: number;
}

const dayMs = 86_400_000;
const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The Monday of the ISO week of a `yyyy-mm-dd` date, and the week's ISO label (`2026-W45`). */
export function isoWeekOf(date: string): { start: string; label: string } {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = ms - weekday * dayMs;
  // The ISO year is the year of the week's Thursday; week 1 holds the year's first Thursday.
  const thursday = new Date(monday + 3 * dayMs);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * dayMs)) + 1;
  return { start: new Date(monday).toISOString().slice(0, 10), label: `${year}-W${String(week).padStart(2, '0')}` };
}

function periodOf(date: string, by: StoreSalesGrouping): { start: string; label: string } {
  switch (by) {
    case 'day':
      return { start: date, label: date };
    case 'week':
      return isoWeekOf(date);
    default:
      return assertNever(by);
  }
}

/** Totals rounded for display, and the ratios (null where the divisor is zero, never Infinity). */
function totals(sums: Sums): StoreSalesTotals {
  return {
    netSales: round(sums.netSales, 2),
    transactions: sums.transactions,
    labourHours: round(sums.labourHours, 2),
    salesPerLabourHour: sums.labourHours > 0 ? round(sums.netSales / sums.labourHours, 2) : null,
    labourHoursPerTransaction: sums.transactions > 0 ? round(sums.labourHours / sums.transactions, 4) : null,
  };
}

const add = (sums: Sums, row: SalesRow): void => {
  sums.netSales += row.netSales;
  sums.transactions += row.transactions;
  sums.labourHours += row.labourHours;
};
const empty = (): Sums => ({ netSales: 0, transactions: 0, labourHours: 0 });

/** Sales rows of one store as periods (oldest first, only periods with rows), every day part, and the whole range. */
export function aggregateSales(
  rows: Iterable<SalesRow>,
  by: StoreSalesGrouping,
): { periods: StoreSalesPeriod[]; dayParts: StoreDayPartTotals[]; totals: StoreSalesTotals } {
  const periods = new Map<string, { label: string; sums: Sums; days: Set<string> }>();
  const parts = new Map<string, Sums>(storeDayParts.map((part) => [part, empty()]));
  const all = empty();
  for (const row of rows) {
    const { start, label } = periodOf(row.date, by);
    const period = periods.get(start) ?? { label, sums: empty(), days: new Set<string>() };
    add(period.sums, row);
    period.days.add(row.date);
    periods.set(start, period);
    const part = parts.get(row.dayPart);
    if (part) add(part, row);
    add(all, row);
  }
  return {
    periods: [...periods]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([start, period]) => ({ start, label: period.label, days: period.days.size, ...totals(period.sums) })),
    dayParts: storeDayParts.map((dayPart) => ({ dayPart, ...totals(parts.get(dayPart) ?? empty()) })),
    totals: totals(all),
  };
}
