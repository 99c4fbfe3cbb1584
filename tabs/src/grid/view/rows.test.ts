import { describe, expect, it } from '@jest/globals';
import type { BudgetLine } from '@planboard/contracts';
import { BudgetEditModel } from '../editModel';
import { buildRow, refreshRow, totalRow, trimmedFor } from './rows';

const line = (lineId: string, category: string, budgetAmount: number): BudgetLine => ({
  lineId,
  category,
  region: 'Europe',
  quarter: 'Q1',
  budgetAmount,
  forecastSales: 10,
  comments: '',
  rev: 1,
  changes: {},
});

describe('grid rows', () => {
  const model = new BudgetEditModel({ me: 'me@contoso', locale: 'en-US' });
  model.load([line('a.e.q1', 'Laptops', 100), line('b.e.q1', 'Servers', 200)]);
  const actuals = { available: true, values: { 'a.e.q1': 5, 'b.e.q1': 7 } };

  it('shows unsaved and rejected values, and totals only what is valid', () => {
    const row = buildRow(model, 'a.e.q1', actuals);
    expect(row).toMatchObject({ category: 'Laptops', actualSales: 5, budgetAmount: 100 });
    model.apply(
      [
        { lineId: 'a.e.q1', field: 'budgetAmount', input: '150' },
        { lineId: 'b.e.q1', field: 'budgetAmount', input: 'oops' },
      ],
      'paste',
    );
    refreshRow(row, model);
    expect(row.budgetAmount).toBe(150);
    expect(buildRow(model, 'b.e.q1', actuals).budgetAmount).toBe('oops');
    expect(totalRow(model, actuals)).toMatchObject({
      total: true,
      budgetAmount: 350,
      forecastSales: 20,
      actualSales: 12,
      region: '2 lines',
    });
  });

  it('filters rows by every word typed, in any column of text', () => {
    const rows = model.lineIds().map((lineId) => buildRow(model, lineId, actuals));
    expect(trimmedFor(rows, 'servers europe')).toEqual({ 0: true });
    expect(trimmedFor(rows, '  ')).toEqual({});
  });
});
