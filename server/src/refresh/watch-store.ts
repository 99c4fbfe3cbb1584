import { odata, type TableClient } from '@azure/data-tables';
import { ensureTable, keyPart, refreshTable, refreshTableNames, tolerate } from './tables';

/**
 * Why a dataset is polled: we (or another Planboard producer) started a refresh, the service was
 * seen running one, or a schedule slot has just passed.
 */
export type WatchReason = 'triggered' | 'running' | 'slot';

/** A retry started from a failure card: its outcome updates that card. */
export interface RetryContext {
  notificationId: string;
  by: string;
  at: string;
}

/** One dataset on the watch list. */
export interface WatchEntry {
  datasetId: string;
  workspaceId: string;
  reason: WatchReason;
  /** Service time (ISO) from which a refresh is expected. */
  since: string;
  /** Stop waiting for a refresh that never appears (ISO, service time). */
  expiresAt: string;
  /** Power BI's id of the refresh we started, when known. */
  requestId?: string;
  retry?: RetryContext;
  /** Names for datasets the catalog does not know yet. */
  datasetName?: string;
  workspaceName?: string;
  etag?: string;
}

/** A dataset's next schedule slot. */
export interface SlotEntry {
  key: string;
  datasetId: string;
  workspaceId: string;
  slotAt: string;
}

const watchPartition = 'watch';
const slotPartition = 'slot';

function toWatch(row: Record<string, unknown>): WatchEntry {
  const text = (key: string): string | undefined => (typeof row[key] === 'string' && row[key] !== '' ? (row[key] as string) : undefined);
  const retry = text('retry');
  return {
    datasetId: String(row.rowKey),
    workspaceId: text('workspaceId') ?? '',
    reason: (text('reason') as WatchReason | undefined) ?? 'triggered',
    since: text('since') ?? new Date(0).toISOString(),
    expiresAt: text('expiresAt') ?? new Date(0).toISOString(),
    etag: String(row.etag ?? ''),
    ...(text('requestId') ? { requestId: text('requestId') } : {}),
    ...(retry ? { retry: JSON.parse(retry) as RetryContext } : {}),
    ...(text('datasetName') ? { datasetName: text('datasetName') } : {}),
    ...(text('workspaceName') ? { workspaceName: text('workspaceName') } : {}),
  };
}

/** The slot row key sorts by time, so "every slot due by now" is one range query. */
export function slotKey(slotAtMs: number, datasetId: string): string {
  return `${new Date(slotAtMs).toISOString()}|${keyPart(datasetId)}`;
}

/**
 * The watch list and the slot index (one table, two small partitions). A poll reads the `watch`
 * partition and the slots due by now — its cost follows what is running or due, never the number
 * of datasets.
 */
export class WatchStore {
  private readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = refreshTable(connectionString, refreshTableNames.watch);
  }

  /** Adds or refreshes a watch entry; fields not given (e.g. a retry context) are kept. */
  async watch(entry: Omit<WatchEntry, 'etag'>): Promise<void> {
    await ensureTable(this.table);
    const { datasetId, retry, ...rest } = entry;
    const row: Record<string, unknown> & { partitionKey: string; rowKey: string } = {
      partitionKey: watchPartition,
      rowKey: keyPart(datasetId),
    };
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) row[key] = value;
    if (retry) row.retry = JSON.stringify(retry);
    await this.table.upsertEntity(row, 'Merge');
  }

  /** Forgets the retry context once its outcome was reported (so it is reported once). */
  async clearRetry(datasetId: string): Promise<void> {
    const row = { partitionKey: watchPartition, rowKey: keyPart(datasetId), retry: '' };
    await tolerate(() => this.table.updateEntity(row, 'Merge'), 404);
  }

  async list(): Promise<WatchEntry[]> {
    await ensureTable(this.table);
    const entries: WatchEntry[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${watchPartition}` } })) {
      entries.push(toWatch(row));
    }
    return entries;
  }

  /**
   * Removes an entry unless it changed since it was read (If-Match): a refresh started by the bot
   * between our read and this delete keeps its entry.
   */
  async unwatch(entry: WatchEntry): Promise<void> {
    await tolerate(() => this.table.deleteEntity(watchPartition, keyPart(entry.datasetId), { etag: entry.etag ?? '*' }), 404, 412);
  }

  /** Slots due by `nowMs` (service time). */
  async dueSlots(nowMs: number): Promise<SlotEntry[]> {
    await ensureTable(this.table);
    const upper = `${new Date(nowMs).toISOString()}}`;
    const filter = odata`PartitionKey eq ${slotPartition} and RowKey lt ${upper}`;
    const slots: SlotEntry[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
      slots.push({
        key: String(row.rowKey),
        datasetId: String(row.datasetId),
        workspaceId: String(row.workspaceId),
        slotAt: String(row.slotAt),
      });
    }
    return slots;
  }

  /** Records a dataset's next slot; returns its key (creating an existing slot is a no-op). */
  async addSlot(datasetId: string, workspaceId: string, slotAtMs: number): Promise<string> {
    await ensureTable(this.table);
    const key = slotKey(slotAtMs, datasetId);
    const row = { partitionKey: slotPartition, rowKey: key, datasetId, workspaceId, slotAt: new Date(slotAtMs).toISOString() };
    await tolerate(() => this.table.createEntity(row), 409);
    return key;
  }

  async removeSlot(key: string): Promise<void> {
    await tolerate(() => this.table.deleteEntity(slotPartition, key), 404);
  }
}
