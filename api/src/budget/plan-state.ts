import { odata } from '@azure/data-tables';
import type { PlanState } from '@planboard/contracts';
import { conflict, notFound } from '../errors';
import { blockRangeEnd, blockRangeStart, type HistoryEntry, planPartitionKey } from '@planboard/server';
import { ConcurrentWriteError, type BudgetStore } from './store';

export interface PlanRef {
  planId: string;
  scopeId: string;
}

/** Plan-level audit entries (submit, unlock) live in the header row, as cell history lives in lines. */
export function planEvent(action: 'submit' | 'unlock', by: string, at: string, from: string, to: string): HistoryEntry {
  return { f: 'status', o: from, n: to, by, at, a: action, r: 0, s: `${action}:${at}` };
}

export interface Transition {
  state: PlanState;
  event?: HistoryEntry;
}

/**
 * 404 unless the plan exists for this BU, i.e. its lines were seeded (a plan is its blocks; the
 * header only appears at the first submit). Routes that would otherwise create state for any
 * `{planId}` (submit, unlock, import) call this before writing anything. One-row read.
 */
export async function requirePlan(store: BudgetStore, ref: PlanRef, scopeName: string): Promise<void> {
  const partitionKey = planPartitionKey(ref.planId, ref.scopeId);
  const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${`${blockRangeStart}0`} and RowKey lt ${blockRangeEnd}`;
  const pages = store.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: 1 });
  for await (const page of pages) if (page.length > 0) return;
  throw notFound(`There is no budget plan ${ref.planId} for ${scopeName}.`);
}

/**
 * Moves the plan header to its next state, conditional on the header's ETag, so two people
 * submitting (or unlocking) at once cannot both succeed. `update` may throw to refuse.
 */
export async function transition(store: BudgetStore, ref: PlanRef, update: (state: PlanState) => Transition): Promise<PlanState> {
  const partitionKey = planPartitionKey(ref.planId, ref.scopeId);
  const { state, headerEtag, history } = await store.readHeader(partitionKey);
  const next = update(state);
  try {
    await store.writeHeader(partitionKey, next.state, headerEtag, next.event ? [...history, next.event] : history);
  } catch (error) {
    if (error instanceof ConcurrentWriteError)
      throw conflict('Someone else changed the plan status at the same time. Reload and try again.');
    throw error;
  }
  return next.state;
}

/** Plan-level history of a partition (for the audit trail). */
export async function planHistory(store: BudgetStore, ref: PlanRef): Promise<HistoryEntry[]> {
  return (await store.readHeader(planPartitionKey(ref.planId, ref.scopeId))).history;
}
