import { amountBounds, maxCommentLength, type EditableField, type ImportChange, type ImportRowError } from '@planboard/contracts';
import type { StoredLine } from '@planboard/server';
import type { SheetRow } from './read-sheet';
import { mapHeaders } from './sheet';

/** Parses a number as Excel shows it in en-US (`1,234.50`), or fails with the reason. */
export function parseAmount(value: unknown): number | string {
  if (value === null || value === undefined || value === '') return 'A number is required.';
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
  changes: ImportChange[];
  errors: ImportRowError[];
  unchangedRows: number;
}

/** Compares a sheet (rows already within the import limits) with the stored lines: what would change, and which rows cannot be imported. */
export function planImport(headers: readonly string[], rows: readonly SheetRow[], lines: ReadonlyMap<string, StoredLine>): ImportPlan {
  const { positions, missing } = mapHeaders(headers);
  if (missing.length)
    return {
      changes: [],
      errors: [{ row: 1, message: `Missing columns: ${missing.join(', ')}. Use the layout of an exported file.` }],
      unchangedRows: 0,
    };
  const changes: ImportChange[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Set<string>();
  let unchangedRows = 0;
  for (const { rowNumber, values } of rows) {
    const at = (key: 'lineId' | EditableField): unknown => values[positions.get(key) ?? -1];
    const lineId = String(at('lineId') ?? '').trim();
    const line = lines.get(lineId);
    if (!line) {
      errors.push({
        row: rowNumber,
        column: 'Line ID',
        message: lineId ? `No line ${lineId.slice(0, 60)} in this plan.` : 'The line ID is empty.',
      });
      continue;
    }
    if (seen.has(lineId)) {
      errors.push({ row: rowNumber, column: 'Line ID', message: `Line ${lineId} appears more than once.` });
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
    if (rowErrors.length) errors.push(...rowErrors);
    else if (rowChanges.length) changes.push(...rowChanges);
    else unchangedRows += 1;
  }
  return { changes, errors, unchangedRows };
}
