import { describe, expect, it } from '@jest/globals';
import type { BudgetSummary } from '@planboard/contracts';
import { blankText, coverageText, summaryRows, summarySentence } from './summaryRows';

const totals = (budgetAmount: number, forecastSales: number, blankBudget = 0) => ({ lines: 10, budgetAmount, forecastSales, blankBudget });
const state = { status: 'draft' as const };
const summary: BudgetSummary = {
  planId: 'fy2027',
  units: [
    { scopeId: 'marketing', scopeName: 'Marketing', state, totals: totals(1000, 1500), byQuarter: [] },
    { scopeId: 'sales-north', scopeName: 'Sales North', state, totals: totals(4000, 5000, 3), byQuarter: [] },
  ],
  totals: { lines: 20, budgetAmount: 5000, forecastSales: 6500, blankBudget: 3 },
};

describe('the business units side by side', () => {
  it('lists each unit, then the total of them all, with forecast in % of budget', () => {
    const rows = summaryRows(summary, 'en-US');
    expect(rows.map((row) => [row.name, row.coverage, row.isTotal])).toEqual([
      ['Marketing', '150\u00a0%', false],
      ['Sales North', '125\u00a0%', false],
      ['All business units', '130\u00a0%', true],
    ]);
    expect(coverageText(totals(0, 10))).toBe('—');
  });

  it('says what is left to plan and what the chart shows, in words', () => {
    expect(blankText(totals(1, 1, 0))).toBe('All planned');
    expect(blankText(totals(1, 1, 3))).toBe('3 blank');
    expect(summarySentence(summary, 'en-US')).toBe("2 business units, 5,000 budgeted in all; the largest budget is Sales North's (4,000).");
    expect(summarySentence({ ...summary, units: [] })).toBe('No business unit has a plan yet.');
  });
});
