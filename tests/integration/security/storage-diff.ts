import { TableClient, TableServiceClient } from '@azure/data-tables';

/** Every entity of every table, keyed `table/partition/row`, with its ETag. */
export async function snapshotTables(connectionString: string): Promise<Map<string, { etag: string; entity: Record<string, unknown> }>> {
  const service = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
  const result = new Map<string, { etag: string; entity: Record<string, unknown> }>();
  for await (const table of service.listTables()) {
    const name = String(table.name);
    const client = TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });
    for await (const entity of client.listEntities()) {
      result.set(`${name}/${entity.partitionKey}/${entity.rowKey}`, { etag: String(entity.etag), entity });
    }
  }
  return result;
}

export interface ChangedEntity {
  key: string;
  table: string;
  entity: Record<string, unknown>;
}

/** Entities added, changed (ETag moved) or removed between two snapshots. */
export function changedEntities(
  before: Map<string, { etag: string; entity: Record<string, unknown> }>,
  after: Map<string, { etag: string; entity: Record<string, unknown> }>,
): ChangedEntity[] {
  const changes: ChangedEntity[] = [];
  for (const [key, value] of after) {
    if (before.get(key)?.etag !== value.etag) changes.push({ key, table: key.split('/')[0] ?? '', entity: value.entity });
  }
  for (const [key, value] of before) if (!after.has(key)) changes.push({ key, table: key.split('/')[0] ?? '', entity: value.entity });
  return changes;
}

/** The scope ids an entity belongs to: its `scopeId` field and the scope ids inside its keys. */
export function scopesOf(entity: Record<string, unknown>, knownScopes: ReadonlySet<string>): string[] {
  const parts = [String(entity.scopeId ?? ''), ...String(entity.partitionKey).split('|'), ...String(entity.rowKey).split('|')];
  return [...new Set(parts.filter((part) => knownScopes.has(part)))];
}
