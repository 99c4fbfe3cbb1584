import { TableClient } from '@azure/data-tables';
import {
  allScopes,
  budgetBlockEntities,
  grantEntity,
  sampleBudgetLines,
  sampleKpiEntities,
  sampleUsers,
  scopeEntity,
  storeSalesRowKey,
  userEntity,
} from '@planboard/server';
import { sampleIds } from '../seed/sample-ids';
import { startTestEmulator, type TestEmulator } from '../testing/harness';

const connectionString = process.env.AZURITE_CONNECTION_STRING ?? '';
const suffix = Math.random().toString(36).slice(2, 8);
const names = {
  budget: `pbibudget${suffix}`,
  users: `pbiusers${suffix}`,
  grants: `pbigrants${suffix}`,
  scopes: `pbiscopes${suffix}`,
  kpis: `pbikpis${suffix}`,
  kpiPoints: `pbikpipoints${suffix}`,
  storeSales: `pbistoresales${suffix}`,
};
const nora = sampleUsers.find((user) => user.name === 'Nora Lindqvist') as (typeof sampleUsers)[number];

function client(name: string): TableClient {
  return TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });
}

async function write(name: string, entities: { partitionKey: string; rowKey: string }[]): Promise<void> {
  const table = client(name);
  await table.createTable();
  for (const entity of entities) await table.upsertEntity(entity, 'Replace');
}

let t: TestEmulator;
let sp: string;
beforeAll(async () => {
  if (!connectionString) throw new Error('AZURITE_CONNECTION_STRING is not set (run through the root jest config)');
  const lines = sampleBudgetLines().filter((line) => line.scopeId === 'sales-north' || line.scopeId === 'marketing');
  const edited = lines.map((line) =>
    line.scopeId === 'sales-north' && line.category === 'Coffee' && line.region === 'Finland' && line.quarter === 'Q1'
      ? { ...line, budgetAmount: 123_456 }
      : line,
  );
  await write(names.budget, [
    ...budgetBlockEntities(edited),
    { partitionKey: 'fy2027|sales-north', rowKey: 'audit|0001', budgetAmount: 999_999_999 } as never,
  ]);
  await write(names.users, sampleUsers.map(userEntity));
  await write(names.scopes, allScopes.map(scopeEntity));
  await write(
    names.grants,
    sampleUsers.flatMap((user) => user.grants.map((grant) => grantEntity(user, grant.scopeId, grant.level, 'test', new Date()))),
  );
  t = await startTestEmulator({ storageConnectionString: connectionString, storageTableNames: names });
  sp = await t.issuer.appToken();
}, 60_000);
afterAll(async () => {
  await t?.stop();
  await Promise.all(
    Object.values(names).map((name) =>
      client(name)
        .deleteTable()
        .catch(() => undefined),
    ),
  );
});

const refreshes = `groups/${sampleIds.budget.workspaceId}/datasets/${sampleIds.budget.datasetId}/refreshes`;
const byBu = `EVALUATE SUMMARIZECOLUMNS('Budget'[BusinessUnit], "Total", SUM('Budget'[BudgetAmount]), "Lines", COUNTROWS('Budget')) ORDER BY 'Budget'[BusinessUnit]`;

async function asNora(query: string) {
  const token = await t.issuer.userToken(nora.upn);
  const response = await t.api('POST', `datasets/${sampleIds.budget.datasetId}/executeQueries`, { token, body: { queries: [{ query }] } });
  return response.body.results[0].tables[0].rows as Record<string, unknown>[];
}

async function refresh(): Promise<Record<string, unknown>> {
  expect((await t.api('POST', refreshes, { token: sp })).status).toBe(202);
  await t.control('POST', 'clock/advance', { seconds: 30 });
  return (await t.api('GET', `${refreshes}?$top=1`, { token: sp })).body.value[0];
}

