import { describe, expect, it } from '@jest/globals';
import { summariseLines, sumTotals } from './summary';

const line = (quarter: string, budgetAmount: number | null, forecastSales: number | null) => ({ quarter, budgetAmount, forecastSales });

describe('budget summary', () => {
  it('totals a plan and its quarters, counting blanks apart from zeros', () => {
    const { totals, byQuarter } = summariseLines([
      line('Q2', 100, 150),
      line('Q1', null, 40),
      line('Q1', 0, null),
      line('Q10', 5, 5),
      line('Q2', 50.5, 60),
    ]);
    expect(totals).toEqual({ lines: 5, budgetAmount: 155.5, forecastSales: 255, blankBudget: 1 });
    expect(byQuarter.map((q) => q.quarter)).toEqual(['Q1', 'Q2', 'Q10']);
    expect(byQuarter[0]?.totals).toEqual({ lines: 2, budgetAmount: 0, forecastSales: 40, blankBudget: 1 });
  });

  it('adds business units up to the total of them all', () => {
    const a = summariseLines([line('Q1', 10, 20)]).totals;
    const b = summariseLines([line('Q1', null, 5), line('Q2', 3, 4)]).totals;
    expect(sumTotals([a, b])).toEqual({ lines: 3, budgetAmount: 13, forecastSales: 29, blankBudget: 1 });
    expect(sumTotals([])).toEqual({ lines: 0, budgetAmount: 0, forecastSales: 0, blankBudget: 0 });
  });
});
