import ExcelJS from 'exceljs';
import { kpiImportColumns } from '@planboard/contracts';
import { readSheet } from '../budget/read-sheet';
import type { KpiDefinition } from '@planboard/server';
import { parseDateCell, parseNumberCell, rowsFromJson, rowsFromSheet, validateImport, type ImportRow } from './import';

const kpi = (kpiId: string, targetType: KpiDefinition['targetType']): KpiDefinition => ({
  departmentId: 'dept-sales',
  kpiId,
  name: kpiId,
  unit: '%',
  description: '',
  targetType,
  thresholds: { atRiskPct: 5, offTrackPct: 10 },
  ...(targetType === 'withinRange' ? { rangeMin: 2, rangeMax: 4 } : {}),
});
const kpis = new Map([
  ['win-rate', kpi('win-rate', 'higherIsBetter')],
  ['cold-store', kpi('cold-store', 'withinRange')],
]);
const headers = Object.values(kpiImportColumns);

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Points');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const rowsOf = (result: ImportRow[] | string): ImportRow[] => {
  if (typeof result === 'string') throw new Error(result);
  return result;
};

describe('cells', () => {
  it('reads numbers as Excel shows them, or says why not', () => {
    expect(parseNumberCell(12.5, 'Value')).toBe(12.5);
    expect(parseNumberCell(' 1,234.5 ', 'Value')).toBe(1234.5);
    expect(parseNumberCell('-.25', 'Value')).toBe(-0.25);
    expect(parseNumberCell('12 %', 'Value')).toBe('Value: "12 %" is not a number.');
    expect(parseNumberCell('1,23', 'Target')).toMatch(/^Target: .* not a number/);
  });

  it('reads dates as text, date cells or Excel serial numbers', () => {
    expect(parseDateCell('2026-11-02', 'Period Start')).toBe('2026-11-02');
    expect(parseDateCell(new Date(Date.UTC(2026, 10, 2)).toISOString(), 'Period Start')).toBe('2026-11-02');
    expect(parseDateCell(46328, 'Period Start')).toBe('2026-11-02');
    expect(parseDateCell('11/02/2026', 'Period Start')).toMatch(/not a date like 2026-11-02/);
  });
});

describe('JSON import', () => {
  it('accepts valid points, numbering rows from 1', () => {
    const rows = rowsFromJson([
      { kpiId: 'win-rate', period: 'weekly', periodStart: '2026-11-02', value: 31, target: 30 },
      { kpiId: 'cold-store', period: 'daily', periodStart: '2026-11-03', value: 3.1, notes: 'ok' },
    ]);
    const { points, errors } = validateImport(rows, kpis);
    expect(errors).toEqual([]);
    expect(points.map((p) => [p.row, p.kpiId, p.point.value, p.point.notes])).toEqual([
      [1, 'win-rate', 31, ''],
      [2, 'cold-store', 3.1, 'ok'],
    ]);
  });

  it('refuses a row for a period that has not begun, saying why, and keeps the others valid', () => {
    const rows = rowsFromJson([
      { kpiId: 'win-rate', period: 'weekly', periodStart: '2026-11-09', value: 31, target: 30 },
      { kpiId: 'win-rate', period: 'weekly', periodStart: '2026-11-23', value: 12, target: 30 },
    ]);
    const { points, errors } = validateImport(rows, kpis, new Date('2026-11-18T12:00:00Z'));
    expect(points.map((p) => p.row)).toEqual([1]);
    expect(errors).toEqual([
      { row: 2, kpiId: 'win-rate', message: expect.stringMatching(/^periodStart: The period starting 2026-11-23 has not begun yet/) },
    ]);
  });

  it('reports every bad row with its number, KPI and reason', () => {
    const rows = rowsFromJson([
      { kpiId: 'win-rate', period: 'weekly', periodStart: '2026-11-02', value: 31, target: 30 },
      { kpiId: 'nope', period: 'weekly', periodStart: '2026-11-02', value: 1, target: 1 },
      { kpiId: 'win-rate', period: 'hourly', periodStart: '2026-02-30', value: '31', target: 30 },
      { kpiId: 'win-rate', period: 'weekly', periodStart: '2026-11-09', value: 31 },
      { kpiId: 'win-rate', period: 'weekly', periodStart: '2026-11-02', value: 32, target: 30 },
      { kpiId: 'win-rate', period: 'weekly', periodStart: '2026-11-16', value: 31, target: 30, colour: 'red' },
    ]);
    const { errors } = validateImport(rows, kpis);
    expect(errors.map((e) => [e.row, e.kpiId])).toEqual([
      [2, 'nope'],
      [3, 'win-rate'],
      [3, 'win-rate'],
      [3, 'win-rate'],
      [4, 'win-rate'],
      [5, 'win-rate'],
      [6, 'win-rate'],
    ]);
    expect(errors[0]?.message).toBe('There is no KPI "nope" in this department.');
    expect(
      errors
        .slice(1, 4)
        .map((e) => e.message.split(':')[0])
        .sort(),
    ).toEqual(['period', 'periodStart', 'value']);
    expect(errors[4]?.message).toMatch(/^target: A target is required/);
    expect(errors[5]?.message).toMatch(/already in row 1/);
    expect(errors[6]?.message).toMatch(/colour/);
  });
});

