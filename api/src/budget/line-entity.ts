import type { BudgetLine, EditableField, EditAction } from '@planboard/contracts';
import { editableFields } from '@planboard/contracts';

/** One audited change of one cell, kept inside the line entity it belongs to. */
export interface HistoryEntry {
  /** Field, old value, new value. */
  f: EditableField | 'status';
  o: number | string | null;
  n: number | string | null;
  by: string;
  at: string;
  a: EditAction | 'submit' | 'unlock';
  /** Line revision the change produced. */
  r: number;
  /** The save (idempotency key) that made it: a retried save skips what it already applied. */
  s: string;
}

/** A budget line as stored, with its ETag for conditional writes. */
export interface StoredLine extends BudgetLine {
  etag: string;
  timestamp: string;
  history: HistoryEntry[];
}

/** Row key of a line. The plan header row sorts first inside the same range (see planHeaderRowKey). */
export const lineRowKey = (lineId: string): string => `line|${lineId}`;
export const lineRangeStart = 'line|';
export const lineRangeEnd = 'line}';
export const planPartitionKey = (planId: string, scopeId: string): string => `${planId}|${scopeId}`;

/**
 * Audit lives inside the line: a change and its audit entry are one entity write, so they commit
 * together by construction and a save of N lines costs N operations, not 2N.
 */
export function toLine(entity: Record<string, unknown>): StoredLine {
  const changes: BudgetLine['changes'] = {};
  for (const field of editableFields) {
    const rev = entity[`${field}Rev`];
    if (typeof rev === 'number' && rev > 0)
      changes[field] = { rev, by: String(entity[`${field}By`] ?? ''), at: String(entity[`${field}At`] ?? '') };
  }
  const history = typeof entity.history === 'string' && entity.history ? (JSON.parse(entity.history) as HistoryEntry[]) : [];
  return {
    lineId: String(entity.rowKey).slice(lineRangeStart.length),
    category: String(entity.category ?? ''),
    region: String(entity.region ?? ''),
    quarter: String(entity.quarter ?? ''),
    budgetAmount: Number(entity.budgetAmount ?? 0),
    forecastSales: Number(entity.forecastSales ?? 0),
    comments: String(entity.comments ?? ''),
    rev: typeof entity.rev === 'number' ? entity.rev : 0,
    changes,
    etag: String(entity.etag ?? ''),
    timestamp: String(entity.timestamp ?? ''),
    history,
  };
}

/** The entity for a line (every property, for a Replace write). */
export function toEntity(partitionKey: string, line: StoredLine): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const entity: Record<string, unknown> & { partitionKey: string; rowKey: string } = {
    partitionKey,
    rowKey: lineRowKey(line.lineId),
    category: line.category,
    region: line.region,
    quarter: line.quarter,
    budgetAmount: line.budgetAmount,
    forecastSales: line.forecastSales,
    comments: line.comments,
    rev: line.rev,
    history: JSON.stringify(line.history),
  };
  for (const field of editableFields) {
    const change = line.changes[field];
    if (change) Object.assign(entity, { [`${field}Rev`]: change.rev, [`${field}By`]: change.by, [`${field}At`]: change.at });
  }
  return entity;
}

/** The line without storage details, as the API returns it. */
export function publicLine(line: StoredLine): BudgetLine {
  const { lineId, category, region, quarter, budgetAmount, forecastSales, comments, rev, changes } = line;
  return { lineId, category, region, quarter, budgetAmount, forecastSales, comments, rev, changes };
}
