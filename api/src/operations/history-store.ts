import { odata, RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { StoredRefresh } from '@planboard/contracts';
import { chunk, ensureTable, keyPart, outlierRule, statusOf, tolerate, type StoredSchedule } from '@planboard/server';
import { RollupStore } from './analyser/rollup-store';
import { invertedTimeKey, operationsTable, operationsTableNames, textOf } from './tables';

/** `Unknown` is Power BI's "still running"; every other status is final and never changes again. */
export const isFinal = (status: string): boolean => status !== 'Unknown';

/**
 * The row key of a refresh: inverted start time (newest first, so a time window is one range
 * query) and Power BI's request id. Both are fixed for a refresh from the moment it starts, so
 * every host that reads the same refresh computes the same key: never a duplicate row.
 */
export function refreshRowKey(refresh: Pick<StoredRefresh, 'startTime' | 'requestId'>): string {
  return `${invertedTimeKey(Date.parse(refresh.startTime))}|${keyPart(refresh.requestId)}`;
}

type Row = StoredRefresh & { rowKey: string; etag: string };

function toRefresh(row: Record<string, unknown>): Row {
  const number = (key: string): number | null => (typeof row[key] === 'number' ? (row[key] as number) : null);
  return {
    rowKey: String(row.rowKey),
    etag: String(row.etag ?? ''),
    requestId: textOf(row, 'requestId') ?? '',
    refreshType: textOf(row, 'refreshType') ?? 'Unknown',
    startTime: textOf(row, 'startTime') ?? new Date(0).toISOString(),
    endTime: textOf(row, 'endTime') ?? null,
    durationMs: number('durationMs'),
    status: textOf(row, 'status') ?? 'Unknown',
    errorCode: textOf(row, 'errorCode') ?? null,
    errorDescription: textOf(row, 'errorDescription') ?? null,
    attempts: number('attempts') ?? 0,
  };
}

function toEntity(datasetId: string, refresh: StoredRefresh): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: keyPart(datasetId),
    rowKey: refreshRowKey(refresh),
    ...refresh,
    endTime: refresh.endTime ?? '',
    errorCode: refresh.errorCode ?? '',
    // Table Storage strings hold 32K characters; engine messages can be longer.
    errorDescription: (refresh.errorDescription ?? '').slice(0, 8000),
    ...(refresh.durationMs === null ? { durationMs: undefined } : {}),
  };
}

export type PutOutcome = 'added' | 'updated' | 'same';

/** The stored refresh history: one partition per dataset, rows newest first. */
export class HistoryStore {
  private readonly table: TableClient;
  private readonly rollups: RollupStore;

  constructor(connectionString: string) {
    this.table = operationsTable(connectionString, operationsTableNames.refreshes);
    this.rollups = new RollupStore(connectionString);
  }

  /** The newest stored refresh of a dataset (the first row of its partition). */
  async newest(datasetId: string): Promise<StoredRefresh | undefined> {
    return (await this.window(datasetId, { top: 1 }))[0];
  }

