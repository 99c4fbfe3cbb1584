import { sampleDrive } from '../seed/sample-drive';
import { followPages, startGraphTest, type GraphTest } from '../testing/harness';

let t: GraphTest;
beforeAll(async () => {
  t = await startGraphTest();
});
afterAll(() => t.stop());

const folder = () => `${t.drive}/root:/${encodeURI(sampleDrive.salesFolder)}:`;

describe('list children', () => {
  it('pages a folder by path with $top and @odata.nextLink: 12 weekly workbooks', async () => {
    const first = await t.get(`${folder()}/children?$top=5`);
    expect(first.status).toBe(200);
    expect(first.body.value).toHaveLength(5);
    const next = new URL(first.body['@odata.nextLink']);
    expect(next.pathname).toBe(new URL(`${t.emulator.url}/v1.0/${folder()}/children`).pathname);
    expect(next.searchParams.get('$top')).toBe('5');
    expect(next.searchParams.get('$skiptoken')).toBeTruthy();
    const { items, pages } = await followPages(t, `${folder()}/children?$top=5`);
    expect(pages).toBe(3);
    expect(items.map((item) => item.name)).toEqual([...items.map((item) => item.name)].sort());
    expect(items).toHaveLength(12);
    for (const item of items) {
      expect(item.name).toMatch(/^store-sales-\d{4}-W\d{2}\.xlsx$/);
      expect(item).toMatchObject({
        file: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        parentReference: {
          driveId: sampleDrive.id,
          driveType: 'business',
          path: `/drives/${sampleDrive.id}/root:/Store data/Weekly sales`,
        },
        eTag: expect.stringMatching(/^"\{[0-9A-F-]{36}\},\d+"$/),
        cTag: expect.stringMatching(/^"c:\{[0-9A-F-]{36}\},\d+"$/),
        '@microsoft.graph.downloadUrl': expect.stringContaining('/_layouts/15/download.aspx?UniqueId='),
      });
      expect(item.size).toBeGreaterThan(10_000);
      expect(item.id).toMatch(/^01[A-Z2-7]{32}$/);
    }
  });

  it('lists the same children through /items/{item-id}/children, and the item itself through the path', async () => {
    const folderItem = await t.get(folder());
    expect(folderItem.body).toMatchObject({ name: 'Weekly sales', folder: { childCount: 12 } });
    const byId = await followPages(t, `${t.drive}/items/${folderItem.body.id}/children`);
    expect(byId.pages).toBe(1);
    expect(byId.items).toHaveLength(12);
    const root = await t.get(`${t.drive}/root/children?$select=name,folder`);
    expect(root.body.value).toEqual([expect.objectContaining({ name: 'Store data', folder: { childCount: 1 } })]);
    expect(Object.keys(root.body.value[0]).sort()).toEqual(['folder', 'id', 'name']);
  });

  it("answers 404 itemNotFound and 400 invalidRequest with Graph's error body and request ids", async () => {
    const missing = await t.get(`${t.drive}/root:/Store data/Nope:/children`, {
      headers: { 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: {
        code: 'itemNotFound',
        message: expect.any(String),
        innerError: {
          date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
          'request-id': missing.headers.get('request-id'),
          'client-request-id': 'c0ffee00-0000-4000-8000-000000000001',
        },
      },
    });
    expect((await t.get(`${t.drive}/items/01NOTANITEM/children`)).body.error.code).toBe('itemNotFound');
    expect((await t.get('drives/b!unknown/root/children')).body.error.code).toBe('itemNotFound');
    const badTop = await t.get(`${folder()}/children?$top=0`);
    expect(badTop.status).toBe(400);
    expect(badTop.body.error.code).toBe('invalidRequest');
    const badToken = await t.get(`${folder()}/children?$skiptoken=garbage`);
    expect(badToken.status).toBe(400);
  });
});
