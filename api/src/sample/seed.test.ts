import { TableClient } from '@azure/data-tables';
import { BudgetStore } from '../budget/store';
import { KpiStore } from '../kpi/store';
import { tableClient, tableNames, sampleUsers, sampleKpis, sampleKpiWeeks, seedSampleTenant } from '@planboard/server';

// Runs against the Azurite started by the jest global setup (tests/support/global-setup.js).
const connection = (): string => {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set: run through the root jest config');
  return value;
};

async function snapshot(client: TableClient): Promise<Map<string, string>> {
  const etags = new Map<string, string>();
  for await (const entity of client.listEntities()) etags.set(`${entity.partitionKey}/${entity.rowKey}`, String(entity.etag));
  return etags;
}

describe('seeding the sample tenant', () => {
  it('inserts the directory and budget once; a second run changes nothing', async () => {
    const first = await seedSampleTenant(connection());
    const budget = tableClient(connection(), tableNames.budget);
    const users = tableClient(connection(), tableNames.users);
    const kpiPoints = tableClient(connection(), tableNames.kpiPoints);
    const before = { budget: await snapshot(budget), users: await snapshot(users), kpiPoints: await snapshot(kpiPoints) };
    expect(before.budget.size).toBeGreaterThanOrEqual(600);
    expect(before.users.size).toBe(sampleUsers.length);

    const second = await seedSampleTenant(connection());
    expect(Object.values(second.inserted).every((count) => count === 0)).toBe(true);
    expect(await snapshot(budget)).toEqual(before.budget);
    expect(await snapshot(users)).toEqual(before.users);
    expect(await snapshot(kpiPoints)).toEqual(before.kpiPoints);
    expect(first.inserted.kpis === sampleKpis().length || first.inserted.kpis === 0).toBe(true);
    // The first run in this Azurite inserted everything (unless another suite seeded first).
    expect(first.inserted.budget === 600 || first.inserted.budget === 0).toBe(true);
  });

  it('never overwrites a line a user has edited', async () => {
    await seedSampleTenant(connection());
    const store = new BudgetStore(connection());
    const partitionKey = 'fy2027|finance';
    const line = (await store.read(partitionKey)).lines.get('banking-fees.head-office.q1');
    if (!line) throw new Error('the sample plan has no banking-fees.head-office.q1 line');
    const block = (await store.read(partitionKey)).blocks.get(line.block);
    if (!block) throw new Error('no block');
    await store.writeBlocks(partitionKey, [{ block, lines: [{ ...line, budgetAmount: 12345 }], entries: [] }], 'edit-1');
    await seedSampleTenant(connection());
    expect((await store.read(partitionKey)).lines.get('banking-fees.head-office.q1')?.budgetAmount).toBe(12345);
  });

  it('seeds every sample KPI with its weekly points, and never adds points to a KPI that has some', async () => {
    await seedSampleTenant(connection());
    const store = new KpiStore(connection());
    for (const { kpi } of sampleKpis()) {
      expect((await store.getDefinition(kpi.departmentId, kpi.kpiId))?.kpi).toEqual(kpi);
      expect((await store.listPoints(kpi.departmentId, kpi.kpiId)).length).toBeGreaterThanOrEqual(sampleKpiWeeks);
    }
    // A KPI whose users recorded (or kept) only some points is left alone.
    const [sample] = sampleKpis();
    if (!sample) throw new Error('no sample KPIs');
    const points = await store.listPoints(sample.kpi.departmentId, sample.kpi.kpiId);
    await store.deletePoints(sample.kpi.departmentId, sample.kpi.kpiId);
    await store.upsertPoints(sample.kpi.departmentId, sample.kpi.kpiId, points.slice(-1));
    expect((await seedSampleTenant(connection())).inserted.kpiPoints).toBe(0);
    expect(await store.listPoints(sample.kpi.departmentId, sample.kpi.kpiId)).toHaveLength(1);
    await store.upsertPoints(sample.kpi.departmentId, sample.kpi.kpiId, points);
  });
});
