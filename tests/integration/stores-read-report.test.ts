import { reportEmbedSchema } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { storeSalesRowKey, storeTable, storeTableNames } from '../../server/src/stores/tables';
import { startAzurite, type RunningAzurite } from '../../emulators/stack/src/azurite';
import { freePort } from '../../emulators/stack/src/ports';
import { apiPowerBiSettings, startPowerBi } from '../../emulators/stack/src/powerbi';
import type { ManagedProcess } from '../../emulators/stack/src/processes';
import { sampleIds } from '../../emulators/powerbi/src/seed/sample-ids';
import { startApiHost, type ApiHost } from './support/api-host';
import { column, refreshDataset, renderAllPages, type RenderedPage } from './support/embed';
import { identityConfig, tokenFor } from './support/env';

/**
 * The embedded store report (SPEC §4) on the suite's own Azurite and Power BI emulator: its model
 * is bound to `storesales`, so after a refresh it shows what the table holds, and RLS on store
 * scopes shows each user only their stores, the same stores the store API gives them.
 */
let azurite: RunningAzurite;
let powerBi: ManagedProcess | undefined;
let powerBiPort: number;
let api: ApiHost;
const ingrid = 'ingrid.solberg@contoso.onmicrosoft.com';
const sofia = 'sofia.rossi@contoso.onmicrosoft.com';

beforeAll(async () => {
  azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
  await seedSampleTenant(azurite.connectionString);
  powerBiPort = await freePort();
  powerBi = await startPowerBi({ port: powerBiPort, identity: identityConfig(), storageConnectionString: azurite.connectionString });
  api = await startApiHost({ AzureWebJobsStorage: azurite.connectionString, ...apiPowerBiSettings(powerBiPort, identityConfig()) });
}, 90_000);
afterAll(async () => {
  await api?.stop();
  await powerBi?.stop();
  await azurite?.stop();
}, 30_000);

async function storeReport(upn: string): Promise<RenderedPage[]> {
  const response = await api.call(`/reports/${sampleIds.stores.reportId}/embed`, { token: await tokenFor(upn), method: 'POST' });
  expect(response.status).toBe(200);
  const pages = await renderAllPages(powerBiPort, reportEmbedSchema.parse(await response.json()));
  expect(pages.every((page) => page.ok)).toBe(true);
  return pages;
}

const amount = (cell: string | undefined): number => Number((cell ?? '').replace(/[^\d.-]/g, ''));

/** Net sales of a store as the table holds them (every row of its partition). */
async function tableTotal(store: string): Promise<number> {
  let total = 0;
  const rows = storeTable(azurite.connectionString, storeTableNames.sales).listEntities({
    queryOptions: { filter: `PartitionKey eq '${store}'` },
  });
  for await (const row of rows) total += Number(row.netSales);
  return total;
}

async function storesListed(upn: string): Promise<string[]> {
  const response = await api.call('/stores', { token: await tokenFor(upn) });
  return ((await response.json()) as { stores: { name: string }[] }).stores.map((store) => store.name);
}

describe('the embedded store report', () => {
  it('shows a store leader only their store, with what the sales table holds after a refresh', async () => {
    const sales = storeTable(azurite.connectionString, storeTableNames.sales);
    const row = { partitionKey: '104233', storeNumber: '104233', dayPart: 'lunch', transactions: 30, labourHours: 3 };
    await sales.upsertEntity({ ...row, rowKey: storeSalesRowKey('2019-03-04', 'lunch'), date: '2019-03-04', netSales: 1234 }, 'Replace');
    await refreshDataset(powerBiPort, sampleIds.stores.workspaceId, sampleIds.stores.datasetId);

    const [first] = await storeReport(ingrid);
    expect(first?.visuals.get('salesByStore')?.categories).toEqual(['Oslo Central']);
    expect(column(first!, 'storeTable', 'Store')).toEqual(['Oslo Central']);
    const before = amount(column(first!, 'storeTable', 'Sales')[0]);
    expect(Math.abs(before - (await tableTotal('104233')))).toBeLessThan(1);
    expect(await storesListed(ingrid)).toEqual(['Oslo Central']);

    // A new week loaded into the table appears in the report once the model refreshes.
    await sales.upsertEntity({ ...row, rowKey: storeSalesRowKey('2019-03-11', 'lunch'), date: '2019-03-11', netSales: 766 }, 'Replace');
    await refreshDataset(powerBiPort, sampleIds.stores.workspaceId, sampleIds.stores.datasetId);
    const [after] = await storeReport(ingrid);
    expect(Math.abs(amount(column(after!, 'storeTable', 'Sales')[0]) - (before + 766))).toBeLessThan(1);
  }, 60_000);

  it('shows a business unit leader only stores of their unit, each one the store API lists for them', async () => {
    const pages = await storeReport(sofia);
    const shown = column(pages[0]!, 'storeTable', 'Store');
    expect(shown.length).toBeGreaterThan(0);
    const listed = new Set(await storesListed(sofia));
    for (const name of shown) expect(listed.has(name)).toBe(true);
    expect(shown).not.toContain('Oslo Central');
    expect(pages.find((page) => page.visuals.has('salesByDayPart'))?.visuals.get('salesByDayPart')?.categories).toEqual([
      'breakfast',
      'dinner',
      'late',
      'lunch',
    ]);
  }, 60_000);
});
