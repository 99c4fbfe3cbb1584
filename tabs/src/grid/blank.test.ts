import { describe, expect, it } from '@jest/globals';
import type { BudgetLine } from '@planboard/contracts';
import { BudgetEditModel } from './editModel';
import { grandTotal, subtotals } from './subtotals';
import { parseTsv, toTsv } from './tsv';
import { subtotalInput, totalRow } from './view/rows';

const line = (lineId: string, patch: Partial<BudgetLine> = {}): BudgetLine => {
  const [category = '', region = '', quarter = ''] = lineId.split('.');
  return { lineId, category, region, quarter, budgetAmount: 100, forecastSales: 200, comments: '', rev: 1, changes: {}, ...patch };
};
const [a, b, c] = ['laptops.europe.q1', 'laptops.europe.q2', 'servers.europe.q1'] as const;
const noActuals = { available: false, values: {} };
function model(lines = [line(a), line(b), line(c)]) {
  const m = new BudgetEditModel({ me: 'erik.hansen@contoso.onmicrosoft.com', locale: 'en-US' });
  m.load(lines);
  return m;
}

describe('a cleared number cell is blank, not 0', () => {
  it('Delete / Backspace (the grid hands over "") makes the cell blank and saves null', () => {
    const m = model();
    m.apply([{ lineId: a, field: 'budgetAmount', input: '' }], 'edit');
    expect(m.display(a, 'budgetAmount')).toBe('');
    expect(m.pendingCell(a, 'budgetAmount')).toMatchObject({ value: null });
    expect(m.batches()[0]?.edits).toEqual([{ lineId: a, field: 'budgetAmount', value: null, baseRev: 1 }]);
  });

  it('typing 0 is 0, a different value from blank', () => {
    const m = model([line(a, { budgetAmount: null })]);
    expect(m.display(a, 'budgetAmount')).toBe('');
    m.apply([{ lineId: a, field: 'budgetAmount', input: '0' }], 'edit');
    expect(m.batches()[0]?.edits[0]).toMatchObject({ value: 0 });
    m.apply([{ lineId: a, field: 'budgetAmount', input: '' }], 'edit');
    expect(m.dirty).toBe(false);
  });

  it('subtotals count blanks as nothing and show an all-blank group as blank', () => {
    const m = model([line(a, { budgetAmount: null }), line(b, { budgetAmount: 50 }), line(c, { budgetAmount: null })]);
    const byCategory = subtotals(subtotalInput(m, noActuals), 'category');
    expect(byCategory.map((group) => [group.key, group.budgetAmount])).toEqual([
      ['laptops', 50],
      ['servers', null],
    ]);
    // An unsaved clear counts at once.
    m.apply([{ lineId: b, field: 'budgetAmount', input: '' }], 'edit');
    expect(grandTotal(subtotalInput(m, noActuals)).budgetAmount).toBeNull();
    expect(totalRow(m, noActuals).budgetAmount).toBe('');
    expect(grandTotal(subtotalInput(m, noActuals)).forecastSales).toBe(600);
  });

  it('copies a blank as an empty TSV cell, and pasting one back clears the cell', () => {
    const m = model([line(a, { budgetAmount: null }), line(b)]);
    const copied = toTsv([[m.display(a, 'budgetAmount'), m.display(a, 'forecastSales')]]);
    expect(copied).toBe('\t200\r\n');
    const [[cleared = 'x']] = parseTsv(copied) as [string[]];
    m.apply([{ lineId: b, field: 'budgetAmount', input: cleared }], 'paste');
    expect(m.pendingCell(b, 'budgetAmount')).toMatchObject({ value: null, action: 'paste' });
  });
});
