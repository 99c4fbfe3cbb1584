import { TableClient } from '@azure/data-tables';

/** The bot's tables (alphanumeric names, as Table Storage requires). */
export const botTableNames = {
  /** Conversation references (partition `conv`) — where proactive cards can go. */
  conversations: 'botconversations',
  /** Subscriptions, one partition per topic, so a delivery reads one partition. */
  subscriptions: 'botsubscriptions',
  /** Per notification: its card state and the message posted in each conversation. */
  cards: 'botcards',
} as const;
export type BotTableName = (typeof botTableNames)[keyof typeof botTableNames];

const created = new Map<string, Promise<unknown>>();

/** A client for one table; plain-http endpoints (Azurite) only when the connection string uses them. */
export function botTable(connectionString: string, table: BotTableName): TableClient {
  const insecure = /DefaultEndpointsProtocol=http;|TableEndpoint=http:/i.test(connectionString);
  return TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: insecure });
}

/** Creates the table once per process. */
export async function ensureTable(client: TableClient): Promise<void> {
  const key = `${client.url}/${client.tableName}`;
  let pending = created.get(key);
  if (!pending) {
    pending = client.createTable();
    created.set(key, pending);
    pending.catch(() => created.delete(key));
  }
  await pending;
}

/** The HTTP status of a storage error, if any. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Conversation ids hold `:`, `@`, `;` — fine — but a key must not hold `/ \ # ?`: encode those. */
export function rowKey(value: string): string {
  return value.replace(/[%/\\#?]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
