import type { BudgetLine, EditableField, EditAction } from '@planboard/contracts';

/** One audited change of one cell (or of the plan's status), stored with the block it changed. */
export interface HistoryEntry {
  /** Line id (absent for plan-level events). */
  l?: string;
  /** Field, old value, new value. */
  f: EditableField | 'status';
  o: number | string | null;
  n: number | string | null;
  by: string;
  at: string;
  a: EditAction | 'submit' | 'unlock';
  /** Line revision the change produced. */
  r: number;
  /** The save (idempotency key) that made it. */
  s: string;
}

/** A budget line as stored: which block (entity) holds it. */
export interface StoredLine extends BudgetLine {
  block: string;
}

export const planPartitionKey = (planId: string, scopeId: string): string => `${planId}|${scopeId}`;

/** The line without storage details, as the API returns it. */
export function publicLine(line: StoredLine): BudgetLine {
  const { lineId, category, region, quarter, budgetAmount, forecastSales, comments, rev, changes } = line;
  return { lineId, category, region, quarter, budgetAmount, forecastSales, comments, rev, changes };
}