const limits = { maxFileBytes: 5 * 1024 * 1024, maxUnpackedBytes: 64 * 1024 * 1024, maxRows: 10_000, maxCellChars: 32_767 };

describe('sheet import', () => {
  it('reads a .csv with a byte-order mark, headers in any case and order, blank rows skipped', async () => {
    const csv =
      '\uFEFFvalue,KPI ID,period start,PERIOD,target,Notes,Extra\n31,win-rate,2026-11-02,Weekly,30,"=cmd",x\n,,,,,,\n3.5,cold-store,2026-11-03,daily,,,\n';
    const sheet = await readSheet(Buffer.from(csv), 'csv', limits);
    const rows = rowsOf(rowsFromSheet(sheet.headers, sheet.rows));
    const { points, errors } = validateImport(rows, kpis);
    expect(errors).toEqual([]);
    expect(points.map((p) => [p.row, p.kpiId, p.point])).toEqual([
      [2, 'win-rate', { period: 'weekly', periodStart: '2026-11-02', value: 31, target: 30, notes: '=cmd' }],
      [4, 'cold-store', { period: 'daily', periodStart: '2026-11-03', value: 3.5, notes: '' }],
    ]);
  });

  it('reads an .xlsx with date and number cells, naming columns in errors', async () => {
    const bytes = await xlsx([
      headers,
      ['win-rate', 'weekly', new Date(Date.UTC(2026, 10, 2)), 31, 30, ''],
      ['win-rate', 'weekly', '2026-11-09', 'abc', 30, ''],
      ['', 'weekly', '2026-11-09', 1, 30, ''],
      ['win-rate', 'weekly', 'soon', 1, '', ''],
    ]);
    const sheet = await readSheet(bytes, 'xlsx', limits);
    const { points, errors } = validateImport(rowsOf(rowsFromSheet(sheet.headers, sheet.rows)), kpis);
    expect(points.map((p) => p.point.periodStart)).toEqual(['2026-11-02']);
    expect(errors.map((e) => [e.row, e.message])).toEqual([
      [3, 'Value: "abc" is not a number.'],
      [4, 'KPI ID is empty.'],
      [5, 'Period Start: "soon" is not a date like 2026-11-02.'],
    ]);
  });

  // Too many rows are refused while the file is read (read-sheet.test.ts, integration kpis.test.ts).
  it('refuses a file without the required columns or without rows', () => {
    expect(rowsFromSheet(['KPI ID', 'Value'], [])).toMatch(/^Missing columns: Period, Period Start\./);
    expect(rowsFromSheet(headers, [])).toMatch(/no data rows/);
  });
});
