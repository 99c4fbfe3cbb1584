import { odata, type TableClient } from '@azure/data-tables';
import { notificationSchema, type ScheduleHealthNotification } from '@planboard/contracts';
import { ensureTable, keyPart, refreshTable, refreshTableNames, statusOf, tolerate } from '../tables';

/** A schedule-health alert as stored: the idempotency record of its notification. */
export interface StoredHealthAlert {
  rowKey: string;
  notification: ScheduleHealthNotification;
  enqueued: boolean;
  detectedAt: string;
  etag: string;
}

/** A model's snooze: schedule-health alerts about it wait until `until` (ISO, service time). */
export interface Snooze {
  datasetId: string;
  until: string;
  by: string;
}

const alertPartition = 'alert';
const snoozePartition = 'snooze';
const metaPartition = 'meta';
const staleScanRow = 'staleScan';

function toAlert(row: Record<string, unknown>): StoredHealthAlert | undefined {
  const parsed = notificationSchema.safeParse(JSON.parse(String(row.notification ?? 'null')));
  if (!parsed.success) return undefined;
  const notification = parsed.data;
  if (notification.kind !== 'scheduleAtRisk' && notification.kind !== 'scheduleDisabled' && notification.kind !== 'modelStale')
    return undefined;
  return {
    rowKey: String(row.rowKey),
    notification,
    enqueued: row.enqueued === true,
    detectedAt: String(row.detectedAt ?? ''),
    etag: String(row.etag ?? ''),
  };
}

/**
 * Schedule-health state in Table Storage, safe with several hosts: an alert row is created once
 * per notification id (the second host's insert gets 409 and sends nothing), marked enqueued with
 * its ETag, and repaired by whoever claims it first (ETag) after a crash between the two.
 */
export class HealthStore {
  private readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = refreshTable(connectionString, refreshTableNames.health);
  }

  /** Records an alert; undefined when it was recorded already (earlier run or another host). */
  async record(notification: ScheduleHealthNotification, detectedAt: string): Promise<StoredHealthAlert | undefined> {
    await ensureTable(this.table);
    const rowKey = keyPart(notification.id);
    const entity = {
      partitionKey: alertPartition,
      rowKey,
      notification: JSON.stringify(notification),
      kind: notification.kind,
      datasetId: notification.datasetId,
      enqueued: false,
      detectedAt,
    };
    try {
      const response = await this.table.createEntity(entity);
      return { rowKey, notification, enqueued: false, detectedAt, etag: String(response.etag ?? '') };
    } catch (error) {
      if (statusOf(error) === 409) return undefined;
      throw error;
    }
  }

  async markEnqueued(alert: Pick<StoredHealthAlert, 'rowKey' | 'etag'>): Promise<boolean> {
    const entity = { partitionKey: alertPartition, rowKey: alert.rowKey, enqueued: true, enqueuedAt: new Date().toISOString() };
    return (await tolerate(() => this.table.updateEntity(entity, 'Merge', { etag: alert.etag }), 412)) !== undefined;
  }

  /** Takes over an alert a crashed run left unsent; the new ETag, or undefined when another host won. */
  async claim(alert: StoredHealthAlert, at: string): Promise<string | undefined> {
    const entity = { partitionKey: alertPartition, rowKey: alert.rowKey, claimedAt: at, detectedAt: at };
    const response = await tolerate(() => this.table.updateEntity(entity, 'Merge', { etag: alert.etag }), 412, 404);
    return response ? String(response.etag ?? '') : undefined;
  }

  /** Alerts not known to be on the queue (few: only a crash leaves one). */
  async pending(): Promise<StoredHealthAlert[]> {
    await ensureTable(this.table);
    const found: StoredHealthAlert[] = [];
    const filter = odata`PartitionKey eq ${alertPartition} and enqueued eq ${false}`;
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
      const alert = toAlert(row);
      if (alert) found.push(alert);
    }
    return found;
  }

  /** Whether an alert with this notification id was recorded (e.g. this staleness episode's). */
  async has(notificationId: string): Promise<boolean> {
    await ensureTable(this.table);
    return (await tolerate(() => this.table.getEntity(alertPartition, keyPart(notificationId)), 404)) !== undefined;
  }

  async snooze(snooze: Snooze): Promise<void> {
    await ensureTable(this.table);
    await this.table.upsertEntity({ partitionKey: snoozePartition, rowKey: keyPart(snooze.datasetId), ...snooze }, 'Replace');
  }

  /** The model's snooze if it is still running at `nowMs` (service time). */
  async snoozedUntil(datasetId: string, nowMs: number): Promise<Snooze | undefined> {
    await ensureTable(this.table);
    const row = await tolerate(() => this.table.getEntity(snoozePartition, keyPart(datasetId)), 404);
    if (!row || typeof row.until !== 'string' || Date.parse(row.until) <= nowMs) return undefined;
    return { datasetId, until: row.until, by: String(row.by ?? '') };
  }

  /** Every running snooze (the stale scan reads them once, not once per model). */
  async snoozes(nowMs: number): Promise<Map<string, Snooze>> {
    await ensureTable(this.table);
    const found = new Map<string, Snooze>();
    for await (const row of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${snoozePartition}` } })) {
      if (typeof row.until === 'string' && Date.parse(row.until) > nowMs)
        found.set(String(row.datasetId), { datasetId: String(row.datasetId), until: row.until, by: String(row.by ?? '') });
    }
    return found;
  }

  /**
   * Takes the stale scan's turn: true for exactly one host per `everyMs` of service time (the
   * scan reads the whole catalog, so it must not run on every host every 30 s).
   */
  async takeStaleScanTurn(nowMs: number, everyMs: number): Promise<boolean> {
    await ensureTable(this.table);
    const row = await tolerate(() => this.table.getEntity(metaPartition, staleScanRow), 404);
    const entity = { partitionKey: metaPartition, rowKey: staleScanRow, at: new Date(nowMs).toISOString() };
    if (!row) return (await tolerate(() => this.table.createEntity(entity), 409)) !== undefined;
    const last = typeof row.at === 'string' ? Date.parse(row.at) : 0;
    if (everyMs > 0 && nowMs < last + everyMs) return false;
    return (await tolerate(() => this.table.updateEntity(entity, 'Replace', { etag: String(row.etag) }), 412)) !== undefined;
  }
}
