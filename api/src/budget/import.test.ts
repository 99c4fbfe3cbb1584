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
  it('rejects text, blanks and out-of-range values with a reason', () => {
    expect(parseAmount('abc')).toMatch(/not a number/);
    expect(parseAmount('')).toMatch(/required/);
    expect(parseAmount('1,23')).toMatch(/not a number/);
    expect(parseAmount(-5)).toMatch(/between/);
  });
});

describe('planning an import', () => {
  it('finds no changes in an unmodified export (formula-like comment included)', () => {
    const plan = planImport(headers, [row(2, line.lineId, 'Laptops', 'Europe', 'Q1', 99, 100, 200, '=SUM(A1)')], lines);
    expect(plan).toEqual({ changes: [], errors: [], unchangedRows: 1 });
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
