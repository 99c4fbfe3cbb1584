import { budgetSheetColumns } from '@planboard/contracts';

/** Characters that make Excel (or a CSV consumer) treat a cell as a formula. */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Text as it is written to a sheet: a leading `'` makes Excel show it as text, never as a formula
 * (OWASP CSV/formula injection). {@link fromSheetText} removes it again on import.
 */
export function toSheetText(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

export function fromSheetText(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

export type SheetColumnKey = (typeof budgetSheetColumns)[number]['key'];

/** Maps a header row to column positions; unknown or missing headers are reported by name. */
export function mapHeaders(headers: readonly string[]): { positions: Map<SheetColumnKey, number>; missing: string[] } {
  const normalised = headers.map((header) => header.trim().toLowerCase());
  const positions = new Map<SheetColumnKey, number>();
  const missing: string[] = [];
  for (const column of budgetSheetColumns) {
    const index = normalised.indexOf(column.header.toLowerCase());
    if (index >= 0) positions.set(column.key, index);
    else if (column.key === 'lineId' || column.editable) missing.push(column.header);
  }
  return { positions, missing };
}
