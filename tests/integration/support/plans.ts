import { randomUUID } from 'node:crypto';
import { sampleBudgetLines } from '../../../server/src/sample/budget';
import { budgetBlockEntities } from '../../../server/src/sample/entities';
import { insertMissing } from '../../../server/src/storage/bulk';
import { ensureTables, tableClient, tableNames } from '../../../server/src/storage/tables';
import { storageConnection } from './env';

/** Seeds a fresh plan (all five BUs) so a suite never sees another suite's edits. */
export async function freshPlan(connectionString = storageConnection()): Promise<string> {
  const planId = `t${randomUUID().slice(0, 8)}`;
  await ensureTables(connectionString);
  await insertMissing(tableClient(connectionString, tableNames.budget), budgetBlockEntities(sampleBudgetLines(planId)));
  return planId;
}
