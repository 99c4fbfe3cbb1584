import { sampleIds } from '../seed/sample-ids';
import { startTestEmulator, type TestEmulator } from '../testing/harness';

let t: TestEmulator;
let sp: string;
const group = `groups/${sampleIds.kpi.workspaceId}`;
const columns = [
  { name: 'Kpi', dataType: 'string' },
  { name: 'Value', dataType: 'Double' },
  { name: 'Count', dataType: 'Int64' },
  { name: 'OnTrack', dataType: 'bool' },
  { name: 'At', dataType: 'DateTime' },
];

beforeAll(async () => {
  t = await startTestEmulator();
  sp = await t.issuer.appToken();
});
afterAll(() => t.stop());

async function create(name: string, retention = 'None', tables = [{ name: 'Points', columns }]): Promise<string> {
  const response = await t.api('POST', `${group}/datasets?defaultRetentionPolicy=${retention}`, {
    token: sp,
    body: { name, defaultMode: 'Push', tables },
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

const rowsOf = (count: number, offset = 0) =>
  Array.from({ length: count }, (_, i) => ({
    Kpi: `k${(i + offset) % 7}`,
    Value: i + offset,
    Count: 1,
    OnTrack: i % 2 === 0,
    At: '2026-10-01T00:00:00Z',
  }));

describe('push datasets', () => {
  it('creates a push dataset (201) and lists, replaces and reads its tables', async () => {
    const response = await t.api('POST', `${group}/datasets?defaultRetentionPolicy=basicFIFO`, {
      token: sp,
      body: { name: 'KPI push test', defaultMode: 'Push', tables: [{ name: 'Points', columns }] },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ id: expect.any(String), name: 'KPI push test', defaultRetentionPolicy: 'basicFIFO' });
    const id = response.body.id as string;
    expect((await t.api('GET', `${group}/datasets/${id}`, { token: sp })).body).toMatchObject({
      addRowsAPIEnabled: true,
      isRefreshable: false,
    });
    const tables = await t.api('GET', `${group}/datasets/${id}/tables`, { token: sp });
    expect(tables.body.value).toEqual([{ name: 'Points', columns }]);
    const replaced = await t.api('PUT', `${group}/datasets/${id}/tables/Points`, {
      token: sp,
      body: { name: 'Points', columns: [...columns, { name: 'Note', dataType: 'string' }] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.columns).toHaveLength(6);
    expect((await t.api('PUT', `${group}/datasets/${id}/tables/Nope`, { token: sp, body: { name: 'Nope', columns } })).status).toBe(404);
  });

  it('adds rows (typed), queries them, and deletes them', async () => {
    const id = await create('rows');
    const path = `${group}/datasets/${id}/tables/Points/rows`;
    const added = await t.api('POST', path, { token: sp, body: { rows: rowsOf(3) } });
    expect(added.status).toBe(200);
    expect(added.body).toBeUndefined();
    const query = {
      queries: [{ query: `EVALUATE SUMMARIZECOLUMNS('Points'[OnTrack], "Total", SUM('Points'[Value])) ORDER BY 'Points'[OnTrack]` }],
    };
    const result = await t.api('POST', `${group}/datasets/${id}/executeQueries`, { token: sp, body: query });
    expect(result.body.results[0].tables[0].rows).toEqual([
      { 'Points[OnTrack]': false, '[Total]': 1 },
      { 'Points[OnTrack]': true, '[Total]': 2 },
    ]);
    expect((await t.api('POST', path, { token: sp, body: { rows: [{ Value: 'ten' }] } })).status).toBe(400);
    expect((await t.api('POST', path, { token: sp, body: { rows: [{ Count: 1.5 }] } })).status).toBe(400);
    expect((await t.api('POST', path, { token: sp, body: { rows: [{ Unknown: 1 }] } })).status).toBe(400);
    expect((await t.api('POST', path, { token: sp, body: { rows: [{ Kpi: 'x'.repeat(4001) }] } })).status).toBe(400);
    expect((await t.api('DELETE', path, { token: sp })).status).toBe(200);
    const empty = await t.api('POST', `${group}/datasets/${id}/executeQueries`, {
      token: sp,
      body: { queries: [{ query: "EVALUATE 'Points'" }] },
    });
    expect(empty.body.results[0].tables[0].rows).toEqual([]);
  });

  it('enforces the documented limits on create and on posts', async () => {
    const many = Array.from({ length: 76 }, (_, i) => ({ name: `T${i}`, columns }));
    expect((await t.api('POST', `${group}/datasets`, { token: sp, body: { name: 'too many', tables: many } })).status).toBe(400);
    expect(
      (
        await t.api('POST', `${group}/datasets`, {
          token: sp,
          body: { name: 'azure', defaultMode: 'AsAzure', tables: [{ name: 'T', columns }] },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.api('POST', `${group}/datasets?defaultRetentionPolicy=forever`, {
          token: sp,
          body: { name: 'x', tables: [{ name: 'T', columns }] },
        })
      ).status,
    ).toBe(400);
    const id = await create('limits');
    const path = `${group}/datasets/${id}/tables/Points/rows`;
    const tooMany = await t.api('POST', path, { token: sp, body: { rows: rowsOf(10_001) } });
    expect(tooMany.status).toBe(400);
    expect((await t.api('POST', path, { token: sp, body: { rows: rowsOf(10_000) } })).status).toBe(200);
    expect(
      (await t.api('GET', `groups/${sampleIds.budget.workspaceId}/datasets/${sampleIds.budget.datasetId}/tables`, { token: sp })).status,
    ).toBe(400);
  });

  it('throttles POST rows at 120 per minute per dataset (429 + Retry-After)', async () => {
    const id = await create('rate');
    const path = `${group}/datasets/${id}/tables/Points/rows`;
    for (let index = 0; index < 120; index += 1)
      expect((await t.api('POST', path, { token: sp, body: { rows: rowsOf(1) } })).status).toBe(200);
    const refused = await t.api('POST', path, { token: sp, body: { rows: rowsOf(1) } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps the newest 200,000 rows of a FIFO table; a query returns at most 100,000 rows with an error', async () => {
    const id = await create('fifo', 'basicFIFO', [{ name: 'Points', columns: columns.slice(0, 3) }]);
    const path = `${group}/datasets/${id}/tables/Points/rows`;
    const chunk = (offset: number) => Array.from({ length: 10_000 }, (_, i) => ({ Kpi: 'k', Value: offset + i, Count: 1 }));
    for (let index = 0; index < 21; index += 1)
      expect((await t.api('POST', path, { token: sp, body: { rows: chunk(index * 10_000) } })).status).toBe(200);
    const count = await t.api('POST', `${group}/datasets/${id}/executeQueries`, {
      token: sp,
      body: { queries: [{ query: `EVALUATE ROW("n", COUNTROWS('Points'), "min", MIN('Points'[Value]))` }] },
    });
    expect(count.body.results[0].tables[0].rows).toEqual([{ '[n]': 200_000, '[min]': 10_000 }]);
    const all = await t.api('POST', `${group}/datasets/${id}/executeQueries`, {
      token: sp,
      body: { queries: [{ query: "EVALUATE 'Points'" }] },
    });
    expect(all.status).toBe(200);
    expect(all.body.results[0].tables[0].rows).toHaveLength(100_000);
    expect(all.body.results[0].error).toEqual({ code: 'DatasetExecuteQueriesError', message: 'More than 100000 rows in a query result' });
  }, 30_000);
});
