import type { StoreRejectedRow, StoreSalesRow } from '@planboard/contracts';
import { dayParts, type DayPart } from '@planboard/server';
import type { RawRow } from './read-rows';

/** The file layout (SPEC §4): header names as the workbooks spell them, matched loosely. */
export const salesColumns = [
  { key: 'storeNumber', header: 'Store ID' },
  { key: 'date', header: 'Date' },
  { key: 'dayPart', header: 'Day part' },
  { key: 'netSales', header: 'Net sales' },
  { key: 'transactions', header: 'Transactions' },
  { key: 'labourHours', header: 'Labour hours' },
] as const;
type ColumnKey = (typeof salesColumns)[number]['key'];

const excelEpochMs = Date.UTC(1899, 11, 30);

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

/** The whole file cannot be read as store sales (a missing column): no row is loaded. */
export class LayoutError extends Error {}

export type RowVerdict = { ok: true; row: StoreSalesRow } | { ok: false; rejected: StoreRejectedRow };

const text = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
};

function isoDate(value: unknown): string | undefined {
  // Excel date cells arrive as Dates at UTC midnight of the day shown.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  // An Excel date serial (days since 1899-12-30), as a date cell reads without its style.
  if (typeof value === 'number')
    return Number.isInteger(value) && value > 0 && value < 2_958_466
      ? new Date(excelEpochMs + value * 86_400_000).toISOString().slice(0, 10)
      : undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(value));
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === match[0] ? match[0] : undefined; // 2026-02-30 rolls over: refused
}

function amount(value: unknown, label: string, reasons: string[], integer = false): number {
  const raw = typeof value === 'number' ? value : text(value) === '' ? Number.NaN : Number(text(value).replace(/,/g, ''));
  if (!Number.isFinite(raw)) {
    reasons.push(text(value) === '' ? `${label} is empty.` : `${label} "${text(value)}" is not a number.`);
    return 0;
  }
  if (raw < 0) reasons.push(`${label} is negative (${raw}).`);
  else if (integer && !Number.isInteger(raw)) reasons.push(`${label} must be a whole number (${raw}).`);
  return raw;
}

/**
 * Checks rows of one file against the layout and the store master: every rule that fails is
 * named, so the report says everything wrong with a row at once. Duplicates are judged within the
 * file (the first occurrence loads; the later ones are rejected naming it).
 */
export class SalesRowValidator {
  private positions?: Map<ColumnKey, number>;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly knownStores: ReadonlySet<string>,
  ) {}

  /** Reads the header row; throws {@link LayoutError} naming missing columns. */
  header(row: RawRow): void {
    const names = row.values.map((value) => normalise(text(value)));
    const positions = new Map<ColumnKey, number>();
    const missing: string[] = [];
    for (const column of salesColumns) {
      const index = names.indexOf(normalise(column.header));
      if (index < 0) missing.push(column.header);
      else positions.set(column.key, index);
    }
    if (missing.length)
      throw new LayoutError(`${this.file} has no ${missing.map((name) => `"${name}"`).join(', ')} column (row ${row.rowNumber}).`);
    this.positions = positions;
  }

  get hasHeader(): boolean {
    return this.positions !== undefined;
  }

  check(row: RawRow): RowVerdict {
    const positions = this.positions;
    if (!positions) throw new LayoutError(`${this.file}: rows before the header`);
    const cell = (key: ColumnKey) => row.values[positions.get(key) ?? -1];
    const reasons: string[] = [];
    const rawStore = cell('storeNumber');
    const storeNumber = typeof rawStore === 'number' && Number.isInteger(rawStore) ? String(rawStore).padStart(6, '0') : text(rawStore);
    if (!/^\d{6}$/.test(storeNumber)) reasons.push(`Store ID "${storeNumber}" is not a six-digit store number.`);
    else if (!this.knownStores.has(storeNumber)) reasons.push(`Store ${storeNumber} is not in the store master.`);
    const date = isoDate(cell('date'));
    if (!date) reasons.push(`Date "${text(cell('date'))}" is not a date (yyyy-mm-dd).`);
    const dayPart = text(cell('dayPart')).toLowerCase();
    if (!dayParts.includes(dayPart as DayPart)) reasons.push(`Day part "${text(cell('dayPart'))}" is not one of ${dayParts.join(', ')}.`);
    const netSales = amount(cell('netSales'), 'Net sales', reasons);
    const transactions = amount(cell('transactions'), 'Transactions', reasons, true);
    const labourHours = amount(cell('labourHours'), 'Labour hours', reasons);
    if (reasons.length === 0 && date) {
      const key = `${storeNumber}|${date}|${dayPart}`;
      const first = this.seen.get(key);
      if (first !== undefined) reasons.push(`Duplicate of row ${first} (same store, date and day part).`);
      else this.seen.set(key, row.rowNumber);
    }
    if (reasons.length)
      return { ok: false, rejected: { file: this.file, rowNumber: row.rowNumber, reasons, values: row.values.map(text) } };
    return { ok: true, row: { storeNumber, date: date ?? '', dayPart: dayPart as DayPart, netSales, transactions, labourHours } };
  }
}
