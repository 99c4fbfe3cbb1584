import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { storeRunSchema, storeRejectedRowSchema, type StoreRejectedRow, type StoreRun, type StoreRunTrigger } from '@planboard/contracts';
import { chunk, ensureTable, tableClient, tolerate } from '@planboard/server';

/** Tables of the pipeline (alphanumeric names, as Table Storage requires). */
export const pipelineTableNames = {
  /** Runs (partition `run`, newest first) and their rejected rows (partition `rej|<runId>`). */
  runs: 'storeruns',
  /** The lease, the delta cursor, the files loaded (`file`), per-version claims (`claim`), source status and upload previews. */
  state: 'storepipeline',
} as const;

/** The queue runs go through (timer, Run now and upload loads all send to it). */
export const storeRunQueueName = 'store-runs';

/** Rejected rows kept per run (the report lists them; more are counted, not stored). */
export const maxStoredRejected = 5000;

const runPartition = 'run';
const rejectedPartition = (runId: string) => `rej|${runId}`;

/** Fixed-width inverted milliseconds, so the newest run sorts first. */
export function newRunId(nowMs: number): string {
  return `${String(8_640_000_000_000 - nowMs).padStart(13, '0')}-${Math.random().toString(36).slice(2, 8)}`;
}

export function emptyRun(runId: string, trigger: StoreRunTrigger, requestedBy: string, now: Date, sources: string[]): StoreRun {
  return {
    runId,
    trigger,
    requestedBy,
    state: 'queued',
    queuedAt: now.toISOString(),
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    sources,
    progress: { done: 0, total: 0 },
    files: [],
    totals: { files: 0, rowsRead: 0, rowsLoaded: 0, rowsUnchanged: 0, rowsRejected: 0, rowsRemoved: 0, storageRequests: 0 },
    storesSynced: 0,
    refresh: { state: 'notNeeded' },
  };
}

/**
 * Run records. A run is one row holding its report as JSON (a run's files are few; the rejected
 * rows, which can be many, have their own partition). Only the host executing a run writes it.
 */
export class RunStore {
  readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = tableClient(connectionString, pipelineTableNames.runs);
  }

  async save(run: StoreRun): Promise<void> {
    await ensureTable(this.table);
    await this.table.upsertEntity(
      { partitionKey: runPartition, rowKey: run.runId, report: JSON.stringify(run), state: run.state },
      'Replace',
    );
  }

  async get(runId: string): Promise<StoreRun | undefined> {
    await ensureTable(this.table);
    const row = await tolerate(() => this.table.getEntity<{ report: string }>(runPartition, runId), 404);
    return row ? storeRunSchema.parse(JSON.parse(row.report)) : undefined;
  }

  async list(top: number): Promise<StoreRun[]> {
    await ensureTable(this.table);
    const runs: StoreRun[] = [];
    const pages = this.table
      .listEntities<{ report: string }>({ queryOptions: { filter: odata`PartitionKey eq ${runPartition}` } })
      .byPage({ maxPageSize: top });
    for await (const page of pages) {
      for (const row of page) if (runs.length < top) runs.push(storeRunSchema.parse(JSON.parse(row.report)));
      if (runs.length >= top) break;
    }
    return runs;
  }

  /** Stores rejected rows (`offset` numbers them across files), up to {@link maxStoredRejected}. */
  async addRejected(runId: string, offset: number, rows: readonly StoreRejectedRow[]): Promise<void> {
    const room = Math.max(0, maxStoredRejected - offset);
    if (room === 0 || rows.length === 0) return;
    await ensureTable(this.table);
    const entities = rows.slice(0, room).map((row, index) => ({
      partitionKey: rejectedPartition(runId),
      rowKey: String(offset + index).padStart(6, '0'),
      row: JSON.stringify(row),
    }));
    for (const batch of chunk(entities))
      await this.table.submitTransaction(batch.map((entity): TransactionAction => ['upsert', entity, 'Replace']));
  }

  async rejected(runId: string, top = maxStoredRejected): Promise<StoreRejectedRow[]> {
    await ensureTable(this.table);
    const rows: StoreRejectedRow[] = [];
    for await (const entity of this.table.listEntities<{ row: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${rejectedPartition(runId)}` },
    })) {
      rows.push(storeRejectedRowSchema.parse(JSON.parse(entity.row)));
      if (rows.length >= top) break;
    }
    return rows;
  }
}
