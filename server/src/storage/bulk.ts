import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';

/** Table Storage accepts at most 100 operations in one entity-group transaction. */
export const maxBatchSize = 100;

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size = maxBatchSize): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/** Groups entities by partition key: a transaction may only touch one partition. */
export function byPartition<T extends TableEntity>(entities: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entity of entities) {
    const group = groups.get(entity.partitionKey) ?? [];
    group.push(entity);
    groups.set(entity.partitionKey, group);
  }
  return groups;
}

/**
 * Inserts only the entities whose keys are not in the table yet, one transaction per ≤100 of a
 * partition. Existing entities are left untouched, so running it again changes nothing.
 */
export async function insertMissing<T extends TableEntity>(client: TableClient, entities: readonly T[]): Promise<number> {
  let inserted = 0;
  for (const [partitionKey, group] of byPartition(entities)) {
    const existing = new Set<string>();
    const rows = client.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] } });
    for await (const row of rows) existing.add(String(row.rowKey));
    const missing = group.filter((entity) => !existing.has(entity.rowKey));
    for (const batch of chunk(missing)) {
      await client.submitTransaction(batch.map((entity): TransactionAction => ['create', entity]));
      inserted += batch.length;
    }
  }
  return inserted;
}