  /**
   * Refreshes that started within [from, to], newest first: one range query. `after` (a row key)
   * starts right after that row (the next page); `status` keeps one status only.
   */
  async window(datasetId: string, range: { from?: string; to?: string; top?: number; status?: string; after?: string }): Promise<Row[]> {
    await ensureTable(this.table);
    const partitionKey = keyPart(datasetId);
    let filter = odata`PartitionKey eq ${partitionKey}`;
    if (range.to) filter += ` and ${odata`RowKey ge ${invertedTimeKey(Date.parse(range.to))}`}`;
    if (range.after) filter += ` and ${odata`RowKey gt ${range.after}`}`;
    if (range.status) filter += ` and ${odata`status eq ${range.status}`}`;
    // One millisecond before `from` sorts right after every key that starts at `from`.
    if (range.from) filter += ` and ${odata`RowKey lt ${invertedTimeKey(Date.parse(range.from) - 1)}`}`;
    const rows: Row[] = [];
    const top = range.top ?? Number.POSITIVE_INFINITY;
    const pages = this.table.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: Math.min(top, 1000) });
    for await (const page of pages) {
      for (const row of page) {
        rows.push(toRefresh(row));
        if (rows.length >= top) return rows;
      }
    }
    return rows;
  }

  /**
   * Stores refreshes read from Power BI. New rows go in ≤100-row transactions, oldest chunk first
   * (so an interrupted fetch leaves no hole below what it stored); a row another host created in
   * the meantime makes that chunk fall back to row-by-row writes. A stored running refresh is
   * replaced only through its ETag and a final one never changes: two hosts writing at once end
   * with the same rows.
   *
   * Final refreshes then go into the analyser's rollups and failure/outlier index, every time they
   * are read (not only when added): those writes are idempotent, and a host that stopped between
   * the row and its rollup is made good by the next fetch, which reads the same entries again.
   */
  async putAll(
    datasetId: string,
    refreshes: readonly StoredRefresh[],
    options: { schedule?: StoredSchedule } = {},
  ): Promise<{ added: number; updated: number }> {
    await ensureTable(this.table);
    if (refreshes.length === 0) return { added: 0, updated: 0 };
    const byStart = [...refreshes].sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
    const oldest = byStart[0]?.startTime;
    const newest = byStart[byStart.length - 1]?.startTime;
    const stored = new Map((await this.window(datasetId, { from: oldest, to: newest })).map((row) => [row.rowKey, row]));
    let added = 0;
    let updated = 0;
    const fresh = byStart.filter((refresh) => !stored.has(refreshRowKey(refresh)));
    for (const group of chunk(fresh, 100)) {
      try {
        await this.table.submitTransaction(group.map((refresh): TransactionAction => ['create', toEntity(datasetId, refresh)]));
        added += group.length;
      } catch (error) {
        if (!(error instanceof RestError) || statusOf(error) !== 409) throw error;
        for (const refresh of group) if ((await this.put(datasetId, refresh)) === 'added') added += 1;
      }
    }
    for (const refresh of byStart) {
      const existing = stored.get(refreshRowKey(refresh));
      if (!existing || isFinal(existing.status) || !changed(existing, refresh)) continue;
      if ((await this.put(datasetId, refresh)) === 'updated') updated += 1;
    }
    await this.recordRollups(datasetId, byStart, options.schedule);
    return { added, updated };
  }

  private async recordRollups(datasetId: string, byStart: readonly StoredRefresh[], schedule: StoredSchedule | undefined) {
    const newest = byStart[byStart.length - 1]?.startTime;
    if (!newest) return;
    // The outlier rule compares each refresh with the model's previous completed ones.
    const completedBefore = await this.window(datasetId, { to: newest, status: 'Completed', top: outlierRule.history + byStart.length });
    await this.rollups.record(datasetId, byStart, { ...(schedule ? { schedule } : {}), completedBefore });
  }

  /** One conditional write: create, or replace a running refresh through its ETag (re-read on a race). */
  async put(datasetId: string, refresh: StoredRefresh): Promise<PutOutcome> {
    const entity = toEntity(datasetId, refresh);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const created = await tolerate(async () => (await this.table.createEntity(entity), true), 409);
      if (created) return 'added';
      const row = await tolerate(() => this.table.getEntity(entity.partitionKey, entity.rowKey), 404);
      if (!row) continue;
      const existing = toRefresh(row);
      if (isFinal(existing.status) || !changed(existing, refresh)) return 'same';
      const replaced = await tolerate(async () => (await this.table.updateEntity(entity, 'Replace', { etag: existing.etag }), true), 412);
      if (replaced) return 'updated';
    }
    throw new Error(`Refresh ${refresh.requestId} of ${datasetId} kept changing under concurrent writes`);
  }
}

function changed(stored: StoredRefresh, next: StoredRefresh): boolean {
  return (
    stored.status !== next.status ||
    stored.endTime !== next.endTime ||
    stored.attempts !== next.attempts ||
    stored.errorCode !== next.errorCode
  );
}
