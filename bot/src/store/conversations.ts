import { odata, type TableClient } from '@azure/data-tables';
import type { AlertTopic } from '@planboard/contracts';
import type { ConversationInfo, ConversationKind } from '../platform/types';
import { botTable, botTableNames, ensureTable, rowKey, statusOf } from './tables';

/** One conversation's subscription to a topic. */
export interface Subscription {
  topic: AlertTopic;
  conversationKey: string;
  kind: ConversationKind;
  /** Channels and admin chats get every scope; a personal non-admin subscription follows its owner's grants. */
  allScopes: boolean;
  owner?: { tid: string; oid: string };
  createdBy: string;
  createdAt: string;
}

const convPartition = 'conv';

function toConversation(row: Record<string, unknown>): ConversationInfo {
  return {
    key: String(row.key ?? ''),
    kind: String(row.kind) as ConversationKind,
    tenantId: String(row.tenantId ?? ''),
    reference: JSON.parse(String(row.reference ?? '{}')) as unknown,
  };
}

/** Conversation references and subscriptions in Table Storage. */
export class ConversationStore {
  private readonly conversations: TableClient;
  private readonly subscriptions: TableClient;

  constructor(connectionString: string) {
    this.conversations = botTable(connectionString, botTableNames.conversations);
    this.subscriptions = botTable(connectionString, botTableNames.subscriptions);
  }

  /** Stores (or refreshes: the service URL can change) where to reach a conversation. */
  async remember(conversation: ConversationInfo): Promise<void> {
    await ensureTable(this.conversations);
    await this.conversations.upsertEntity(
      {
        partitionKey: convPartition,
        rowKey: rowKey(conversation.key),
        key: conversation.key,
        kind: conversation.kind,
        tenantId: conversation.tenantId,
        reference: JSON.stringify(conversation.reference),
        updatedAt: new Date().toISOString(),
      },
      'Replace',
    );
  }

  async get(key: string): Promise<ConversationInfo | undefined> {
    await ensureTable(this.conversations);
    try {
      return toConversation(await this.conversations.getEntity(convPartition, rowKey(key)));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async subscribe(subscription: Subscription): Promise<void> {
    await ensureTable(this.subscriptions);
    const { topic, conversationKey, owner, ...rest } = subscription;
    await this.subscriptions.upsertEntity(
      {
        partitionKey: topic,
        rowKey: rowKey(conversationKey),
        conversationKey,
        ...rest,
        ownerTid: owner?.tid ?? '',
        ownerOid: owner?.oid ?? '',
      },
      'Replace',
    );
  }

  /** Removes the subscriptions; returns the topics that were subscribed. */
  async unsubscribe(conversationKey: string, topics: readonly AlertTopic[]): Promise<AlertTopic[]> {
    await ensureTable(this.subscriptions);
    const removed: AlertTopic[] = [];
    for (const topic of topics) {
      try {
        await this.subscriptions.deleteEntity(topic, rowKey(conversationKey));
        removed.push(topic);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    }
    return removed;
  }

  /** The topics a conversation is subscribed to. */
  async topicsOf(conversationKey: string, topics: readonly AlertTopic[]): Promise<Subscription[]> {
    const all = await Promise.all(topics.map((topic) => this.subscribers(topic, conversationKey)));
    return all.flat();
  }

  /** Every subscription to a topic (one partition), or one conversation's. */
  async subscribers(topic: AlertTopic, conversationKey?: string): Promise<Subscription[]> {
    await ensureTable(this.subscriptions);
    const filter = conversationKey
      ? odata`PartitionKey eq ${topic} and RowKey eq ${rowKey(conversationKey)}`
      : odata`PartitionKey eq ${topic}`;
    const found: Subscription[] = [];
    for await (const row of this.subscriptions.listEntities({ queryOptions: { filter } })) {
      const ownerOid = String(row.ownerOid ?? '');
      found.push({
        topic,
        conversationKey: String(row.conversationKey),
        kind: String(row.kind) as ConversationKind,
        allScopes: row.allScopes === true,
        ...(ownerOid ? { owner: { tid: String(row.ownerTid), oid: ownerOid } } : {}),
        createdBy: String(row.createdBy ?? ''),
        createdAt: String(row.createdAt ?? ''),
      });
    }
    return found;
  }
}
