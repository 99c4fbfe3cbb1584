import { salesWorkbook, xlsxMimeType } from '../seed/workbooks';
import { sampleDrive } from '../seed/sample-drive';
import { followPages, startGraphTest, type GraphTest } from '../testing/harness';

let t: GraphTest;
beforeAll(async () => {
  t = await startGraphTest();
});
afterAll(() => t.stop());
afterEach(async () => {
  await t.control('POST', 'reset');
});

const folderPath = `root:/${encodeURI(sampleDrive.salesFolder)}:`;
const controlPath = (name: string) => `drives/${sampleDrive.id}/root:/${sampleDrive.salesFolder}/${name}`;

function workbook(net: number): Promise<Buffer> {
  return salesWorkbook([['104233', new Date(Date.UTC(2026, 0, 5)), 'lunch', net, 10, 1]], new Date());
}

/** Runs a whole delta round from `start` and returns its items and the deltaLink it ends with. */
async function deltaRound(start: string) {
  const { items, pages, last } = await followPages(t, start);
  expect(last['@odata.nextLink']).toBeUndefined();
  expect(last['@odata.deltaLink']).toEqual(expect.stringContaining('/delta?'));
  return { items, pages, deltaLink: last['@odata.deltaLink'] as string };
}

describe('delta', () => {
  it('enumerates the drive in pages, then the deltaLink returns nothing until something changes', async () => {
    const first = await deltaRound(`${t.drive}/root/delta?$top=5`);
    expect(first.pages).toBe(3);
    // root, "Store data", "Weekly sales" and the 12 workbooks; no deleted facet in the first enumeration.
    expect(first.items).toHaveLength(15);
    expect(first.items.filter((item) => item.file)).toHaveLength(12);
    expect(first.items.some((item) => item.root)).toBe(true);
    expect(first.items.some((item) => item.deleted)).toBe(false);
    const again = await deltaRound(first.deltaLink);
    expect(again.items).toEqual([]);
    expect(new URL(again.deltaLink).searchParams.get('$top')).toBe('5');
  });

  it('returns only new, changed and deleted items (deleted facet) and their folders after a change', async () => {
    const { deltaLink } = await deltaRound(`${t.drive}/root/delta`);
    const files = (await followPages(t, `${t.drive}/${folderPath}/children`)).items;
    const [changed, removed] = [files[3], files[7]];
    await t.control('PUT', controlPath('store-sales-extra.xlsx'), await workbook(100), xlsxMimeType);
    await t.control('PUT', controlPath(changed.name), await workbook(200), xlsxMimeType);
    expect((await t.control('DELETE', controlPath(removed.name))).status).toBe(204);
    const { items } = await deltaRound(deltaLink);
    const byName = new Map(items.map((item) => [item.name, item]));
    expect([...byName.keys()].sort()).toEqual(
      ['Store data', 'Weekly sales', changed.name, removed.name, 'root', 'store-sales-extra.xlsx'].sort(),
    );
    expect(byName.get(removed.name)).toMatchObject({ id: removed.id, deleted: { state: 'deleted' }, file: {} });
    expect(byName.get(changed.name)).toMatchObject({ id: changed.id, file: { mimeType: xlsxMimeType } });
    expect(byName.get(changed.name).eTag).not.toBe(changed.eTag);
    expect(byName.get(changed.name).deleted).toBeUndefined();
    expect(byName.get('store-sales-extra.xlsx')['@microsoft.graph.downloadUrl']).toContain('tempauth=');
  });

  it('tracks one folder (by path or id), keeps pages stable while files change, and supports token=latest', async () => {
    const folder = (await t.get(`${t.drive}/${folderPath}`)).body;
    const byPath = await deltaRound(`${t.drive}/${folderPath}/delta?$top=4`);
    expect(byPath.items.map((item) => item.name)).not.toContain('Store data');
    expect(byPath.items).toHaveLength(13);
    const first = await t.get(`${t.drive}/items/${folder.id}/delta?$top=4`);
    await t.control('PUT', controlPath('during-paging.xlsx'), await workbook(1), xlsxMimeType);
    const rest = await followPages(t, first.body['@odata.nextLink']);
    expect([...first.body.value, ...rest.items].map((item) => item.name)).not.toContain('during-paging.xlsx');
    const after = await deltaRound(rest.last['@odata.deltaLink']);
    expect(after.items.map((item) => item.name).sort()).toEqual(['Weekly sales', 'during-paging.xlsx']);
    const latest = await t.get(`${t.drive}/root/delta?token=latest`);
    expect(latest.body.value).toEqual([]);
    expect((await deltaRound(latest.body['@odata.deltaLink'])).items).toEqual([]);
  });

  it('accepts the function form delta(token=...), refuses bad tokens (400) and expired ones (410 resyncRequired)', async () => {
    const { deltaLink } = await deltaRound(`${t.drive}/root/delta`);
    const token = new URL(deltaLink).searchParams.get('token');
    expect((await t.get(`${t.drive}/root/delta(token='${token}')`)).status).toBe(200);
    const bad = await t.get(`${t.drive}/root/delta?token=not-a-token`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalidRequest');
    await t.control('POST', `drives/${sampleDrive.id}/expire-delta-tokens`);
    const expired = await t.get(deltaLink);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('resyncRequired');
  });
});
