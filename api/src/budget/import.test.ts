import type { StoredLine } from '@planboard/server';
import { parseAmount, planImport } from './import';

const line: StoredLine = {
  lineId: 'laptops.europe.q1',
  category: 'Laptops',
  region: 'Europe',
  quarter: 'Q1',
  budgetAmount: 100,
  forecastSales: 200,
  comments: '=SUM(A1)',
  rev: 3,
  changes: {},
  block: 'blk|000000',
};
const lines = new Map([[line.lineId, line]]);
const headers = ['Line ID', 'Category', 'Region', 'Quarter', 'Actual Sales (prior year)', 'Budget Amount', 'Forecast Sales', 'Comments'];
const row = (rowNumber: number, ...values: unknown[]) => ({ rowNumber, values });

describe('parsing amounts as Excel shows them', () => {
  it('accepts numbers and en-US formatted text', () => {
    expect(parseAmount(1234.5)).toBe(1234.5);
    expect(parseAmount('1,234.50')).toBe(1234.5);
    expect(parseAmount(' 42 ')).toBe(42);
  });
  it('reads an empty cell as blank (null), not 0', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount(null)).toBeNull();
    expect(parseAmount('  ')).toBeNull();
    expect(parseAmount(0)).toBe(0);
  });
  it('rejects text and out-of-range values with a reason', () => {
    expect(parseAmount('abc')).toMatch(/not a number/);
    expect(parseAmount('1,23')).toMatch(/not a number/);
    expect(parseAmount(-5)).toMatch(/between/);
  });
});

describe('planning an import', () => {
  it('finds no changes in an unmodified export (formula-like comment included)', () => {
    const plan = planImport(headers, [row(2, line.lineId, 'Laptops', 'Europe', 'Q1', 99, 100, 200, '=SUM(A1)')], lines);
    expect(plan).toEqual({ fileRows: 1, changes: [], errors: [], ignored: [], ignoredCount: 0, unchangedRows: 1 });
  });
  it('keeps blank and 0 apart: an empty cell of a blank line is no change, 0 is one, and an emptied cell clears', () => {
    const blank = new Map([[line.lineId, { ...line, budgetAmount: null }]]);
    expect(planImport(headers, [row(2, line.lineId, 'Laptops', 'Europe', 'Q1', '', '', 200, '=SUM(A1)')], blank)).toMatchObject({
      changes: [],
      unchangedRows: 1,
    });
    expect(planImport(headers, [row(2, line.lineId, 'Laptops', 'Europe', 'Q1', '', 0, 200, '=SUM(A1)')], blank).changes).toEqual([
      { lineId: line.lineId, field: 'budgetAmount', old: null, new: 0, baseRev: 3 },
    ]);
    expect(planImport(headers, [row(2, line.lineId, 'Laptops', 'Europe', 'Q1', '', null, 200, '=SUM(A1)')], lines).changes).toEqual([
      { lineId: line.lineId, field: 'budgetAmount', old: 100, new: null, baseRev: 3 },
    ]);
  });
  it('skips the totals row of an export', () => {
    const plan = planImport(
      headers,
      [row(2, line.lineId, 'Laptops', 'Europe', 'Q1', '', 100, 200, '=SUM(A1)'), row(3, 'Total', '', '', '', 99, 100, 200, '')],
      lines,
    );
    expect(plan).toMatchObject({ fileRows: 1, changes: [], errors: [], unchangedRows: 1 });
  });
  it('reports edits to read-only columns as ignored, per row and column, and imports the editable ones', () => {
    const plan = planImport(headers, [row(2, line.lineId, 'Tablets', 'Europe', 'Q1', '1,234', 150, 200, '=SUM(A1)')], lines, {
      [line.lineId]: 99,
    });
    expect(plan.changes).toEqual([{ lineId: line.lineId, field: 'budgetAmount', old: 100, new: 150, baseRev: 3 }]);
    expect(plan.ignoredCount).toBe(2);
    expect(plan.ignored).toEqual([
      { row: 2, lineId: line.lineId, column: 'Category', value: 'Tablets', kept: 'Laptops', reason: 'read-only' },
      { row: 2, lineId: line.lineId, column: 'Actual Sales (prior year)', value: '1,234', kept: '99', reason: 'read-only' },
    ]);
    // Actuals matching the plan (formatted or not) and unknown actuals are not reported.
    expect(
      planImport(headers, [row(2, line.lineId, 'Laptops', 'Europe', 'Q1', '99', 100, 200, '=SUM(A1)')], lines, { [line.lineId]: 99 })
        .ignored,
    ).toEqual([]);
    expect(planImport(headers, [row(2, line.lineId, 'Laptops', 'Europe', 'Q1', 5, 100, 200, '=SUM(A1)')], lines).ignored).toEqual([]);
  });
  it('lists changed cells with their base revision', () => {
    const plan = planImport(headers, [row(2, line.lineId, '', '', '', '', '150', 200, '=SUM(A1)')], lines);
    expect(plan.changes).toEqual([{ lineId: line.lineId, field: 'budgetAmount', old: 100, new: 150, baseRev: 3 }]);
  });
  it('reports bad rows with row number and column, and imports nothing of them', () => {
    const plan = planImport(
      headers,
      [row(2, line.lineId, '', '', '', '', 'abc', 300, ''), row(3, 'nope.nope.q1', '', '', '', '', 1, 1, ''), row(4, line.lineId)],
      lines,
    );
    expect(plan.changes).toEqual([]);
    expect(plan.errors.map((error) => [error.row, error.column])).toEqual([
      [2, 'Budget Amount'],
      [3, 'Line ID'],
      [4, 'Line ID'], // the same line twice
    ]);
  });
  it('refuses a file in another layout', () => {
    expect(planImport(['A', 'B'], [], lines).errors[0]?.message).toMatch(/Missing columns: Line ID, Budget Amount/);
  });
});
