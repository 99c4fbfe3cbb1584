import { odata, RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { PlanState } from '@planboard/contracts';
import { planStatuses } from '@planboard/contracts';
import { maxBatchSize } from '../storage/bulk';
import { tableClient, tableNames } from '../storage/tables';
import { lineRangeEnd, lineRangeStart, toEntity, toLine, type HistoryEntry, type StoredLine } from './line-entity';

/**
 * The plan header shares the lines' partition and key range ('!' sorts before any line id), so
 * one range query returns the plan's state together with its lines.
 */
export const planHeaderRowKey = 'line|!plan';

/** Most audit entries kept inside a line; older ones move to an archive row in the same transaction. */
export const maxInlineHistory = 200;

export class ConcurrentWriteError extends Error {
  constructor() {
    super('A line changed between read and write (ETag mismatch).');
    this.name = 'ConcurrentWriteError';
  }
}

export interface PlanSnapshot {
  state: PlanState;
  headerEtag?: string;
  lines: Map<string, StoredLine>;
  /** Newest storage timestamp seen: the delta-sync cursor. */
  cursor: string;
}

function toState(entity: Record<string, unknown> | undefined): PlanState {
  if (!entity) return { status: 'draft' };
  const status = planStatuses.find((candidate) => candidate === entity.status) ?? 'draft';
  const optional = ['submittedBy', 'submittedAt', 'refreshId', 'refreshError', 'unlockedBy', 'unlockedAt', 'unlockReason'] as const;
  const state: PlanState = { status };
  for (const key of optional) if (typeof entity[key] === 'string' && entity[key]) state[key] = entity[key] as string;
  return state;
}

/** Reads and writes one plan × business unit partition of the budget table. */
export class BudgetStore {
  readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = tableClient(connectionString, tableNames.budget);
  }

  /** The plan's state and lines in one range query; with `sinceIso`, only rows written since then. */
  async read(partitionKey: string, sinceIso?: string): Promise<PlanSnapshot> {
    const filter = sinceIso
      ? odata`PartitionKey eq ${partitionKey} and RowKey ge ${lineRangeStart} and RowKey lt ${lineRangeEnd} and Timestamp ge ${new Date(sinceIso)}`
      : odata`PartitionKey eq ${partitionKey} and RowKey ge ${lineRangeStart} and RowKey lt ${lineRangeEnd}`;
    const lines = new Map<string, StoredLine>();
    let header: Record<string, unknown> | undefined;
    let cursor = sinceIso ?? new Date(0).toISOString();
    for await (const entity of this.table.listEntities({ queryOptions: { filter } })) {
      const timestamp = String(entity.timestamp ?? '');
      if (timestamp > cursor) cursor = timestamp;
      if (entity.rowKey === planHeaderRowKey) header = entity;
      else lines.set(String(entity.rowKey).slice(lineRangeStart.length), toLine(entity));
    }
    if (sinceIso && !header) header = await this.header(partitionKey);
    return { state: toState(header), headerEtag: header ? String(header.etag) : undefined, lines, cursor };
  }

  private async header(partitionKey: string): Promise<Record<string, unknown> | undefined> {
    try {
      return await this.table.getEntity(partitionKey, planHeaderRowKey);
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  /**
   * Writes changed lines, each conditional on the ETag it was read with, ≤100 operations per
   * entity-group transaction. A transaction is all-or-nothing: after a crash the stored state is
   * always a prefix of whole transactions. A changed ETag aborts with ConcurrentWriteError.
   */
  async writeLines(partitionKey: string, lines: readonly StoredLine[]): Promise<number> {
    const operations: TransactionAction[][] = [];
    let batch: TransactionAction[] = [];
    for (const line of lines) {
      const actions = this.lineActions(partitionKey, line);
      if (batch.length + actions.length > maxBatchSize) {
        operations.push(batch);
        batch = [];
      }
      batch.push(...actions);
    }
    if (batch.length) operations.push(batch);
    for (const transaction of operations) {
      try {
        await this.table.submitTransaction(transaction);
      } catch (error) {
        if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409)) throw new ConcurrentWriteError();
        throw error;
      }
    }
    return operations.length;
  }

  private lineActions(partitionKey: string, line: StoredLine): TransactionAction[] {
    let history = line.history;
    const actions: TransactionAction[] = [];
    if (history.length > maxInlineHistory) {
      const archived = history.slice(0, history.length - maxInlineHistory);
      history = history.slice(-maxInlineHistory);
      const first = archived[0] as HistoryEntry;
      actions.push([
        'create',
        {
          partitionKey,
          rowKey: `audit|${line.lineId}|${String(first.r).padStart(10, '0')}`,
          lineId: line.lineId,
          history: JSON.stringify(archived),
        },
      ]);
    }
    actions.push(['update', toEntity(partitionKey, { ...line, history }), 'Replace', { etag: line.etag }]);
    return actions;
  }

  /** Archived (older) audit entries of a partition, optionally of one line. */
  async archivedHistory(partitionKey: string, lineId?: string): Promise<Map<string, HistoryEntry[]>> {
    const prefix = lineId ? `audit|${lineId}|` : 'audit|';
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}`;
    const byLine = new Map<string, HistoryEntry[]>();
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
      const entries = byLine.get(String(row.lineId)) ?? [];
      entries.push(...(JSON.parse(String(row.history)) as HistoryEntry[]));
      byLine.set(String(row.lineId), entries);
    }
    return byLine;
  }

  /** The plan header alone: state, ETag and plan-level history (submit/unlock). */
  async readHeader(partitionKey: string): Promise<{ state: PlanState; headerEtag?: string; history: HistoryEntry[] }> {
    const header = await this.header(partitionKey);
    const history = typeof header?.history === 'string' ? (JSON.parse(header.history) as HistoryEntry[]) : [];
    return { state: toState(header), headerEtag: header ? String(header.etag) : undefined, history };
  }

  /**
   * Stamps every line of the partition (Merge, unconditional) so that a save which read the lines
   * before a submit fails its ETag check, re-reads, and sees the plan is no longer a draft.
   */
  async sealLines(partitionKey: string, lineIds: readonly string[], sealedAt: string): Promise<void> {
    for (let index = 0; index < lineIds.length; index += maxBatchSize) {
      const batch = lineIds.slice(index, index + maxBatchSize);
      await this.table.submitTransaction(
        batch.map((lineId): TransactionAction => ['update', { partitionKey, rowKey: `${lineRangeStart}${lineId}`, sealedAt }, 'Merge']),
      );
    }
  }

  /** Replaces the plan header if it still has `etag` (or creates it when there is none). */
  async writeHeader(partitionKey: string, state: PlanState, etag: string | undefined, history: HistoryEntry[] = []): Promise<void> {
    const entity = { partitionKey, rowKey: planHeaderRowKey, ...state, history: JSON.stringify(history.slice(-200)) };
    try {
      if (etag) await this.table.updateEntity(entity, 'Replace', { etag });
      else await this.table.createEntity(entity);
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409)) throw new ConcurrentWriteError();
      throw error;
    }
  }
}
