import type { StoreDayPart, StoreSalesTotals } from '@planboard/contracts';

/** Weeks the Stores page shows: the pipeline loads the last 12 weeks' workbooks. */
export const storeWeeks = 12;

const dayMs = 86_400_000;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The range of the last {@link storeWeeks} ISO weeks, this one included (Monday … today), in UTC dates. */
export function recentWeeks(now: Date, weeks = storeWeeks): { from: string; to: string } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * dayMs;
  return { from: isoDate(monday - (weeks - 1) * 7 * dayMs), to: isoDate(today) };
}

const dayPartNames: Record<StoreDayPart, string> = {
  breakfast: 'Breakfast',
  lunch: 'Lunch',
  dinner: 'Dinner',
  late: 'Late night',
};

/** A day part in words. */
export const dayPartName = (dayPart: StoreDayPart): string => dayPartNames[dayPart];

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const hours = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export const moneyText = (value: number): string => money.format(value);
export const countText = (value: number): string => whole.format(value);
export const hoursText = (value: number): string => `${hours.format(value)} h`;

/** Labour minutes per transaction: the figure store leaders staff by (hours per sale are fractions too small to read). */
export function labourPerSaleText(totals: Pick<StoreSalesTotals, 'labourHoursPerTransaction'>): string {
  const perSale = totals.labourHoursPerTransaction;
  return perSale === null ? 'no sales' : `${(perSale * 60).toFixed(1)} min`;
}

export function salesPerHourText(totals: Pick<StoreSalesTotals, 'salesPerLabourHour'>): string {
  return totals.salesPerLabourHour === null ? 'no labour hours' : `${moneyText(totals.salesPerLabourHour)} per hour`;
}

/** `2026-W45` → "Week 45" with its Monday ("Week 45, 2 Nov"). */
export function weekLabel(label: string, start: string): string {
  const week = Number(label.split('-W')[1] ?? '0');
  const monday = new Date(`${start}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `Week ${week}, ${monday}`;
}
