import { PowerBiRequestError } from '../errors';
import { list } from '../test-support/script-server';
import { ids, useScriptedClient } from '../test-support/scripted-client';
import { chunkRows } from './push';

const { g, d, base } = ids;
const t = useScriptedClient();

describe('push datasets', () => {
  const table = {
    name: 'KPI Points',
    columns: [
      { name: 'Kpi', dataType: 'String' },
      { name: 'Value', dataType: 'Double' },
    ],
  };

  it('creates a push dataset with a retention policy', async () => {
    t.answer(() => ({ status: 201, body: { id: d, name: 'KPIs', defaultRetentionPolicy: 'basicFIFO' } }));
    expect((await t.client.push.create(g, { name: 'KPIs', tables: [table] }, { retentionPolicy: 'basicFIFO' })).id).toBe(d);
    expect(t.last().url).toBe(`${base}/groups/${g}/datasets?defaultRetentionPolicy=basicFIFO`);
    expect(t.last().body).toEqual({ defaultMode: 'Push', name: 'KPIs', tables: [table] });
  });

  it('lists tables and replaces a table schema (names are path-encoded)', async () => {
    t.answer((req) => (req.method === 'GET' ? list([table]) : { status: 200, body: table }));
    expect(await t.client.push.tables(g, d)).toEqual([table]);
    expect(await t.client.push.putTable(g, d, table)).toEqual(table);
    expect(t.last()).toMatchObject({ method: 'PUT', path: `${base}/groups/${g}/datasets/${d}/tables/KPI%20Points`, body: table });
  });

  it('posts rows in batches of at most 10,000, in order, and deletes rows', async () => {
    const rows = Array.from({ length: 25_001 }, (_, i) => ({ Kpi: 'k', Value: i }));
    expect(await t.client.push.addRows(g, d, 'KPI Points', rows)).toBe(3);
    const posts = t.server.requests.filter((req) => req.method === 'POST');
    expect(posts.map((req) => (req.body as { rows: unknown[] }).rows.length)).toEqual([10_000, 10_000, 5_001]);
    expect((posts[2]!.body as { rows: { Value: number }[] }).rows[5000]).toEqual({ Kpi: 'k', Value: 25_000 });
    expect(posts[0]!.path).toBe(`${base}/groups/${g}/datasets/${d}/tables/KPI%20Points/rows`);
    await t.client.push.deleteRows(g, d, 'KPI Points');
    expect(t.last()).toMatchObject({ method: 'DELETE', path: `${base}/groups/${g}/datasets/${d}/tables/KPI%20Points/rows` });
  });

  it('says how many rows were sent when a batch fails', async () => {
    t.answer(() => (t.server.requests.length > 1 ? { status: 400, body: { error: { code: 'InvalidRequest' } } } : { status: 200 }));
    const error = await t.client.push
      .addRows(
        g,
        d,
        't',
        Array.from({ length: 15 }, () => ({})),
        { batchSize: 10 },
      )
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(PowerBiRequestError);
    expect((error as Error).message).toMatch(/rowsSent: 10 of 15/);
  });
});

describe('chunkRows', () => {
  it('splits without empty batches and rejects bad sizes', () => {
    expect(chunkRows([])).toEqual([]);
    expect(chunkRows([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(chunkRows(Array.from({ length: 10_000 }, () => 0))).toHaveLength(1);
    expect(() => chunkRows([1], 0)).toThrow(RangeError);
  });
});
