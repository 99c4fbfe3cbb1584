import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { budgetGridSchema, budgetPatchResultSchema, importPreviewSchema } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { storageConnection, tokenFor } from './support/env';
import { bigPlan } from './support/big-plan';
import { hugeString, lyingZipBomb, manyRows, notAWorkbookZip, zipBomb } from './support/hostile-workbooks';
import { freshPlan } from './support/plans';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const erik = 'erik.hansen@contoso.onmicrosoft.com';
let api: ApiHost;
let planId: string;
let token: string;

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  planId = await freshPlan();
  api = await startApiHost();
  token = await tokenFor(erik);
}, 60_000);
afterAll(() => api?.stop());

const upload = async (body: Buffer | string, type: string, who = token, scope = 'sales-north') =>
  fetch(`${api.base}/budget/${planId}/${scope}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who}`, 'content-type': type },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

async function exported(): Promise<ExcelJS.Workbook> {
  const response = await api.call(`/budget/${planId}/sales-north/export.xlsx`, { token });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(xlsx);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

describe('Excel export and import', () => {
  it('exports values (no formulas), marks read-only columns, formula-like text as plain string cells; re-import shows no changes', async () => {
    const grid = budgetGridSchema.parse(await (await api.call(`/budget/${planId}/sales-north`, { token })).json());
    const line = grid.lines[0]!;
    const hostile = '=HYPERLINK("http://evil","click")';
    const saved = await api.call(`/budget/${planId}/sales-north`, {
      token,
      method: 'PATCH',
      json: {
        idempotencyKey: randomUUID(),
        action: 'edit',
        edits: [{ lineId: line.lineId, field: 'comments', value: hostile, baseRev: line.rev }],
      },
    });
    expect(saved.status).toBe(200);

    const workbook = await exported();
    const sheet = workbook.worksheets[0]!;
    // 120 lines and the totals row.
    expect(sheet.rowCount).toBe(122);
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    // The only formulas are the totals row's SUBTOTALs (never anything from the plan's text).
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula).map((cell) => cell.address)).toEqual(['E122', 'F122', 'G122']);
    const row = sheet.getRows(2, 120)!.find((r) => r.getCell(1).value === line.lineId)!;
    // Text is a string cell, unchanged (Excel never evaluates a string cell; no visible guard quote).
    expect(row.getCell(8).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(8).value).toBe(hostile);
    // Read-only columns stay locked (the default) in the protected sheet; editable ones are unlocked.
    expect(row.getCell(2).protection?.locked).not.toBe(false);
    expect(row.getCell(6).protection?.locked).toBe(false);
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);

    const preview = importPreviewSchema.parse(await (await upload(Buffer.from(await workbook.xlsx.writeBuffer()), xlsx)).json());
    expect(preview).toMatchObject({ fileRows: 120, unchangedRows: 120, changes: [], errors: [] });
  });

  it('previews a changed workbook without writing, then applies it (audited as import)', async () => {
    const workbook = await exported();
    const row = workbook.worksheets[0]!.getRow(2);
    const lineId = String(row.getCell(1).value);
    row.getCell(6).value = 777_777;
    const preview = importPreviewSchema.parse(await (await upload(Buffer.from(await workbook.xlsx.writeBuffer()), xlsx)).json());
    expect(preview.changes).toEqual([expect.objectContaining({ lineId, field: 'budgetAmount', new: 777_777 })]);
    const before = budgetGridSchema.parse(await (await api.call(`/budget/${planId}/sales-north`, { token })).json());
    expect(before.lines.find((l) => l.lineId === lineId)?.budgetAmount).not.toBe(777_777);

    const applied = await api.call(`/budget/${planId}/sales-north/import/${preview.previewId}/apply`, { token, method: 'POST' });
    expect(applied.status).toBe(200);
    expect(budgetPatchResultSchema.parse(await applied.json()).applied).toBe(1);
    const audit = (await (await api.call(`/budget/${planId}/sales-north/audit?line=${lineId}`, { token })).json()) as {
      entries: { action: string; new: unknown }[];
    };
    expect(audit.entries[0]).toMatchObject({ action: 'import', new: 777_777 });
    // Applying the same preview again changes nothing (idempotent), another user cannot apply it.
    expect((await api.call(`/budget/${planId}/sales-north/import/${preview.previewId}/apply`, { token, method: 'POST' })).status).toBe(200);
    const maja = await tokenFor('maja.berg@contoso.onmicrosoft.com');
    expect(
      (await api.call(`/budget/${planId}/sales-north/import/${preview.previewId}/apply`, { token: maja, method: 'POST' })).status,
    ).toBe(404);
  });

  it('imports CSV and reports bad rows with row number and reason', async () => {
    const grid = budgetGridSchema.parse(await (await api.call(`/budget/${planId}/sales-north`, { token })).json());
    const [a, b] = grid.lines;
    const csv = [
      'Line ID,Category,Region,Quarter,Actual Sales (prior year),Budget Amount,Forecast Sales,Comments',
      `${a!.lineId},,,,,"1,500",${a!.forecastSales},csv note`,
      `${b!.lineId},,,,,abc,${b!.forecastSales},`,
      'ghost.line.q9,,,,,1,1,',
    ].join('\n');
    const preview = importPreviewSchema.parse(await (await upload(csv, 'text/csv')).json());
    expect(preview.changes.map((change) => [change.field, change.new])).toEqual([
      ['budgetAmount', 1500],
      ['comments', 'csv note'],
    ]);
    expect(preview.errors.map((error) => [error.row, error.column])).toEqual([
      [3, 'Budget Amount'],
      [4, 'Line ID'],
    ]);
  });

  it('refuses other file types, unreadable files, readers and other BUs', async () => {
    expect((await upload('x', 'application/pdf')).status).toBe(415);
    expect((await upload(Buffer.from('not a zip'), xlsx)).status).toBe(400);
    const morgan = await tokenFor('morgan.lee@contoso.onmicrosoft.com');
    expect((await upload('a', 'text/csv', morgan)).status).toBe(403);
    expect((await upload('a', 'text/csv', token, 'finance')).status).toBe(404);
    expect((await api.call(`/budget/${planId}/finance/export.xlsx`, { token })).status).toBe(404);
  });

  it('exports .csv with guarded formula-like text; re-importing it proposes no change', async () => {
    const response = await api.call(`/budget/${planId}/sales-north/export.csv`, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await response.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    const preview = importPreviewSchema.parse(await (await upload(csv, 'text/csv')).json());
    expect(preview).toMatchObject({ fileRows: 120, changes: [], errors: [] });
  });
});

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