describe('datasets bound to Table Storage', () => {
  it('re-import the bound tables on a completed refresh (only line| rows are facts)', async () => {
    const before = await asNora(byBu);
    expect(before).toHaveLength(1);
    const lineQuery = `EVALUATE FILTER('Budget', 'Budget'[LineId] = "coffee.finland.q1" && 'Budget'[BusinessUnit] = "sales-north")`;
    expect((await asNora(lineQuery))[0]?.['Budget[BudgetAmount]']).not.toBe(123_456);
    expect(await refresh()).toMatchObject({ status: 'Completed' });
    expect((await asNora(lineQuery))[0]?.['Budget[BudgetAmount]']).toBe(123_456);
    const after = await asNora(byBu);
    expect(after).toEqual([{ 'Budget[BusinessUnit]': 'sales-north', '[Total]': expect.any(Number), '[Lines]': 120 }]);
  });

  it("takes grants from Azurite into the Security table, so RLS follows the API's grants", async () => {
    await client(names.grants).upsertEntity(grantEntity(nora, 'marketing', 'read', 'test', new Date()), 'Replace');
    expect((await asNora(byBu)).map((row) => row['Budget[BusinessUnit]'])).toEqual(['sales-north']);
    await refresh();
    expect((await asNora(byBu)).map((row) => row['Budget[BusinessUnit]'])).toEqual(['marketing', 'sales-north']);
  });

  it('re-imports KPI points from the kpis and kpipoints tables into the KPI model, filtered by department', async () => {
    const { definitions, points } = sampleKpiEntities();
    const kept = (entity: { partitionKey: string }) => /^dept-(sales|finance)\b/.test(entity.partitionKey);
    await write(names.kpis, definitions.filter(kept));
    const changed = points.filter(kept).map((point) => (point.partitionKey === 'dept-sales|win-rate' ? { ...point, value: 77.5 } : point));
    // A point without a definition (its KPI was deleted) is not imported.
    await write(names.kpiPoints, [
      ...changed,
      { partitionKey: 'dept-sales|gone', rowKey: 'pt|2026-11-02|weekly', period: 'weekly', value: 1 },
    ]);
    const kpi = sampleIds.kpi;
    const kpiRefreshes = `groups/${kpi.workspaceId}/datasets/${kpi.datasetId}/refreshes`;
    expect((await t.api('POST', kpiRefreshes, { token: sp })).status).toBe(202);
    await t.control('POST', 'clock/advance', { seconds: 30 });
    expect((await t.api('GET', `${kpiRefreshes}?$top=1`, { token: sp })).body.value[0]).toMatchObject({ status: 'Completed' });
    const token = await t.issuer.userToken(nora.upn);
    const query = `EVALUATE SUMMARIZECOLUMNS('KpiPoints'[Department], 'KpiPoints'[KpiId], "Max", MAX('KpiPoints'[Value])) ORDER BY 'KpiPoints'[KpiId]`;
    const response = await t.api('POST', `datasets/${kpi.datasetId}/executeQueries`, { token, body: { queries: [{ query }] } });
    const rows = response.body.results[0].tables[0].rows as Record<string, unknown>[];
    expect(rows.map((row) => row['KpiPoints[KpiId]'])).toEqual(['average-discount', 'quote-turnaround', 'weekly-revenue', 'win-rate']);
    expect(new Set(rows.map((row) => row['KpiPoints[Department]']))).toEqual(new Set(['dept-sales']));
    expect(rows.find((row) => row['KpiPoints[KpiId]'] === 'win-rate')?.['[Max]']).toBe(77.5);
  });

  it('re-imports the store sales table into the store model, each user seeing only their stores', async () => {
    const sale = (store: string, date: string, netSales: number) => ({
      partitionKey: store,
      rowKey: storeSalesRowKey(date, 'lunch'),
      storeNumber: store,
      date,
      dayPart: 'lunch',
      netSales,
      transactions: 10,
      labourHours: 2,
    });
    await write(names.storeSales, [
      sale('104233', '2026-11-02', 1000),
      sale('104233', '2026-11-03', 500),
      sale('207415', '2026-11-02', 700),
    ]);
    const stores = sampleIds.stores;
    const storeRefreshes = `groups/${stores.workspaceId}/datasets/${stores.datasetId}/refreshes`;
    expect((await t.api('POST', storeRefreshes, { token: sp })).status).toBe(202);
    await t.control('POST', 'clock/advance', { seconds: 60 }); // the store model refreshes in 45 s
    expect((await t.api('GET', `${storeRefreshes}?$top=1`, { token: sp })).body.value[0]).toMatchObject({ status: 'Completed' });
    const query = `EVALUATE SUMMARIZECOLUMNS('Store'[Name], "Sales", SUM('Sales'[Amount]), "Hours", SUM('Sales'[LabourHours])) ORDER BY 'Store'[Name]`;
    const rowsFor = async (upn: string) => {
      const token = await t.issuer.userToken(upn);
      const response = await t.api('POST', `datasets/${stores.datasetId}/executeQueries`, { token, body: { queries: [{ query }] } });
      return response.body.results[0].tables[0].rows as Record<string, unknown>[];
    };
    expect(await rowsFor(nora.upn)).toEqual([{ 'Store[Name]': 'Oslo Central', '[Sales]': 1500, '[Hours]': 4 }]);
    expect(await rowsFor('ingrid.solberg@contoso.onmicrosoft.com')).toEqual([
      { 'Store[Name]': 'Oslo Central', '[Sales]': 1500, '[Hours]': 4 },
    ]);
    expect(await rowsFor('sofia.rossi@contoso.onmicrosoft.com')).toEqual([
      { 'Store[Name]': 'Madrid Gran Vía', '[Sales]': 700, '[Hours]': 2 },
    ]);
    expect(await rowsFor('maya.patel@contoso.onmicrosoft.com')).toEqual([]);
  });

  it('fails the refresh with a data source error when a bound table cannot be read', async () => {
    await client(names.scopes).deleteTable();
    const failed = await refresh();
    expect(failed.status).toBe('Failed');
    expect(JSON.parse(String(failed.serviceExceptionJson))).toMatchObject({
      errorCode: 'ModelRefresh_ShortMessage_ProcessingError',
      errorDescription: expect.stringMatching(/^Data source error/),
    });
    // The model keeps the last successfully imported rows.
    expect((await asNora(byBu)).map((row) => row['Budget[BusinessUnit]'])).toEqual(['marketing', 'sales-north']);
  });
});
