import { randomUUID } from 'node:crypto';
import { newPlanBlocks } from '../../../server/src/budget/blocks';
import { insertMissing } from '../../../server/src/storage/bulk';
import { ensureTables, tableClient, tableNames } from '../../../server/src/storage/tables';

/** A plan whose one BU partition holds `lines` synthetic lines (ids `c<i>.r<j>.q<k>`), for large saves. */
export async function bigPlan(
  connectionString: string,
  lines: number,
  scopeId = 'sales-north',
): Promise<{ planId: string; lineIds: string[] }> {
  const planId = `b${randomUUID().slice(0, 8)}`;
  const lineIds = Array.from({ length: lines }, (_, index) => `c${Math.floor(index / 20)}.r${index % 20}.q${(index % 4) + 1}`);
  await ensureTables(connectionString);
  const planLines = lineIds.map((lineId, index) => ({
    lineId,
    category: `Category ${Math.floor(index / 20)}`,
    region: `Region ${index % 20}`,
    quarter: `Q${(index % 4) + 1}`,
    budgetAmount: 1000,
    forecastSales: 2000,
    comments: '',
    rev: 0,
    changes: {},
  }));
  const entities = newPlanBlocks(`${planId}|${scopeId}`, planLines);
  await insertMissing(tableClient(connectionString, tableNames.budget), entities);
  // Blocks hold lines in id order: the order the API returns them (and a paste walks them).
  return { planId, lineIds: [...lineIds].sort() };
}
