import type { CellInput } from './cells';

/** A selected rectangle in grid coordinates (columns x..x1, rows y..y1, inclusive). */
export interface GridRange {
  x: number;
  y: number;
  x1: number;
  y1: number;
}

/** A row as the grid shows it: its line id and its cell values by column prop. */
export type GridRowValues = { lineId: string } & Record<string, unknown>;

/**
 * Excel's Ctrl+D: the top row of the selection is copied into every row below it. With a single
 * row selected, the row above is copied into it. Returns the inputs to apply as one step.
 */
export function fillDownInputs(range: GridRange, rows: readonly GridRowValues[], props: readonly string[]): CellInput[] {
  const top = Math.min(range.y, range.y1);
  const bottom = Math.max(range.y, range.y1);
  const left = Math.min(range.x, range.x1);
  const right = Math.max(range.x, range.x1);
  const sourceIndex = top === bottom ? top - 1 : top;
  const firstTarget = top === bottom ? top : top + 1;
  const source = rows[sourceIndex];
  if (!source) return [];
  const inputs: CellInput[] = [];
  for (let y = firstTarget; y <= bottom; y += 1) {
    const row = rows[y];
    if (!row) continue;
    for (let x = left; x <= right; x += 1) {
      const prop = props[x];
      if (prop === undefined) continue;
      inputs.push({ lineId: row.lineId, field: prop, input: source[prop] });
    }
  }
  return inputs;
}

/**
 * A pasted block mapped onto rows and columns from a start cell (what revogrid hands over as
 * `{ [rowIndex]: { [prop]: text } }`), as inputs in row order.
 */
export function pasteInputs(
  data: Readonly<Record<number, Record<string, unknown>>>,
  rowAt: (index: number) => GridRowValues | undefined,
): CellInput[] {
  const inputs: CellInput[] = [];
  const indexes = Object.keys(data)
    .map(Number)
    .sort((a, b) => a - b);
  for (const index of indexes) {
    const row = rowAt(index);
    const values = data[index];
    if (!row || !values) continue;
    for (const [field, input] of Object.entries(values)) inputs.push({ lineId: row.lineId, field, input });
  }
  return inputs;
}
