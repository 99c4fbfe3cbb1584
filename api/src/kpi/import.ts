import {
  futurePeriodProblem,
  kpiDataPointInputSchema,
  kpiImportColumns,
  type KpiDataPointInput,
  type KpiImportRowError,
} from '@planboard/contracts';
import type { SheetRow } from '../budget/read-sheet';
import { type KpiDefinition, pointKey } from '@planboard/server';
import { targetProblem } from '@planboard/server';

type Field = keyof typeof kpiImportColumns;
const fields = Object.keys(kpiImportColumns) as Field[];
const requiredColumns: Field[] = ['kpiId', 'period', 'periodStart', 'value'];

/**
 * One row to import, whatever it came from. `row` is what errors name: the file's row number
 * (its header is row 1), or the point's 1-based position in a JSON import.
 */
export interface ImportRow {
  row: number;
  kpiId: string;
  /** The point's fields, parsed as far as the source allows (numbers from text, dates from cells). */
  fields: Record<string, unknown>;
  /** Cells that could not be read, with the reason (sheets only). */
  cellErrors: { field: string; message: string }[];
  /** How a field is named in messages: the column header for files, the key for JSON. */
  label: (field: string) => string;
}

/** A valid row, ready to write. */
export interface ImportPoint {
  row: number;
  kpiId: string;
  point: KpiDataPointInput;
}

/** Header → field, ignoring case, spaces and punctuation ("Period Start", "periodStart", "PERIOD_START"). */
const normalise = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Rows of a JSON import (`points`), numbered from 1. */
export function rowsFromJson(points: readonly ({ kpiId: string } & Record<string, unknown>)[]): ImportRow[] {
  return points.map(({ kpiId, ...rest }, index) => ({
    row: index + 1,
    kpiId: kpiId.trim(),
    fields: rest,
    cellErrors: [],
    label: (field) => field,
  }));
}

/** Parses a number as Excel shows it in en-US (`1,234.5`, `-0.25`), or says why not. */
export function parseNumberCell(value: unknown, label: string): number | string {
  if (typeof value === 'number') return Number.isFinite(value) ? value : `${label}: not a number.`;
  const text = String(value ?? '').trim();
  if (/^-?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(text) && /\d/.test(text)) return Number(text.replace(/,/g, ''));
  return `${label}: "${text.slice(0, 40)}" is not a number.`;
}

/** First day of 1900 in Excel's serial date numbering (with its 1900 leap-year quirk). */
const excelEpoch = Date.UTC(1899, 11, 30);

/** A calendar date from a cell: `2026-11-02`, a date cell (read as midnight UTC) or an Excel serial number. */
export function parseDateCell(value: unknown, label: string): string {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 2_958_466)
    return new Date(excelEpoch + value * 86_400_000).toISOString().slice(0, 10);
  const text = String(value ?? '').trim();
  const match = /^(\d{4}-\d{2}-\d{2})(T00:00:00(\.000)?Z)?$/.exec(text);
  if (match?.[1]) return match[1];
  return `${label}: "${text.slice(0, 40)}" is not a date like 2026-11-02.`;
}

const isBlank = (value: unknown): boolean => value === null || value === undefined || String(value).trim() === '';

/**
 * Rows of a .csv/.xlsx sheet (header row first, columns per `kpiImportColumns`, any order, case
 * ignored, other columns ignored). Returns a reason instead when the file cannot be imported at all.
 */
export function rowsFromSheet(headers: readonly string[], rows: readonly SheetRow[]): ImportRow[] | string {
  // A UTF-8 .csv saved by Excel starts with a byte-order mark.
  const normalised = headers.map((header) => normalise(header.replace(/^\uFEFF/, '')));
  const positions = new Map<Field, number>();
  for (const field of fields) {
    const index = normalised.findIndex((header) => header === normalise(kpiImportColumns[field]) || header === normalise(field));
    if (index >= 0) positions.set(field, index);
  }
  const missing = requiredColumns.filter((field) => !positions.has(field)).map((field) => kpiImportColumns[field]);
  if (missing.length) return `Missing columns: ${missing.join(', ')}. The header row needs ${Object.values(kpiImportColumns).join(', ')}.`;
  const data = rows.filter((row) => !row.values.every(isBlank));
  if (data.length === 0) return 'The file has no data rows.';
  const label = (field: string): string => kpiImportColumns[field as Field] ?? field;
  return data.map(({ rowNumber, values }) => {
    const cell = (field: Field): unknown => values[positions.get(field) ?? -1];
    const cellErrors: ImportRow['cellErrors'] = [];
    const fieldsOut: Record<string, unknown> = {};
    const period = cell('period');
    if (!isBlank(period)) fieldsOut.period = String(period).trim().toLowerCase();
    const start = cell('periodStart');
    if (!isBlank(start)) {
      const parsed = parseDateCell(start, label('periodStart'));
      if (/^\d{4}-/.test(parsed)) fieldsOut.periodStart = parsed;
      else cellErrors.push({ field: 'periodStart', message: parsed });
    }
    for (const field of ['value', 'target'] as const) {
      if (isBlank(cell(field))) continue;
      const parsed = parseNumberCell(cell(field), label(field));
      if (typeof parsed === 'number') fieldsOut[field] = parsed;
      else cellErrors.push({ field, message: parsed });
    }
    if (!isBlank(cell('notes'))) fieldsOut.notes = String(cell('notes'));
    return { row: rowNumber, kpiId: String(cell('kpiId') ?? '').trim(), fields: fieldsOut, cellErrors, label };
  });
}

/**
 * Validates every row against the department's KPIs: the KPI exists, the point is valid, a target
 * is present where the KPI needs one, the period has begun by `now`, and no KPI period appears twice. Every problem is reported
 * (row, KPI, reason); the caller writes nothing unless `errors` is empty.
 */
export function validateImport(
  rows: readonly ImportRow[],
  kpis: ReadonlyMap<string, KpiDefinition>,
  now = new Date(),
): { points: ImportPoint[]; errors: KpiImportRowError[] } {
  const points: ImportPoint[] = [];
  const errors: KpiImportRowError[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const fail = (message: string) => errors.push({ row: row.row, ...(row.kpiId ? { kpiId: row.kpiId } : {}), message });
    const kpi = kpis.get(row.kpiId);
    if (!row.kpiId) fail(`${row.label('kpiId')} is empty.`);
    else if (!kpi) fail(`There is no KPI "${row.kpiId.slice(0, 60)}" in this department.`);
    for (const { message } of row.cellErrors) fail(message);
    const parsed = kpiDataPointInputSchema.safeParse(row.fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        // A cell already reported as unreadable is not reported again as missing.
        if (row.cellErrors.some((error) => error.field === field)) continue;
        fail(field ? `${row.label(field)}: ${issue.message}` : issue.message);
      }
      continue;
    }
    if (!kpi || row.cellErrors.length) continue;
    const problem = targetProblem(kpi, parsed.data);
    if (problem) {
      fail(`${row.label('target')}: ${problem}`);
      continue;
    }
    const future = futurePeriodProblem(parsed.data, now);
    if (future) {
      fail(`${row.label('periodStart')}: ${future}`);
      continue;
    }
    const key = `${row.kpiId}|${pointKey(parsed.data)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(`The same KPI, period and period start are already in row ${first}.`);
      continue;
    }
    seen.set(key, row.row);
    points.push({ row: row.row, kpiId: row.kpiId, point: parsed.data });
  }
  return { points, errors };
}
