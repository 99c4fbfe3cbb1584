import { odata, RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { BudgetLine, PlanState } from '@planboard/contracts';
import { planStatuses } from '@planboard/contracts';
import {
  maxBatchSize,
  tableClient,
  tableNames,
  archivePrefix,
  blockDataProperties,
  blockRangeEnd,
  blockRangeStart,
  blockWrite,
  decodeBlock,
  inlineAudit,
  packJson,
  packedText,
  storedLines,
  unpackJson,
  type Block,
  type HistoryEntry,
  type StoredLine,
} from '@planboard/server';

/**
 * The plan header shares the blocks' partition and key range ('!' sorts before any block number),
 * so one range query returns the plan's state together with its lines.
 */
export const planHeaderRowKey = `${blockRangeStart}!plan`;

/** A transaction may carry 4 MiB; blocks with long comments are large, so batches are cut by size too. */
const maxTransactionBytes = 3_000_000;

/** Roughly what an entity weighs in a transaction body (UTF-8 values plus property overhead). */
const wireBytes = (entity: Record<string, unknown>): number =>
  Object.entries(entity).reduce((sum, [key, value]) => sum + key.length + Buffer.byteLength(String(value)) + 16, 0);

const optionalStateProperties = [
  'submittedBy',
  'submittedAt',
  'refreshId',
  'refreshError',
  'refreshFollow',
  'unlockedBy',
  'unlockedAt',
  'unlockReason',
] as const;
const stateProperties = ['status', ...optionalStateProperties] as const;

export class ConcurrentWriteError extends Error {
  constructor() {
    super('A block changed between read and write (ETag mismatch).');
    this.name = 'ConcurrentWriteError';
  }
}

export interface PlanSnapshot {
  state: PlanState;
  headerEtag?: string;
  lines: Map<string, StoredLine>;
  blocks: Map<string, Block>;
  /** Newest storage timestamp seen: the delta-sync cursor. */
  cursor: string;
}

/** One block's new lines and the audit entries that produced them. */
export interface BlockChange {
  block: Block;
  lines: BudgetLine[];
  entries: HistoryEntry[];
  /** Saves (idempotency tokens) this write commits in the block; default: the one `saveId` of the write. */
  saves?: readonly string[];
}

function toState(entity: Record<string, unknown> | undefined): PlanState {
  if (!entity) return { status: 'draft' };
  const status = planStatuses.find((candidate) => candidate === entity.status) ?? 'draft';
  const state: PlanState = { status };
  for (const key of optionalStateProperties)
    if (typeof entity[key] === 'string' && entity[key]) Object.assign(state, { [key]: entity[key] });
  // A follow mode this code does not know is dropped (followed as `execution`), not trusted.
  if (state.refreshFollow !== 'history' && state.refreshFollow !== 'execution') delete state.refreshFollow;
  return state;
}

const isRace = (error: unknown): boolean => error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409);

