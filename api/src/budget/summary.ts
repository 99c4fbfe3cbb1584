import type { BudgetLine, BudgetTotals } from '@planboard/contracts';

type SummedLine = Pick<BudgetLine, 'quarter' | 'budgetAmount' | 'forecastSales'>;

export const emptyTotals = (): BudgetTotals => ({ lines: 0, budgetAmount: 0, forecastSales: 0, blankBudget: 0 });

/** Adds one line to running totals: a blank cell adds nothing, and a blank budget is counted. */
function add(totals: BudgetTotals, line: SummedLine): void {
  totals.lines += 1;
  totals.budgetAmount += line.budgetAmount ?? 0;
  totals.forecastSales += line.forecastSales ?? 0;
  if (line.budgetAmount === null) totals.blankBudget += 1;
}

/** The sum of several totals (the "all business units" row). */
export function sumTotals(parts: Iterable<BudgetTotals>): BudgetTotals {
  const sum = emptyTotals();
  for (const part of parts) {
    sum.lines += part.lines;
    sum.budgetAmount += part.budgetAmount;
    sum.forecastSales += part.forecastSales;
    sum.blankBudget += part.blankBudget;
  }
  return sum;
}

const quarterOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** A plan's totals, and per quarter in quarter order (Q1 … Q4, then any other label). */
export function summariseLines(lines: Iterable<SummedLine>): {
  totals: BudgetTotals;
  byQuarter: { quarter: string; totals: BudgetTotals }[];
} {
  const totals = emptyTotals();
  const quarters = new Map<string, BudgetTotals>();
  for (const line of lines) {
    add(totals, line);
    let quarter = quarters.get(line.quarter);
    if (!quarter) quarters.set(line.quarter, (quarter = emptyTotals()));
    add(quarter, line);
  }
  const byQuarter = [...quarters.entries()].sort(([a], [b]) => quarterOrder(a, b)).map(([quarter, sum]) => ({ quarter, totals: sum }));
  return { totals, byQuarter };
}
