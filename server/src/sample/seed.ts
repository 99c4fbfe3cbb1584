import { odata, type TableClient, type TableEntity } from '@azure/data-tables';
import { insertMissing } from '../storage/bulk';
import { ensureTables, statusOf, tableClient, tableNames } from '../storage/tables';
import { storeTable, storeTableNames } from '../stores/tables';
import { sampleBudgetLines } from './budget';
import { allScopes, sampleUsers } from './directory';
import { budgetBlockEntities, grantEntity, scopeEntity, userEntity } from './entities';
import { sampleKpiEntities } from './kpis';
import { sampleStoreMasterEntities, sampleStoreSalesEntities } from './store-data';
import { sampleTrainingEntities } from './training';

export interface SeedReport {
  /** Entities inserted per table; all zero when the tenant was already seeded. */
  inserted: Record<string, number>;
}

/** {@link insertMissing}, tolerating a concurrent seed of the same rows (a 409 re-reads and skips them). */
async function insertMissingOnce(client: TableClient, entities: readonly TableEntity[]): Promise<number> {
  try {
    return await insertMissing(client, entities);
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
    return insertMissing(client, entities);
  }
}

/**
 * Sample points go only into KPIs (and stores) without any: the series ends in the week before the
 * seeding, so a later re-seed must not add a second, shifted series to data that is already there.
 */
async function seedEmptyPartitions(client: TableClient, points: readonly TableEntity[]): Promise<number> {
  const partitions = [...new Set(points.map((point) => point.partitionKey))];
  const empty = new Set<string>();
  for (const partitionKey of partitions) {
    const rows = client.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] } });
    const first = await rows[Symbol.asyncIterator]().next();
    if (first.done) empty.add(partitionKey);
  }
  return insertMissingOnce(
    client,
    points.filter((point) => empty.has(point.partitionKey)),
  );
}

/**
 * The sample programme goes only into a tenant without one: admins lock days and remove
 * recordings, and a re-seed must not undo that. Progress rows are added where missing.
 */
async function seedTraining(connectionString: string): Promise<{ training: number; trainingProgress: number }> {
  const { programme, progress } = sampleTrainingEntities();
  const table = tableClient(connectionString, tableNames.training);
  const partitionKey = programme[0]?.partitionKey ?? '';
  const rows = table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] } });
  const first = await rows[Symbol.asyncIterator]().next();
  return {
    training: first.done ? await insertMissingOnce(table, programme) : 0,
    trainingProgress: await insertMissingOnce(tableClient(connectionString, tableNames.trainingProgress), progress),
  };
}

/**
 * Store master and a few weeks of sales for the sample stores, so the Stores page has data before
 * the store pipeline first runs; the pipeline's Dataverse sync and loads overwrite them.
 */
async function seedStoreData(connectionString: string, syncedAt: Date): Promise<{ storeMaster: number; storeSales: number }> {
  const master = storeTable(connectionString, storeTableNames.master);
  const sales = storeTable(connectionString, storeTableNames.sales);
  await Promise.all([master.createTable(), sales.createTable()]);
  return {
    storeMaster: await insertMissingOnce(
      master,
      sampleStoreMasterEntities(syncedAt).map((row) => ({ ...row })),
    ),
    storeSales: await seedEmptyPartitions(
      sales,
      sampleStoreSalesEntities(new Date()).map((row) => ({ ...row })),
    ),
  };
}

/** Seeds the sample tenant into Table Storage. Idempotent: existing rows are never overwritten. */
export async function seedSampleTenant(connectionString: string): Promise<SeedReport> {
  await ensureTables(connectionString);
  const seedTime = new Date('2026-10-01T08:00:00Z');
  const grants = sampleUsers.flatMap((user) =>
    user.grants.map((grant) => grantEntity(user, grant.scopeId, grant.level, 'sample-tenant-seed', seedTime)),
  );
  const kpis = sampleKpiEntities();
  const inserted = {
    scopes: await insertMissing(tableClient(connectionString, tableNames.scopes), allScopes.map(scopeEntity)),
    users: await insertMissing(tableClient(connectionString, tableNames.users), sampleUsers.map(userEntity)),
    grants: await insertMissing(tableClient(connectionString, tableNames.grants), grants),
    budget: await insertMissing(tableClient(connectionString, tableNames.budget), budgetBlockEntities(sampleBudgetLines())),
    kpis: await insertMissingOnce(tableClient(connectionString, tableNames.kpis), kpis.definitions),
    kpiPoints: await seedEmptyPartitions(tableClient(connectionString, tableNames.kpiPoints), kpis.points),
    ...(await seedTraining(connectionString)),
    ...(await seedStoreData(connectionString, seedTime)),
  };
  return { inserted };
}
