import { insertMissing } from '../storage/bulk';
import { ensureTables, tableClient, tableNames } from '../storage/tables';
import { sampleBudgetLines } from './budget';
import { allScopes, sampleUsers } from './directory';
import { budgetBlockEntities, grantEntity, scopeEntity, userEntity } from './entities';

export interface SeedReport {
  /** Entities inserted per table; all zero when the tenant was already seeded. */
  inserted: Record<string, number>;
}

/** Seeds the sample tenant into Table Storage. Idempotent: existing rows are never overwritten. */
export async function seedSampleTenant(connectionString: string): Promise<SeedReport> {
  await ensureTables(connectionString);
  const seedTime = new Date('2026-10-01T08:00:00Z');
  const grants = sampleUsers.flatMap((user) =>
    user.grants.map((grant) => grantEntity(user, grant.scopeId, grant.level, 'sample-tenant-seed', seedTime)),
  );
  const inserted = {
    scopes: await insertMissing(tableClient(connectionString, tableNames.scopes), allScopes.map(scopeEntity)),
    users: await insertMissing(tableClient(connectionString, tableNames.users), sampleUsers.map(userEntity)),
    grants: await insertMissing(tableClient(connectionString, tableNames.grants), grants),
    budget: await insertMissing(tableClient(connectionString, tableNames.budget), budgetBlockEntities(sampleBudgetLines())),
  };
  return { inserted };
}
