import {
  amountBounds,
  budgetSheetTotalsLabel,
  maxCommentLength,
  type EditableField,
  type ImportChange,
  type ImportIgnored,
  type ImportRowError,
} from '@planboard/contracts';
import type { StoredLine } from '@planboard/server';
import type { SheetRow } from './read-sheet';
import { mapHeaders } from './sheet';
import { readOnlyEdits } from './import-read-only';

const isBlank = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Parses a number as Excel shows it in en-US (`1,234.50`), or fails with the reason. An empty
 * cell is a blank (null), which is not 0.
 */
export function parseAmount(value: unknown): number | null | string {
  if (isBlank(value)) return null;
  const number =
    typeof value === 'number'
      ? value
      : /^\s*-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][-+]?\d+)?\s*$/.test(String(value))
        ? Number(String(value).replace(/,/g, ''))
        : NaN;
  if (!Number.isFinite(number)) return `"${String(value).slice(0, 40)}" is not a number.`;
  if (number < amountBounds.min || number > amountBounds.max)
    return `Must be between ${amountBounds.min} and ${amountBounds.max.toLocaleString('en-US')}.`;
  return number;
}

export interface ImportPlan {
  /** Rows of lines in the file (the export's totals row is not one). */
  fileRows: number;
  changes: ImportChange[];
  errors: ImportRowError[];
  /** Edits to read-only columns, which the import leaves as they are (at most {@link maxIgnoredListed}). */
  ignored: ImportIgnored[];
  ignoredCount: number;
  unchangedRows: number;
}

/** Most ignored read-only edits a preview lists (the count says how many there are). */
export const maxIgnoredListed = 500;

/**
 * Compares a sheet (rows already within the import limits) with the stored lines: what would
 * change, which rows cannot be imported, and which read-only cells differ (ignored, reported).
 * `actuals` (prior-year sales by line id) is compared when known; the totals row is skipped.
 */
export function planImport(
  headers: readonly string[],
  rows: readonly SheetRow[],
  lines: ReadonlyMap<string, StoredLine>,
  actuals?: Readonly<Record<string, number>>,
): ImportPlan {
  const { positions, missing } = mapHeaders(headers);
  const plan: ImportPlan = { fileRows: 0, changes: [], errors: [], ignored: [], ignoredCount: 0, unchangedRows: 0 };
  if (missing.length) {
    plan.errors.push({ row: 1, message: `Missing columns: ${missing.join(', ')}. Use the layout of an exported file.` });
    return plan;
  }
  const seen = new Set<string>();
  for (const { rowNumber, values } of rows) {
    const at = (key: 'lineId' | EditableField): unknown => values[positions.get(key) ?? -1];
    const lineId = String(at('lineId') ?? '').trim();
    if (lineId === budgetSheetTotalsLabel) continue;
    plan.fileRows += 1;
    const line = lines.get(lineId);
    if (!line) {
      plan.errors.push({
        row: rowNumber,
        column: 'Line ID',
        message: lineId ? `No line ${lineId.slice(0, 60)} in this plan.` : 'The line ID is empty.',
      });
      continue;
    }
    if (seen.has(lineId)) {
      plan.errors.push({ row: rowNumber, column: 'Line ID', message: `Line ${lineId} appears more than once.` });
      continue;
    }
    seen.add(lineId);
    const rowChanges: ImportChange[] = [];
    const rowErrors: ImportRowError[] = [];
    for (const field of ['budgetAmount', 'forecastSales'] as const) {
      const parsed = parseAmount(at(field));
      if (typeof parsed === 'string')
        rowErrors.push({ row: rowNumber, column: field === 'budgetAmount' ? 'Budget Amount' : 'Forecast Sales', message: parsed });
      else if (parsed !== line[field]) rowChanges.push({ lineId, field, old: line[field], new: parsed, baseRev: line.rev });
    }
    // Text arrives decoded (readSheet undoes exactly what the export encoded).
    const comments = String(at('comments') ?? '');
    if (comments.length > maxCommentLength)
      rowErrors.push({ row: rowNumber, column: 'Comments', message: `At most ${maxCommentLength} characters.` });
    else if (comments !== line.comments)
      rowChanges.push({ lineId, field: 'comments', old: line.comments, new: comments, baseRev: line.rev });
    for (const ignored of readOnlyEdits(rowNumber, values, positions, line, actuals)) {
      plan.ignoredCount += 1;
      if (plan.ignored.length < maxIgnoredListed) plan.ignored.push(ignored);
    }
    if (rowErrors.length) plan.errors.push(...rowErrors);
    else if (rowChanges.length) plan.changes.push(...rowChanges);
    else plan.unchangedRows += 1;
  }
  return plan;
}
