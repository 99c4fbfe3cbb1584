import { packJson } from '@planboard/server';
import { budgetRows } from './import';

describe('the Budget table fed from the app', () => {
  it('keeps a blank amount blank (null), distinct from 0', () => {
    const line = { lineId: 'laptops.europe.q1', category: 'Laptops', region: 'Europe', quarter: 'Q1', comments: '', rev: 1, changes: {} };
    const entity = {
      partitionKey: 'fy2027|sales-north',
      rowKey: 'blk|000000',
      ...packJson('d', [
        { ...line, budgetAmount: null, forecastSales: 0 },
        { ...line, lineId: 'laptops.europe.q2', budgetAmount: 5, forecastSales: null },
      ]),
    };
    expect(budgetRows(entity).map((row) => [row.LineId, row.BudgetAmount, row.ForecastSales])).toEqual([
      ['laptops.europe.q1', null, 0],
      ['laptops.europe.q2', 5, null],
    ]);
  });
});
