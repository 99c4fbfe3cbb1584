import { odata, type TableClient } from '@azure/data-tables';
import { refreshFailedSchema, type RefreshFailedNotification } from '@planboard/contracts';
import { ensureTable, keyPart, refreshTable, refreshTableNames, statusOf, tolerate } from './tables';

/** A stored failure and whether its notification reached the queue. */
export interface StoredFailure {
  partitionKey: string;
  rowKey: string;
  notification: RefreshFailedNotification;
  enqueued: boolean;
  detectedAt: string;
  etag: string;
}

/**
 * The failure's keys: the day it ended (so "last 24 h" reads two partitions) and the dataset +
 * refresh id. Both come from the failure itself, so every run — and every host — computes the same
 * keys for the same failure, and the second insert is refused with 409.
 */
export function failureKeys(notification: Pick<RefreshFailedNotification, 'endedAt' | 'datasetId' | 'requestId'>): {
  partitionKey: string;
  rowKey: string;
} {
  return {
    partitionKey: notification.endedAt.slice(0, 10),
    rowKey: `${keyPart(notification.datasetId)}|${keyPart(notification.requestId)}`,
  };
}

/** The queue message id of a failure: the same failure always gets the same id (the bot dedupes on it). */
export function failureNotificationId(datasetId: string, requestId: string): string {
  return `refreshFailed:${datasetId}:${requestId}`;
}

function toStored(row: Record<string, unknown>): StoredFailure | undefined {
  const parsed = refreshFailedSchema.safeParse(JSON.parse(String(row.notification ?? 'null')));
  if (!parsed.success) return undefined;
  return {
    partitionKey: String(row.partitionKey),
    rowKey: String(row.rowKey),
    notification: parsed.data,
    enqueued: row.enqueued === true,
    detectedAt: String(row.detectedAt ?? ''),
    etag: String(row.etag ?? ''),
  };
}

/** Days (YYYY-MM-DD, UTC) from `fromMs` to `toMs`, newest first. */
function days(fromMs: number, toMs: number): string[] {
  const result: string[] = [];
  for (let day = Date.parse(new Date(toMs).toISOString().slice(0, 10)); day >= fromMs - 86_400_000; day -= 86_400_000) {
    result.push(new Date(day).toISOString().slice(0, 10));
  }
  return result;
}

/** Failures in Table Storage: the idempotency record of detection and the source of `status`. */
export class FailureStore {
  private readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = refreshTable(connectionString, refreshTableNames.failures);
  }

  /**
   * Records a failure; `undefined` when it was already recorded (by an earlier run or by another
   * host at the same time), in which case the caller must not enqueue it.
   */
  async record(notification: RefreshFailedNotification, detectedAt: string): Promise<StoredFailure | undefined> {
    await ensureTable(this.table);
    const keys = failureKeys(notification);
    const entity = {
      ...keys,
      notification: JSON.stringify(notification),
      enqueued: false,
      detectedAt,
      datasetId: notification.datasetId,
      endedAt: notification.endedAt,
    };
    try {
      const response = await this.table.createEntity(entity);
      return { ...keys, notification, enqueued: false, detectedAt, etag: String(response.etag ?? '') };
    } catch (error) {
      if (statusOf(error) === 409) return undefined;
      throw error;
    }
  }

  /**
   * Marks the failure as enqueued if nobody changed it since `etag`; false when someone did (a
   * repairing run claimed it meanwhile — a duplicate message the bot will drop).
   */
  async markEnqueued(failure: Pick<StoredFailure, 'partitionKey' | 'rowKey' | 'etag'>): Promise<boolean> {
    const entity = { partitionKey: failure.partitionKey, rowKey: failure.rowKey, enqueued: true, enqueuedAt: new Date().toISOString() };
    return (await tolerate(() => this.table.updateEntity(entity, 'Merge', { etag: failure.etag }), 412)) !== undefined;
  }

  /**
   * Takes over a failure whose enqueue never finished (the run crashed in between): moves its ETag
   * so two repairing runs cannot both take it. Returns the new ETag, or undefined when another won.
   */
  async claim(failure: StoredFailure, at: string): Promise<string | undefined> {
    const entity = { partitionKey: failure.partitionKey, rowKey: failure.rowKey, claimedAt: at, detectedAt: at };
    const response = await tolerate(() => this.table.updateEntity(entity, 'Merge', { etag: failure.etag }), 412, 404);
    return response ? String(response.etag ?? '') : undefined;
  }

  /** Failures whose notification is not known to be on the queue, ended within two days of `nowMs`. */
  async pending(nowMs: number): Promise<StoredFailure[]> {
    await ensureTable(this.table);
    const found: StoredFailure[] = [];
    for (const day of days(nowMs - 86_400_000, nowMs)) {
      const filter = odata`PartitionKey eq ${day} and enqueued eq ${false}`;
      for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
        const stored = toStored(row);
        if (stored) found.push(stored);
      }
    }
    return found;
  }

  /** Failures that ended in [fromMs, toMs], newest first (the bot's `status`). */
  async between(fromMs: number, toMs: number): Promise<RefreshFailedNotification[]> {
    await ensureTable(this.table);
    const from = new Date(fromMs).toISOString();
    const found: RefreshFailedNotification[] = [];
    for (const day of days(fromMs, toMs)) {
      const filter = odata`PartitionKey eq ${day} and endedAt ge ${from}`;
      for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
        const stored = toStored(row);
        if (stored && Date.parse(stored.notification.endedAt) <= toMs) found.push(stored.notification);
      }
    }
    return found.sort((a, b) => b.endedAt.localeCompare(a.endedAt));
  }
}
