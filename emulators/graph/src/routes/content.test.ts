import { readSalesWorkbook, salesHeader, salesWorkbook, xlsxMimeType } from '../seed/workbooks';
import { sampleDrive } from '../seed/sample-drive';
import { followPages, startGraphTest, type GraphTest } from '../testing/harness';

let t: GraphTest;
beforeAll(async () => {
  t = await startGraphTest();
});
afterAll(() => t.stop());

const folderPath = `root:/${encodeURI(sampleDrive.salesFolder)}:`;

async function weeklyFiles() {
  return (await followPages(t, `${t.drive}/${folderPath}/children`)).items;
}

/** Downloads a Location / downloadUrl without any Authorization header. */
async function download(url: string): Promise<{ status: number; bytes: Buffer; type: string | null }> {
  const response = await fetch(url);
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

describe('download content', () => {
  it('answers 302 with a pre-authenticated Location that serves the workbook without a bearer token', async () => {
    const [first] = await weeklyFiles();
    const response = await t.get(`${t.drive}/items/${first.id}/content`);
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/\/_layouts\/15\/download\.aspx\?UniqueId=[0-9a-f-]{36}&tempauth=/);
    const file = await download(location);
    expect(file.status).toBe(200);
    expect(file.type).toBe(xlsxMimeType);
    expect(file.bytes.length).toBe(first.size);
    const rows = await readSalesWorkbook(file.bytes);
    expect(rows[0]).toEqual([...salesHeader]);
    // 30 stores with sales data x 7 days x 4 day parts.
    expect(rows.length - 1).toBe(30 * 7 * 4);
    const [storeId, date, dayPart, net, transactions, labour] = rows[1] as unknown[];
    expect(storeId).toMatch(/^\d{6}$/);
    expect(date).toBeInstanceOf(Date);
    expect(['breakfast', 'lunch', 'dinner', 'late']).toContain(dayPart);
    expect([net, transactions, labour].every((value) => typeof value === 'number' && value > 0)).toBe(true);
  });

  it('serves by path too, and downloadUrl of the listing is the same kind of link', async () => {
    const files = await weeklyFiles();
    const byPath = await t.get(`${t.drive}/root:/${encodeURI(`${sampleDrive.salesFolder}/${files[0].name}`)}:/content`);
    expect(byPath.status).toBe(302);
    const listed = await download(files[0]['@microsoft.graph.downloadUrl']);
    expect(listed.status).toBe(200);
    expect(listed.bytes.length).toBe(files[0].size);
  });

  it('seeds exactly one workbook with bad rows (unknown store, bad date, negative, non-numeric, duplicate, unknown day part)', async () => {
    const files = await weeklyFiles();
    const counts = await Promise.all(
      files.map(async (file) => (await readSalesWorkbook((await download(file['@microsoft.graph.downloadUrl'])).bytes)).length - 1),
    );
    const bad = counts.filter((count) => count !== 840);
    expect(bad).toEqual([846]);
    const badFile = files[counts.indexOf(846)];
    const rows = (await readSalesWorkbook((await download(badFile['@microsoft.graph.downloadUrl'])).bytes)).slice(-6);
    expect(rows.map((row) => row[0])[0]).toBe('999999');
    expect(rows[1]?.[1]).toBe('2026-02-30');
    expect(rows[2]?.[3]).toBe(-250);
    expect(rows[3]?.[4]).toBe('n/a');
    expect(rows[5]?.[2]).toBe('brunch');
  });

  it('refuses forged links, folders, and links to deleted files', async () => {
    const files = await weeklyFiles();
    const link = new URL(files[0]['@microsoft.graph.downloadUrl']);
    link.searchParams.set('tempauth', `${link.searchParams.get('tempauth')?.split('.')[0]}.forged`);
    expect((await download(link.toString())).status).toBe(401);
    const folder = await t.get(`${t.drive}/${folderPath}/content`);
    expect(folder.status).toBe(400);
    expect(folder.body.error.code).toBe('invalidRequest');
    const extra = await salesWorkbook([['104233', new Date(Date.UTC(2026, 0, 5)), 'lunch', 100, 10, 1]], new Date());
    const put = await t.control('PUT', `drives/${sampleDrive.id}/root:/${sampleDrive.salesFolder}/extra.xlsx`, extra, xlsxMimeType);
    expect(put.status).toBe(200);
    const url = (await t.get(`${t.drive}/items/${put.body.id}`)).body['@microsoft.graph.downloadUrl'];
    expect((await download(url)).status).toBe(200);
    expect((await t.control('DELETE', `drives/${sampleDrive.id}/root:/${sampleDrive.salesFolder}/extra.xlsx`)).status).toBe(204);
    expect((await download(url)).status).toBe(404);
    expect((await t.get(`${t.drive}/items/${put.body.id}/content`)).status).toBe(404);
  });
});
