import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { auditEntrySchema, budgetGridSchema, importPreviewSchema, type BudgetLine } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { storageConnection, tokenFor } from './support/env';
import { freshPlan } from './support/plans';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let api: ApiHost;
let planId: string;
let token: string;

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  planId = await freshPlan();
  api = await startApiHost();
  token = await tokenFor('erik.hansen@contoso.onmicrosoft.com');
}, 60_000);
afterAll(() => api?.stop());

const base = () => `/budget/${planId}/sales-north`;
const grid = async () => budgetGridSchema.parse(await (await api.call(base(), { token })).json());
const lineOf = async (lineId: string): Promise<BudgetLine> => (await grid()).lines.find((line) => line.lineId === lineId)!;
const patch = (edits: unknown[]) =>
  api.call(base(), { token, method: 'PATCH', json: { idempotencyKey: randomUUID(), action: 'edit', edits } });
const upload = async (body: Buffer | string, type: string) =>
  importPreviewSchema.parse(
    await (
      await fetch(`${api.base}${base()}/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      })
    ).json(),
  );
async function exportedSheet(): Promise<{ workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet }> {
  const response = await api.call(`${base()}/export.xlsx`, { token });
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return { workbook, sheet: workbook.worksheets[0]! };
}
const rowOf = (sheet: ExcelJS.Worksheet, lineId: string) =>
  sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(1).value === lineId)!;

describe('blank number cells over HTTP', () => {
  let blank: BudgetLine;
  let zero: BudgetLine;

  beforeAll(async () => {
    const [first, second] = (await grid()).lines;
    const saved = await patch([
      { lineId: first!.lineId, field: 'budgetAmount', value: null, baseRev: first!.rev },
      { lineId: second!.lineId, field: 'budgetAmount', value: 0, baseRev: second!.rev },
    ]);
    expect(saved.status).toBe(200);
    blank = await lineOf(first!.lineId);
    zero = await lineOf(second!.lineId);
  });

  it('stores a cleared cell as blank (null), distinct from 0, and audits it', async () => {
    expect(blank.budgetAmount).toBeNull();
    expect(zero.budgetAmount).toBe(0);
    const audit = (await (await api.call(`${base()}/audit?line=${blank.lineId}`, { token })).json()) as { entries: unknown[] };
    expect(auditEntrySchema.parse(audit.entries[0])).toMatchObject({ field: 'budgetAmount', new: null });
  });

  it('exports blank as an empty cell (0 as 0), with a totals row, and re-imports the untouched file with no change', async () => {
    const { workbook, sheet } = await exportedSheet();
    expect(rowOf(sheet, blank.lineId).getCell(6).value).toBeNull();
    expect(rowOf(sheet, zero.lineId).getCell(6).value).toBe(0);
    const totals = sheet.getRow(sheet.rowCount);
    expect(totals.getCell(1).value).toBe('Total');
    const sum = (await grid()).lines.reduce((total, line) => total + (line.budgetAmount ?? 0), 0);
    expect(totals.getCell(6).value).toMatchObject({ formula: `SUBTOTAL(109,F2:F${sheet.rowCount - 1})`, result: sum });
    expect(sheet.autoFilter).toBe(`A1:H${sheet.rowCount - 1}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 1 });
    const preview = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), xlsx);
    expect(preview).toMatchObject({ fileRows: 120, unchangedRows: 120, changes: [], errors: [], ignored: [], ignoredCount: 0 });

    const csv = await (await api.call(`${base()}/export.csv`, { token })).text();
    expect(await upload(csv, 'text/csv')).toMatchObject({ fileRows: 120, changes: [], errors: [], ignoredCount: 0 });
  });

  it('imports an emptied cell as blank, not 0, and 0 into a blank cell as 0', async () => {
    const { workbook, sheet } = await exportedSheet();
    const [, , third] = (await grid()).lines;
    rowOf(sheet, third!.lineId).getCell(7).value = null;
    rowOf(sheet, blank.lineId).getCell(6).value = 0;
    const preview = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), xlsx);
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ lineId: third!.lineId, field: 'forecastSales', old: third!.forecastSales, new: null }),
        expect.objectContaining({ lineId: blank.lineId, field: 'budgetAmount', old: null, new: 0 }),
      ]),
    );
    expect(preview.changes).toHaveLength(2);
    const applied = await api.call(`${base()}/import/${preview.previewId}/apply`, { token, method: 'POST' });
    expect(applied.status).toBe(200);
    expect((await lineOf(third!.lineId)).forecastSales).toBeNull();
    expect((await lineOf(blank.lineId)).budgetAmount).toBe(0);
  });

  it('refuses negative numbers and text still (null is the only non-number)', async () => {
    expect((await patch([{ lineId: zero.lineId, field: 'budgetAmount', value: -1, baseRev: zero.rev }])).status).toBe(400);
    expect((await patch([{ lineId: zero.lineId, field: 'budgetAmount', value: '', baseRev: zero.rev }])).status).toBe(400);
  });
});

describe('import of edits to read-only columns', () => {
  it('reports each as "ignored: read-only" per row and column, and imports the editable ones', async () => {
    const { workbook, sheet } = await exportedSheet();
    const line = (await grid()).lines[5]!;
    const row = rowOf(sheet, line.lineId);
    row.getCell(2).value = 'Something else';
    row.getCell(3).value = 'Mars';
    row.getCell(8).value = 'imported note';
    const preview = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), xlsx);
    expect(preview.changes).toEqual([expect.objectContaining({ lineId: line.lineId, field: 'comments', new: 'imported note' })]);
    expect(preview.ignoredCount).toBe(2);
    expect(preview.ignored).toEqual([
      { row: row.number, lineId: line.lineId, column: 'Category', value: 'Something else', kept: line.category, reason: 'read-only' },
      { row: row.number, lineId: line.lineId, column: 'Region', value: 'Mars', kept: line.region, reason: 'read-only' },
    ]);
  });
});
