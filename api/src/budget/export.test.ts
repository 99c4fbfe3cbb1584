import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { BudgetLine } from '@planboard/contracts';
import { exportCsv, exportWorkbook } from './export';
import { planImport } from './import';
import { readSheet, type SheetLimits } from './read-sheet';

const limits: SheetLimits = { maxFileBytes: 5 * 1024 * 1024, maxUnpackedBytes: 8 * 1024 * 1024, maxRows: 1000, maxCellChars: 32_767 };
const line = (lineId: string, budgetAmount: number | null, forecastSales: number | null): BudgetLine => ({
  lineId,
  category: 'Laptops',
  region: 'Europe',
  quarter: 'Q1',
  budgetAmount,
  forecastSales,
  comments: '',
  rev: 2,
  changes: {},
});
const lines = [line('a.e.q1', 1000, 2500.5), line('a.e.q2', null, 0), line('a.e.q3', 250, null)];
const actuals = { available: true, values: { 'a.e.q1': 900, 'a.e.q2': 100 } };

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the .xlsx export, as an Excel user expects it', () => {
  let bytes: Buffer;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    bytes = await collect(exportWorkbook(lines, actuals));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    sheet = workbook.worksheets[0]!;
  });

  it('writes a blank amount as an empty cell (not 0), still unlocked for editing; 0 stays 0', () => {
    const blank = sheet.getRow(3);
    expect(blank.getCell(6).value).toBeNull();
    expect(blank.getCell(6).protection?.locked).toBe(false);
    expect(blank.getCell(7).value).toBe(0);
  });

  it('formats whole amounts without decimals and others with two, grouped, like the grid', () => {
    expect(sheet.getRow(2).getCell(6).numFmt).toBe('#,##0');
    expect(sheet.getRow(2).getCell(7).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('#,##0');
  });

  it('ends with a totals row: SUBTOTAL over the lines (follows the filter), blanks counting as nothing', () => {
    expect(sheet.rowCount).toBe(lines.length + 2);
    const totals = sheet.getRow(lines.length + 2);
    expect(totals.getCell(1).value).toBe('Total');
    expect(totals.getCell(6).value).toEqual({ formula: 'SUBTOTAL(109,F2:F4)', result: 1250 });
    expect(totals.getCell(7).value).toEqual({ formula: 'SUBTOTAL(109,G2:G4)', result: 2500.5 });
    expect(totals.getCell(5).value).toEqual({ formula: 'SUBTOTAL(109,E2:E4)', result: 1000 });
    expect(totals.getCell(6).font?.bold).toBe(true);
  });

  it('freezes the header row and the line columns, and puts the filter on the header over the lines only', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:H4');
  });

  it('writes <sheetProtection> before <autoFilter>, as the schema requires (else Excel repairs the file)', async () => {
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    const protection = xml.indexOf('<sheetProtection');
    const filter = xml.indexOf('<autoFilter');
    expect(protection).toBeGreaterThan(xml.indexOf('</sheetData>'));
    expect(filter).toBeGreaterThan(protection);
    expect(xml.match(/<autoFilter/g)).toHaveLength(1);
  });

  it('round-trips: importing the untouched export proposes no change (blanks stay blank, totals row skipped)', async () => {
    const read = await readSheet(bytes, 'xlsx', limits);
    const stored = new Map(lines.map((item) => [item.lineId, { ...item, block: 'blk|000000' }]));
    expect(planImport(read.headers, read.rows, stored, actuals.values)).toEqual({
      fileRows: 3,
      changes: [],
      errors: [],
      ignored: [],
      ignoredCount: 0,
      unchangedRows: 3,
    });
  });
});

describe('the .csv export', () => {
  it('writes a blank amount as an empty field and 0 as 0, and round-trips without changes', async () => {
    const bytes = await collect(exportCsv(lines, actuals));
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[2]).toBe('"a.e.q2","Laptops","Europe","Q1","100","","0",""');
    const read = await readSheet(bytes, 'csv', limits);
    const stored = new Map(lines.map((item) => [item.lineId, { ...item, block: 'blk|000000' }]));
    expect(planImport(read.headers, read.rows, stored, actuals.values)).toMatchObject({ changes: [], ignored: [], unchangedRows: 3 });
  });
});
