import { errorEnvelopeSchema, storeListSchema, storeSalesSchema } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { storeSalesRowKey, storeTable, storeTableNames, type DayPart, type StoreSalesEntity } from '../../server/src/stores/tables';
import { startAzurite, type RunningAzurite } from '../../emulators/stack/src/azurite';
import { freePort } from '../../emulators/stack/src/ports';
import { startApiHost, type ApiHost } from './support/api-host';
import { tokenFor } from './support/env';

/**
 * The store data API over HTTP (SPEC §4): a real Functions host on the suite's own Azurite, the
 * sample tenant seeded and sales rows written straight to `storesales` as the pipeline writes them.
 * Rows are in 2019, far from the seeded weeks, so the sums below are exactly the rows written here.
 */
let azurite: RunningAzurite | undefined;
let api: ApiHost | undefined;
const tokens = new Map<string, string>();
const people = {
  ingrid: 'ingrid.solberg@contoso.onmicrosoft.com',
  nora: 'nora.lindqvist@contoso.onmicrosoft.com',
  sofia: 'sofia.rossi@contoso.onmicrosoft.com',
  maya: 'maya.patel@contoso.onmicrosoft.com',
  alex: 'alex.morgan@contoso.onmicrosoft.com',
} as const;
type Person = keyof typeof people;

const sale = (
  store: string,
  date: string,
  dayPart: DayPart,
  netSales: number,
  transactions: number,
  labourHours: number,
): StoreSalesEntity => ({
  partitionKey: store,
  rowKey: storeSalesRowKey(date, dayPart),
  storeNumber: store,
  date,
  dayPart,
  netSales,
  transactions,
  labourHours,
  source: 'stores-read.test',
  runId: 'test',
  loadedAt: new Date().toISOString(),
});

beforeAll(async () => {
  azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
  await seedSampleTenant(azurite.connectionString);
  const sales = storeTable(azurite.connectionString, storeTableNames.sales);
  const rows = [
    // Oslo Central: week 2019-W10 (Mon 4 March) two days, week 2019-W11 one day; a row outside the range.
    sale('104233', '2019-03-04', 'breakfast', 100, 10, 2),
    sale('104233', '2019-03-04', 'lunch', 400, 40, 4),
    sale('104233', '2019-03-10', 'dinner', 500, 25, 4),
    sale('104233', '2019-03-11', 'late', 200, 10, 0),
    sale('104233', '2019-04-30', 'lunch', 9999, 1, 1),
    sale('207415', '2019-03-04', 'lunch', 700, 70, 7),
  ];
  for (const row of rows) await sales.upsertEntity({ ...row }, 'Replace');
  api = await startApiHost({ AzureWebJobsStorage: azurite.connectionString });
  for (const [person, upn] of Object.entries(people)) tokens.set(person, await tokenFor(upn));
}, 90_000);
afterAll(async () => {
  await api?.stop();
  await azurite?.stop();
}, 30_000);

const call = (who: Person | undefined, path: string): Promise<Response> => api!.call(path, { token: who ? tokens.get(who) : undefined });

async function storesOf(who: Person): Promise<string[]> {
  const response = await call(who, '/stores');
  expect(response.status).toBe(200);
  return storeListSchema.parse(await response.json()).stores.map((store) => store.name);
}

describe('GET /api/stores', () => {
  it('gives a store leader their one store with its master data', async () => {
    const response = await call('ingrid', '/stores');
    expect(response.status).toBe(200);
    expect(storeListSchema.parse(await response.json()).stores).toEqual([
      {
        storeId: '104233',
        scopeId: 'store-104233',
        name: 'Oslo Central',
        location: 'Oslo, Norway',
        region: 'Nordics',
        businessUnit: null, // Ingrid cannot read Sales North, so it is not named
        manager: 'Ingrid Solberg',
        active: true,
      },
    ]);
  });

  it('gives a business unit its 20 stores, a unit without stores none, an admin all 40', async () => {
    const nora = await storesOf('nora');
    expect(nora).toHaveLength(20);
    expect(nora).toContain('Oslo Central');
    expect(nora).not.toContain('Madrid Gran Vía');
    expect(await storesOf('sofia')).toContain('Madrid Gran Vía');
    expect(await storesOf('maya')).toEqual([]);
    expect(await storesOf('alex')).toHaveLength(40);
  });

  it('refuses a caller without a token', async () => {
    expect((await call(undefined, '/stores')).status).toBe(401);
  });
});