/** Reads and writes one plan × business unit partition of the budget table. */
export class BudgetStore {
  readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = tableClient(connectionString, tableNames.budget);
  }

  /**
   * Walks the plan's header and blocks in one range query, selecting only the grid's properties
   * (never the audit); with `sinceIso`, only blocks written since then. The cursor is the newest
   * storage timestamp seen or the time the read began, whichever is later: a delta poll looks a
   * little behind it (see the grid route), so a quiet plan stops resending its last writes.
   */
  private async scan(partitionKey: string, sinceIso: string | undefined, onBlock: (entity: Record<string, unknown>) => void) {
    const filter = sinceIso
      ? odata`PartitionKey eq ${partitionKey} and RowKey ge ${blockRangeStart} and RowKey lt ${blockRangeEnd} and Timestamp ge ${new Date(sinceIso)}`
      : odata`PartitionKey eq ${partitionKey} and RowKey ge ${blockRangeStart} and RowKey lt ${blockRangeEnd}`;
    const select = ['RowKey', 'Timestamp', ...stateProperties, ...blockDataProperties];
    let cursor = new Date().toISOString();
    let header: Record<string, unknown> | undefined;
    for await (const entity of this.table.listEntities({ queryOptions: { filter, select } })) {
      const timestamp = String(entity.timestamp ?? '');
      if (timestamp > cursor) cursor = timestamp;
      if (entity.rowKey === planHeaderRowKey) header = entity;
      else onBlock(entity);
    }
    if (sinceIso && !header) header = await this.header(partitionKey);
    return { state: toState(header), headerEtag: header ? String(header.etag) : undefined, cursor };
  }

  /** The plan's state and lines; with `sinceIso`, only the lines of blocks written since then. */
  async read(partitionKey: string, sinceIso?: string): Promise<PlanSnapshot> {
    const lines = new Map<string, StoredLine>();
    const blocks = new Map<string, Block>();
    const scanned = await this.scan(partitionKey, sinceIso, (entity) => {
      const block = decodeBlock(entity);
      blocks.set(block.key, block);
      for (const line of storedLines(block)) lines.set(line.lineId, line);
    });
    return { ...scanned, lines, blocks };
  }

  /**
   * The plan's lines as one JSON array text, straight from the blocks (they store lines in the
   * API's shape): a 50,000-line grid is served without parsing and re-serialising 8 MB.
   */
  async readLinesJson(partitionKey: string): Promise<{ state: PlanState; cursor: string; blocks: number; linesJson: string }> {
    const parts: string[] = [];
    const scanned = await this.scan(partitionKey, undefined, (entity) => {
      const text = packedText(entity, 'd');
      if (text.length > 2) parts.push(text.slice(1, -1));
    });
    return { state: scanned.state, cursor: scanned.cursor, blocks: parts.length, linesJson: `[${parts.join(',')}]` };
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
   * Writes changed blocks (Merge, each conditional on the ETag it was read with), in entity-group
   * transactions of ≤100 operations. A transaction is all-or-nothing and they run in order, so
   * after a crash the stored state is a prefix of whole transactions. A changed ETag aborts with
   * ConcurrentWriteError. Returns the number of transactions.
   */
  async writeBlocks(partitionKey: string, changes: readonly BlockChange[], saveId?: string): Promise<number> {
    const transactions: TransactionAction[][] = [];
    let batch: TransactionAction[] = [];
    let bytes = 0;
    for (const change of changes) {
      const entity = blockWrite(partitionKey, change.block, change.lines, change.entries, change.saves ?? (saveId ? [saveId] : []));
      const size = wireBytes(entity);
      if (batch.length && (batch.length >= maxBatchSize || bytes + size > maxTransactionBytes)) {
        transactions.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(['update', entity, 'Merge', { etag: change.block.etag }]);
      bytes += size;
    }
    if (batch.length) transactions.push(batch);
    for (const transaction of transactions) {
      try {
        await this.table.submitTransaction(transaction);
      } catch (error) {
        if (isRace(error)) throw new ConcurrentWriteError();
        throw error;
      }
    }
    return transactions.length;
  }

  /**
   * Moves a block's inline audit to an archive row, in one transaction with the block's Replace
   * (conditional on its ETag): entries are never lost or doubled. Losing a race just skips it.
   */
  async compact(partitionKey: string, blockKey: string): Promise<boolean> {
    const entity = await this.table.getEntity<Record<string, unknown>>(partitionKey, blockKey);
    const entries = inlineAudit(entity);
    if (!entries.length) return false;
    const kept: Record<string, unknown> & { partitionKey: string; rowKey: string } = { partitionKey, rowKey: blockKey };
    for (const [key, value] of Object.entries(entity)) {
      if (!/^(a\d+(n|_\d+)|etag|timestamp|partitionKey|rowKey|odata\..*)$/.test(key)) kept[key] = value;
    }
    Object.assign(kept, { auditProps: 0, auditChars: 0 });
    const firstRev = Math.min(...entries.map((entry) => entry.r));
    const archive = {
      partitionKey,
      rowKey: `${archivePrefix(blockKey)}${String(firstRev).padStart(10, '0')}`,
      ...packJson('h', entries),
    };
    try {
      await this.table.submitTransaction([
        ['create', archive],
        ['update', kept, 'Replace', { etag: String(entity.etag) }],
      ]);
      return true;
    } catch (error) {
      if (isRace(error)) return false;
      throw error;
    }
  }

  /** Every audit entry of the partition's lines, or of one block, inline and archived. */
  async lineHistory(partitionKey: string, blockKey?: string): Promise<HistoryEntry[]> {
    const inline: Record<string, unknown>[] = [];
    if (blockKey) {
      try {
        inline.push(await this.table.getEntity(partitionKey, blockKey));
      } catch (error) {
        if (!(error instanceof RestError && error.statusCode === 404)) throw error;
      }
    } else {
      const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${`${blockRangeStart}0`} and RowKey lt ${blockRangeEnd}`;
      for await (const entity of this.table.listEntities({ queryOptions: { filter } })) inline.push(entity);
    }
    const prefix = blockKey ? archivePrefix(blockKey) : 'audit|';
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}`;
    const entries: HistoryEntry[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter } }))
      entries.push(...unpackJson<HistoryEntry[]>(row, 'h', []));
    for (const entity of inline) entries.push(...inlineAudit(entity));
    return entries;
  }

  /** The plan header alone: state, ETag and plan-level history (submit/unlock). */
  async readHeader(partitionKey: string): Promise<{ state: PlanState; headerEtag?: string; history: HistoryEntry[] }> {
    const header = await this.header(partitionKey);
    const history = header ? unpackJson<HistoryEntry[]>(header, 'h', []) : [];
    return { state: toState(header), headerEtag: header ? String(header.etag) : undefined, history };
  }

  /**
   * Stamps every block of the partition (Merge, unconditional) so that a save which read the
   * blocks before a submit fails its ETag check, re-reads, and sees the plan is no longer a draft.
   */
  async sealBlocks(partitionKey: string, blockKeys: readonly string[], sealedAt: string): Promise<void> {
    for (let index = 0; index < blockKeys.length; index += maxBatchSize) {
      const batch = blockKeys.slice(index, index + maxBatchSize);
      await this.table.submitTransaction(batch.map((rowKey): TransactionAction => ['update', { partitionKey, rowKey, sealedAt }, 'Merge']));
    }
  }

  /** Replaces the plan header if it still has `etag` (or creates it when there is none). */
  async writeHeader(partitionKey: string, state: PlanState, etag: string | undefined, history: HistoryEntry[] = []): Promise<void> {
    // Chunked: 200 submit/unlock events with their reasons outgrow one 64 KiB string property.
    const entity = { partitionKey, rowKey: planHeaderRowKey, ...state, ...packJson('h', history.slice(-200)) };
    try {
      if (etag) await this.table.updateEntity(entity, 'Replace', { etag });
      else await this.table.createEntity(entity);
    } catch (error) {
      if (isRace(error)) throw new ConcurrentWriteError();
      throw error;
    }
  }
}
