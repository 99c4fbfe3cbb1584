import type { TableClient } from '@azure/data-tables';
import { ensureTable, statusOf, tableClient } from '@planboard/server';

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

/** A client for one table; plain-http endpoints (Azurite) only when the connection string uses them. */
export function botTable(connectionString: string, table: BotTableName): TableClient {
  return tableClient(connectionString, table);
}

export { ensureTable, statusOf };

/** Conversation ids hold `:`, `@`, `;` — fine — but a key must not hold `/ \ # ?`: encode those. */
export function rowKey(value: string): string {
  return value.replace(/[%/\\#?]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
