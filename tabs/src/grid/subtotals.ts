/** The dimensions a budget can be subtotalled by. */
export type SubtotalDimension = 'category' | 'region' | 'quarter';

/**
 * One group's sums: lines in it, budget, forecast and prior-year actuals (null when unknown). Blank
 * cells count as nothing; a group whose cells are all blank sums to blank (null), not 0.
 */
export interface Subtotal {
  key: string;
  lines: number;
  budgetAmount: number | null;
  forecastSales: number | null;
  actualSales: number | null;
}

/** What subtotalling needs of a line: its dimensions and the numbers it shows now. */
export interface SubtotalSource {
  lineId: string;
  category: string;
  region: string;
  quarter: string;
}

/** The lines to sum and how to read their amounts and actuals. */
export interface SubtotalInput {
  lines: readonly SubtotalSource[];
  /** The amount a cell counts with (the unsaved value when valid, else the stored one); null when blank. */
  amount(lineId: string, field: 'budgetAmount' | 'forecastSales'): number | null;
  /** Prior-year actual sales by line id; missing lines make a group's actuals unknown. */
  actuals?: Readonly<Record<string, number>>;
}

const empty = (key: string, withActuals: boolean): Subtotal => ({
  key,
  lines: 0,
  budgetAmount: null,
  forecastSales: null,
  actualSales: withActuals ? 0 : null,
});

/** A sum where blank adds nothing and blank plus blank stays blank. */
const plus = (sum: number | null, value: number | null): number | null => (value === null ? sum : (sum ?? 0) + value);
const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);

function add(total: Subtotal, input: SubtotalInput, line: SubtotalSource): void {
  total.lines += 1;
  total.budgetAmount = plus(total.budgetAmount, input.amount(line.lineId, 'budgetAmount'));
  total.forecastSales = plus(total.forecastSales, input.amount(line.lineId, 'forecastSales'));
  const actual = input.actuals?.[line.lineId];
  total.actualSales = total.actualSales === null || actual === undefined ? null : total.actualSales + actual;
}

/** Rounds away binary noise (0.1 + 0.2) in sums of amounts with at most a few decimals. */
const tidy = (total: Subtotal): Subtotal => ({
  ...total,
  budgetAmount: round(total.budgetAmount),
  forecastSales: round(total.forecastSales),
  actualSales: round(total.actualSales),
});

/** Subtotals by one dimension, groups in order of first appearance (the plan's own order). */
export function subtotals(input: SubtotalInput, dimension: SubtotalDimension): Subtotal[] {
  const groups = new Map<string, Subtotal>();
  const withActuals = input.actuals !== undefined;
  for (const line of input.lines) {
    const key = line[dimension];
    let group = groups.get(key);
    if (!group) groups.set(key, (group = empty(key, withActuals)));
    add(group, input, line);
  }
  return [...groups.values()].map(tidy);
}

/** The sums over every line. */
export function grandTotal(input: SubtotalInput): Subtotal {
  const total = empty('Total', input.actuals !== undefined);
  for (const line of input.lines) add(total, input, line);
  return tidy(total);
}
