import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { chunk, ensureTable, type StoreMasterEntity } from '@planboard/server';
import type { MasterStore } from '../sources/dataverse';

const fields = (store: Omit<StoreMasterEntity, 'syncedAt' | 'partitionKey' | 'rowKey'>) =>
  [store.name, store.location, store.region, store.businessUnit, store.manager, store.managerEmail, store.active].join('|');

async function readMaster(table: TableClient): Promise<Map<string, StoreMasterEntity>> {
  await ensureTable(table);
  const rows = new Map<string, StoreMasterEntity>();
  for await (const row of table.listEntities<StoreMasterEntity>({ queryOptions: { filter: odata`PartitionKey eq 'store'` } }))
    rows.set(String(row.rowKey), row);
  return rows;
}

/**
 * Brings `storemaster` in line with Dataverse's active stores: new or changed stores are
 * written, stores no longer active are kept but marked inactive (their sales history stays
 * addressable). Unchanged stores are not rewritten. Answers how many rows were written.
 */
export async function syncStoreMaster(table: TableClient, stores: readonly MasterStore[], now: Date): Promise<number> {
  const current = await readMaster(table);
  const writes: StoreMasterEntity[] = [];
  const seen = new Set<string>();
  for (const store of stores) {
    seen.add(store.storeNumber);
    const entity: StoreMasterEntity = {
      partitionKey: 'store',
      rowKey: store.storeNumber,
      ...store,
      active: true,
      syncedAt: now.toISOString(),
    };
    const before = current.get(store.storeNumber);
    if (!before || fields(before) !== fields(entity)) writes.push(entity);
  }
  for (const [storeNumber, before] of current)
    if (!seen.has(storeNumber) && before.active !== false)
      writes.push({
        partitionKey: 'store',
        rowKey: storeNumber,
        storeNumber,
        name: before.name,
        location: before.location,
        region: before.region,
        businessUnit: before.businessUnit,
        manager: before.manager,
        managerEmail: before.managerEmail,
        active: false,
        syncedAt: now.toISOString(),
      });
  for (const batch of chunk(writes))
    await table.submitTransaction(batch.map((entity): TransactionAction => ['upsert', { ...entity }, 'Replace']));
  return writes.length;
}

/** Store numbers rows may be loaded for: the active stores of the master table. */
export async function knownStores(table: TableClient): Promise<Set<string>> {
  const rows = await readMaster(table);
  return new Set([...rows.values()].filter((row) => row.active !== false).map((row) => String(row.rowKey)));
}