describe('GET /api/stores/{storeId}/sales', () => {
  it('sums a store’s range by ISO week and by day part', async () => {
    const response = await call('ingrid', '/stores/104233/sales?from=2019-03-01&to=2019-03-31&by=week');
    expect(response.status).toBe(200);
    const body = storeSalesSchema.parse(await response.json());
    expect(body).toMatchObject({ storeId: '104233', name: 'Oslo Central', by: 'week' });
    expect(body.periods.map((period) => [period.label, period.start, period.days, period.netSales, period.transactions])).toEqual([
      ['2019-W10', '2019-03-04', 2, 1000, 75],
      ['2019-W11', '2019-03-11', 1, 200, 10],
    ]);
    expect(body.periods[0]).toMatchObject({ labourHours: 10, salesPerLabourHour: 100 });
    expect(body.dayParts.map((part) => [part.dayPart, part.netSales])).toEqual([
      ['breakfast', 100],
      ['lunch', 400],
      ['dinner', 500],
      ['late', 200],
    ]);
    expect(body.totals).toMatchObject({ netSales: 1200, transactions: 85, labourHours: 10, salesPerLabourHour: 120 });
  });

  it('groups by day, includes both ends of the range, and answers an empty range with no periods', async () => {
    const day = storeSalesSchema.parse(await (await call('nora', '/stores/104233/sales?from=2019-03-04&to=2019-03-10&by=day')).json());
    expect(day.periods.map((period) => [period.start, period.netSales])).toEqual([
      ['2019-03-04', 500],
      ['2019-03-10', 500],
    ]);
    const none = storeSalesSchema.parse(await (await call('alex', '/stores/105804/sales?from=2019-03-01&to=2019-03-31')).json());
    expect(none).toMatchObject({ by: 'week', periods: [], totals: { netSales: 0, salesPerLabourHour: null } });
  });

  it('answers 404 for a store the caller may not read, as for one that does not exist', async () => {
    for (const [who, store] of [
      ['ingrid', '207415'],
      ['nora', '207415'],
      ['maya', '104233'],
      ['alex', '999999'],
    ] as const) {
      const response = await call(who, `/stores/${store}/sales?from=2019-03-01&to=2019-03-31`);
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(errorEnvelopeSchema.parse(JSON.parse(text)).error.code).toBe('NotFound');
      expect(text).not.toContain('700'); // nothing of Madrid's sales leaks
    }
  });

  it('answers 400 in the error envelope for a bad store id, dates or grouping', async () => {
    const bad = [
      '/stores/12345/sales?from=2019-03-01&to=2019-03-31',
      '/stores/oslo/sales?from=2019-03-01&to=2019-03-31',
      '/stores/104233/sales?from=2019-02-30&to=2019-03-31',
      '/stores/104233/sales?from=2019-03-31&to=2019-03-01',
      '/stores/104233/sales?from=2019-03-01',
      '/stores/104233/sales?from=2017-01-01&to=2019-03-31',
      '/stores/104233/sales?from=2019-03-01&to=2019-03-31&by=month',
      '/stores/104233/sales?from=2019-03-01&to=2019-03-31&extra=1',
    ];
    for (const path of bad) {
      const response = await call('ingrid', path);
      expect([path, response.status]).toEqual([path, 400]);
      expect(errorEnvelopeSchema.parse(await response.json()).error.details?.length).toBeGreaterThan(0);
    }
  });
});
