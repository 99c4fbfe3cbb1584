import { describe, expect, it } from '@jest/globals';
import { fillDownInputs, pasteInputs } from './fill';
import { grandTotal, subtotals, type SubtotalInput } from './subtotals';

const lines = [
  { lineId: 'l.e.q1', category: 'Laptops', region: 'Europe', quarter: 'Q1' },
  { lineId: 'l.e.q2', category: 'Laptops', region: 'Europe', quarter: 'Q2' },
  { lineId: 's.a.q1', category: 'Servers', region: 'Asia', quarter: 'Q1' },
];
const amounts: Record<string, [number, number]> = { 'l.e.q1': [100.1, 1], 'l.e.q2': [200.2, 2], 's.a.q1': [300, 3] };
const input = (actuals?: Record<string, number>): SubtotalInput => ({
  lines,
  amount: (lineId, field) => amounts[lineId]![field === 'budgetAmount' ? 0 : 1],
  actuals,
});

describe('subtotals', () => {
  it('sums by category, region and quarter in first-seen order', () => {
    expect(subtotals(input(), 'category')).toEqual([
      { key: 'Laptops', lines: 2, budgetAmount: 300.3, forecastSales: 3, actualSales: null },
      { key: 'Servers', lines: 1, budgetAmount: 300, forecastSales: 3, actualSales: null },
    ]);
    expect(subtotals(input(), 'quarter').map((row) => [row.key, row.lines, row.budgetAmount])).toEqual([
      ['Q1', 2, 400.1],
      ['Q2', 1, 200.2],
    ]);
    expect(subtotals(input(), 'region').map((row) => row.key)).toEqual(['Europe', 'Asia']);
  });

  it('sums actuals where every line has them, else marks them unknown', () => {
    const all = { 'l.e.q1': 10, 'l.e.q2': 20, 's.a.q1': 30 };
    expect(grandTotal(input(all))).toEqual({ key: 'Total', lines: 3, budgetAmount: 600.3, forecastSales: 6, actualSales: 60 });
    expect(subtotals(input({ 'l.e.q1': 10 }), 'category').map((row) => row.actualSales)).toEqual([null, null]);
  });
});

describe('fill down and paste mapping', () => {
  const rows = [
    { lineId: 'r0', budgetAmount: 1, forecastSales: 10, comments: 'a' },
    { lineId: 'r1', budgetAmount: 2, forecastSales: 20, comments: 'b' },
    { lineId: 'r2', budgetAmount: 3, forecastSales: 30, comments: 'c' },
  ];
  const props = ['category', 'budgetAmount', 'forecastSales', 'comments'];

  it('copies the top row of the selection into the rows below (Ctrl+D)', () => {
    expect(fillDownInputs({ x: 1, y: 0, x1: 2, y1: 2 }, rows, props)).toEqual([
      { lineId: 'r1', field: 'budgetAmount', input: 1 },
      { lineId: 'r1', field: 'forecastSales', input: 10 },
      { lineId: 'r2', field: 'budgetAmount', input: 1 },
      { lineId: 'r2', field: 'forecastSales', input: 10 },
    ]);
  });

  it('with one row selected, copies the row above; at the top there is nothing to fill', () => {
    expect(fillDownInputs({ x: 3, y: 2, x1: 3, y1: 2 }, rows, props)).toEqual([{ lineId: 'r2', field: 'comments', input: 'b' }]);
    expect(fillDownInputs({ x: 3, y: 0, x1: 3, y1: 0 }, rows, props)).toEqual([]);
  });

  it('maps a pasted region onto the rows it landed on, in row order', () => {
    const data = { 2: { budgetAmount: '5' }, 1: { budgetAmount: '4', comments: 'x' } };
    expect(pasteInputs(data, (index) => rows[index])).toEqual([
      { lineId: 'r1', field: 'budgetAmount', input: '4' },
      { lineId: 'r1', field: 'comments', input: 'x' },
      { lineId: 'r2', field: 'budgetAmount', input: '5' },
    ]);
  });
});