// Building the hostile fixtures (100 MB deflated by jszip) takes a few seconds each.
describe('uploads are checked before they are unpacked', () => {
  jest.setTimeout(60_000);
  it('refuses a zip bomb with 413, by its declared sizes and when they lie', async () => {
    for (const bomb of [await zipBomb(), await lyingZipBomb()]) {
      const response = await upload(bomb, xlsx);
      expect(response.status).toBe(413);
      expect(await errorOf(response)).toMatchObject({ code: 'PayloadTooLarge', message: expect.stringMatching(/more than 64 MB/) });
    }
  });

  it('refuses one 100 MB string in a small file with 413', async () => {
    expect((await upload(await hugeString(), xlsx)).status).toBe(413);
  });

  it('stops reading at the row limit: 400 naming the limit', async () => {
    const response = await upload(await manyRows(70_000), xlsx);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/more than 60,000 rows; at most 60,000/);
  });

  it('says "not an Excel workbook" for a zip that is not one (not "Missing columns")', async () => {
    const response = await upload(await notAWorkbookZip(), xlsx);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/not an Excel workbook/);
  });
});

describe('a big plan', () => {
  it('exports 50,000 lines as a streamed workbook', async () => {
    const { planId: big } = await bigPlan(storageConnection(), 50_000);
    const response = await api.call(`/budget/${big}/sales-north/export.xlsx`, { token });
    expect(response.status).toBe(200);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.fromWeb(response.body! as never), {});
    let rows = 0;
    for await (const worksheet of reader) for await (const _row of worksheet) rows += 1;
    expect(rows).toBe(50_002); // header, lines, totals
  }, 120_000);
});
