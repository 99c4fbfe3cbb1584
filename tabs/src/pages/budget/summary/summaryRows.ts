import type { BudgetSummary, BudgetTotals } from '@planboard/contracts';
import { formatAmount } from '../../../grid/numbers';

/** One row of the side-by-side table: a business unit, or the total of them all. */
export interface SummaryRow {
  key: string;
  name: string;
  totals: BudgetTotals;
  /** Forecast in % of budget ("132 %"); a dash when nothing is budgeted. */
  coverage: string;
  isTotal: boolean;
}

export function coverageText(totals: BudgetTotals, locale?: string): string {
  if (totals.budgetAmount === 0) return '—';
  return `${formatAmount(Math.round((totals.forecastSales * 100) / totals.budgetAmount), locale)}\u00a0%`;
}

/** The table's rows: each business unit (in the API's order), then "All business units". */
export function summaryRows(summary: BudgetSummary, locale?: string): SummaryRow[] {
  const rows = summary.units.map((unit) => ({
    key: unit.scopeId,
    name: unit.scopeName,
    totals: unit.totals,
    coverage: coverageText(unit.totals, locale),
    isTotal: false,
  }));
  return [
    ...rows,
    { key: 'total', name: 'All business units', totals: summary.totals, coverage: coverageText(summary.totals, locale), isTotal: true },
  ];
}

/** "132 blank budget cells" or nothing: what is still to plan, in words. */
export function blankText(totals: BudgetTotals): string {
  return totals.blankBudget === 0 ? 'All planned' : `${formatAmount(totals.blankBudget)} blank`;
}

/** What the chart shows, in words, for screen readers and the caption. */
export function summarySentence(summary: BudgetSummary, locale?: string): string {
  const top = [...summary.units].sort((a, b) => b.totals.budgetAmount - a.totals.budgetAmount)[0];
  const count = summary.units.length;
  if (!top) return 'No business unit has a plan yet.';
  return `${count} business ${count === 1 ? 'unit' : 'units'}, ${formatAmount(summary.totals.budgetAmount, locale)} budgeted in all; the largest budget is ${top.scopeName}'s (${formatAmount(top.totals.budgetAmount, locale)}).`;
}
