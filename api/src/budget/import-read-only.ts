import { budgetSheetColumns, type ImportIgnored } from '@planboard/contracts';
import type { StoredLine } from '@planboard/server';
import type { SheetColumnKey } from './sheet';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** A number cell as text for comparing (en-US grouping removed, so `1,234` equals 1234). */
function numberText(value: unknown): string {
  const raw = text(value).replace(/,/g, '');
  if (raw === '') return '';
  const number = Number(raw);
  return Number.isFinite(number) ? String(number) : raw;
}

/**
 * The read-only cells of one row that differ from the plan (the line's category, region and
 * quarter; prior-year actuals when they are known): an import never writes them, and the preview
 * lists each as "ignored: read-only" so nothing a user typed disappears without a word.
 */
export function readOnlyEdits(
  rowNumber: number,
  values: readonly unknown[],
  positions: ReadonlyMap<SheetColumnKey, number>,
  line: StoredLine,
  actuals?: Readonly<Record<string, number>>,
): ImportIgnored[] {
  const ignored: ImportIgnored[] = [];
  for (const column of budgetSheetColumns) {
    if (column.editable || column.key === 'lineId') continue;
    const position = positions.get(column.key);
    if (position === undefined) continue;
    const cell = values[position];
    let kept: string;
    let same: boolean;
    if (column.key === 'actualSales') {
      if (!actuals) continue;
      const actual = actuals[line.lineId];
      kept = actual === undefined ? '' : String(actual);
      same = numberText(cell) === kept;
    } else {
      kept = line[column.key];
      same = text(cell) === kept.trim();
    }
    if (!same)
      ignored.push({
        row: rowNumber,
        lineId: line.lineId,
        column: column.header,
        value: text(cell).slice(0, 200),
        kept,
        reason: 'read-only',
      });
  }
  return ignored;
}
