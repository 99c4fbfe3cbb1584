import type { Actuals, BudgetLine } from '@planboard/contracts';
import type { BudgetEditModel } from '../editModel';
import { grandTotal, type SubtotalInput } from '../subtotals';
import type { GridRow } from './columns';

/** A grid row for a line, with what the model displays (unsaved and rejected values included). */
export function buildRow(model: BudgetEditModel, lineId: string, actuals: Actuals): GridRow {
  const line = model.line(lineId);
  return {
    lineId,
    category: line?.category ?? '',
    region: line?.region ?? '',
    quarter: line?.quarter ?? '',
    actualSales: actualOf(actuals, lineId),
    budgetAmount: model.display(lineId, 'budgetAmount'),
    forecastSales: model.display(lineId, 'forecastSales'),
    comments: model.display(lineId, 'comments'),
  };
}

/** The actual sales a row shows. */
export const actualOf = (actuals: Actuals, lineId: string): number | null => (actuals.available ? (actuals.values[lineId] ?? null) : null);

/** Updates a row object in place (the grid holds it) from the model. */
export function refreshRow(row: GridRow, model: BudgetEditModel): void {
  row.budgetAmount = model.display(row.lineId, 'budgetAmount');
  row.forecastSales = model.display(row.lineId, 'forecastSales');
  row.comments = model.display(row.lineId, 'comments');
}

/** What subtotals count: a valid unsaved amount, else the stored one (rejected input never counts). */
export function subtotalInput(model: BudgetEditModel, actuals: Actuals): SubtotalInput {
  const lines: BudgetLine[] = [];
  for (const lineId of model.lineIds()) {
    const line = model.line(lineId);
    if (line) lines.push(line);
  }
  return {
    lines,
    amount: (lineId, field) => {
      const draft = model.draft(lineId, field);
      // A valid unsaved value counts, blank included (as nothing); rejected input counts with the stored one.
      if (draft.error === undefined && (typeof draft.value === 'number' || draft.value === null)) return draft.value;
      return model.line(lineId)?.[field] ?? null;
    },
    actuals: actuals.available ? actuals.values : undefined,
  };
}

/** The pinned "Total" row. */
export function totalRow(model: BudgetEditModel, actuals: Actuals): GridRow {
  const total = grandTotal(subtotalInput(model, actuals));
  return {
    lineId: '',
    category: 'Total',
    region: `${total.lines} lines`,
    quarter: '',
    actualSales: total.actualSales,
    budgetAmount: total.budgetAmount ?? '',
    forecastSales: total.forecastSales ?? '',
    comments: '',
    total: true,
  };
}

/** Physical indexes of the rows a filter hides (RevoGrid's `trimmedRows`). */
export function trimmedFor(rows: readonly GridRow[], filter: string): Record<number, boolean> {
  const needle = filter.trim().toLowerCase();
  if (!needle) return {};
  const trimmed: Record<number, boolean> = {};
  rows.forEach((row, index) => {
    const text = `${row.category} ${row.region} ${row.quarter} ${row.comments}`.toLowerCase();
    if (!needle.split(/\s+/).every((word) => text.includes(word))) trimmed[index] = true;
  });
  return trimmed;
}
