import {
  periodStartContaining,
  kpiImportColumns,
  kpiImportRowErrorSchema,
  maxKpiImportRows,
  type KpiDataPoint,
  type KpiImportRowError,
} from '@planboard/contracts';
import { ApiError } from '../../api/client';
import { formatNumber, nextPeriodStart } from './kpiFormat';

/** What an import file is, by its name (then its type): the API takes JSON, .csv and .xlsx. */
export type ImportFileKind = 'json' | 'csv' | 'xlsx';

/** The content type of an .xlsx workbook. */
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file picker's `accept`. */
export const importAccept = `.csv,.xlsx,.json,text/csv,application/json,${xlsxType}`;

/** The kind of a chosen file (by extension, then by type); null for anything the API does not take. */
export function importFileKind(file: { name: string; type: string }): ImportFileKind | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json') || file.type === 'application/json') return 'json';
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  if (name.endsWith('.xlsx') || file.type === xlsxType) return 'xlsx';
  return null;
}

/** The content type a .csv/.xlsx upload is sent with. */
export const importContentType = (kind: Exclude<ImportFileKind, 'json'>) => (kind === 'csv' ? 'text/csv' : xlsxType);

/** A JSON file's points: either `{ "points": [...] }` (the API's body) or a bare array of points. */
export function jsonImportBody(text: string): { ok: true; body: { points: unknown[] } } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'The file is not valid JSON.' };
  }
  const points = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as { points?: unknown }).points : undefined;
  if (!Array.isArray(points)) return { ok: false, reason: 'The JSON needs a "points" list (or is a list of points itself).' };
  if (points.length === 0) return { ok: false, reason: 'The file has no data points.' };
  if (points.length > maxKpiImportRows)
    return {
      ok: false,
      reason: `One import takes at most ${formatNumber(maxKpiImportRows)} data points; this file has ${formatNumber(points.length)}.`,
    };
  return { ok: true, body: { points } };
}

/** One row that cannot be imported, as the dialog lists it. */
export interface ImportProblem {
  /** The row as the API numbers it; null when the problem is the whole file. */
  row: number | null;
  /** The column (the .csv/.xlsx header, e.g. "Value"), when the API says which. */
  column?: string;
  kpiId?: string;
  message: string;
}

const columnNames: Record<string, string> = kpiImportColumns;

/** `rows.7` / `rows.7.value` / `points.7.value` → row 7 (and its column). */
function fromPath(path: string): Pick<ImportProblem, 'row' | 'column'> {
  const match = /(?:^|\.)(?:rows|points)\.(\d+)(?:\.([^.]+))?/.exec(path);
  if (!match) return { row: null, column: columnNames[path] };
  const key = match[2];
  return { row: Number(match[1]), column: key ? (columnNames[key] ?? key) : undefined };
}

/**
 * The per-row problems in an import's 400 answer: its `details` list `{ path: 'rows.7', message }`
 * (or the result's `{ row, kpiId, message }`). Empty when the error is not about rows.
 */
export function importProblems(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  const problems: ImportProblem[] = [];
  for (const detail of error.details as unknown[]) {
    const rowError = kpiImportRowErrorSchema.safeParse(detail);
    if (rowError.success) {
      problems.push(rowProblem(rowError.data));
      continue;
    }
    if (!detail || typeof detail !== 'object') continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const place = fromPath(typeof path === 'string' ? path : '');
    // The API words each message as a sentence of its own ("Row 7 (win-rate): Value: …"): the table has columns for those.
    const prefix = /^Row (\d+)(?: \(([^)]*)\))?: ([\s\S]*)$/.exec(message);
    if (prefix && (place.row === null || Number(prefix[1]) === place.row))
      problems.push({ ...place, row: Number(prefix[1]), ...(prefix[2] ? { kpiId: prefix[2] } : {}), message: prefix[3] ?? message });
    else problems.push({ ...place, message });
  }
  return problems.sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
}

const rowProblem = (error: KpiImportRowError): ImportProblem => ({ row: error.row, kpiId: error.kpiId, message: error.message });

/** The problems of a 200 answer's `errors` (normally empty: any invalid row fails the whole import). */
export const resultProblems = (errors: readonly KpiImportRowError[]): ImportProblem[] => errors.map(rowProblem);

const earlier = (a: string, b: string) => (a < b ? a : b);

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * A .csv template for a department: the import's headers, then one row per KPI for the period
 * after its latest, but never one that has not begun (`today` decides; the API refuses those),
 * with the target filled in from the latest, ready to be completed in Excel.
 */
export function importTemplateCsv(
  kpis: readonly { kpiId: string; latest?: Pick<KpiDataPoint, 'period' | 'periodStart' | 'target'> }[],
  today: string,
): string {
  const order = ['kpiId', 'period', 'periodStart', 'value', 'target', 'notes'] as const;
  const lines = [order.map((key) => kpiImportColumns[key]).join(',')];
  for (const kpi of kpis) {
    const latest = kpi.latest;
    const row = {
      kpiId: kpi.kpiId,
      period: latest?.period ?? 'weekly',
      periodStart: latest ? earlier(nextPeriodStart(latest.period, latest.periodStart), periodStartContaining(latest.period, today)) : '',
      value: '',
      target: latest?.target === undefined ? '' : String(latest.target),
      notes: '',
    };
    lines.push(order.map((key) => csvCell(row[key])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
