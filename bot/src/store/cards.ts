import { odata, type TableClient } from '@azure/data-tables';
import { notificationSchema, type Notification } from '@planboard/contracts';
import type { RefreshCardState } from '../cards/refresh-failed';
import { botTable, botTableNames, ensureTable, rowKey, statusOf } from './tables';

/** A posted alert: the notification it came from and what happened to it since (retry, acknowledge). */
export interface CardRecord {
  notification: Notification;
  state: RefreshCardState;
  etag: string;
}

/** A message posted for a notification in one conversation. */
export interface Delivery {
  conversationKey: string;
  activityId: string;
}

/** What to do about one conversation of a notification. */
export type DeliveryClaim = 'send' | 'done' | 'busy';

const cardRow = 'card';
const deliveryPrefix = 'to|';
/** A "sending" mark older than this was left by a worker that died mid-send. */
const staleSendMs = 2 * 60_000;

/**
 * Card state and per-conversation deliveries, one partition per notification: the dedupe that
 * makes a duplicated queue message harmless, and the list of messages a card update must touch.
 */
export class CardStore {
  private readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = botTable(connectionString, botTableNames.cards);
  }

  /** Keeps the notification so later clicks can re-render its card (a second save is a no-op). */
  async saveNotification(notification: Notification): Promise<void> {
    await ensureTable(this.table);
    const entity = { partitionKey: rowKey(notification.id), rowKey: cardRow, notification: JSON.stringify(notification), state: '{}' };
    await this.table.createEntity(entity).catch((error: unknown) => {
      if (statusOf(error) !== 409) throw error;
    });
  }

  async get(notificationId: string): Promise<CardRecord | undefined> {
    await ensureTable(this.table);
    try {
      const row = await this.table.getEntity(rowKey(notificationId), cardRow);
      const notification = notificationSchema.parse(JSON.parse(String(row.notification)));
      return { notification, state: JSON.parse(String(row.state ?? '{}')) as RefreshCardState, etag: String(row.etag) };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Changes the card state with optimistic concurrency: `change` sees the latest state and returns
   * the new one (or undefined to leave it). Two admins clicking at once cannot overwrite each other.
   */
  async updateState(
    notificationId: string,
    change: (state: RefreshCardState) => RefreshCardState | undefined,
  ): Promise<CardRecord | undefined> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const record = await this.get(notificationId);
      if (!record) return undefined;
      const next = change(record.state);
      if (!next) return record;
      try {
        const response = await this.table.updateEntity(
          { partitionKey: rowKey(notificationId), rowKey: cardRow, state: JSON.stringify(next) },
          'Merge',
          { etag: record.etag },
        );
        return { ...record, state: next, etag: String(response.etag ?? '') };
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
    throw new Error(`Card ${notificationId} kept changing; giving up`);
  }

  /**
   * Claims the right to post a notification in a conversation: `send` (go ahead), `done` (it was
   * posted already: a duplicate message) or `busy` (another worker is posting it right now).
   */
  async claimDelivery(notificationId: string, conversationKey: string): Promise<DeliveryClaim> {
    await ensureTable(this.table);
    const keys = { partitionKey: rowKey(notificationId), rowKey: `${deliveryPrefix}${rowKey(conversationKey)}` };
    const now = new Date().toISOString();
    try {
      await this.table.createEntity({ ...keys, conversationKey, status: 'sending', at: now });
      return 'send';
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    const row = await this.table.getEntity(keys.partitionKey, keys.rowKey);
    if (row.status === 'sent') return 'done';
    if (Date.now() - Date.parse(String(row.at)) < staleSendMs) return 'busy';
    try {
      await this.table.updateEntity({ ...keys, status: 'sending', at: now }, 'Merge', { etag: String(row.etag) });
      return 'send';
    } catch (error) {
      if (statusOf(error) === 412) return 'busy';
      throw error;
    }
  }

  async markDelivered(notificationId: string, conversationKey: string, activityId: string): Promise<void> {
    const keys = { partitionKey: rowKey(notificationId), rowKey: `${deliveryPrefix}${rowKey(conversationKey)}` };
    await this.table.upsertEntity({ ...keys, conversationKey, status: 'sent', activityId, at: new Date().toISOString() }, 'Merge');
  }

  /** Gives a claim back after a failed send, so the retry of the message sends it. */
  async releaseDelivery(notificationId: string, conversationKey: string): Promise<void> {
    await this.table.deleteEntity(rowKey(notificationId), `${deliveryPrefix}${rowKey(conversationKey)}`).catch(() => undefined);
  }

  /** Messages posted for a notification, for updating every copy of its card. */
  async deliveries(notificationId: string): Promise<Delivery[]> {
    await ensureTable(this.table);
    const filter = odata`PartitionKey eq ${rowKey(notificationId)} and RowKey gt ${deliveryPrefix} and RowKey lt ${'to}'}`;
    const found: Delivery[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
      if (row.status === 'sent' && row.activityId)
        found.push({ conversationKey: String(row.conversationKey), activityId: String(row.activityId) });
    }
    return found;
  }
}
