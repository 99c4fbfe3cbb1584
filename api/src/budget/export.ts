import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { budgetSheetColumns, budgetSheetTotalsLabel, type Actuals, type BudgetLine } from '@planboard/contracts';
import { toCsvText, toXlsxText } from './sheet';
import { amountFormat, freezePanes, orderAutoFilterAfterProtection, totalsRow } from './export-layout';

const readOnlyFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const editableFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4CE' } };
const amountColumns = new Set<string>(['budgetAmount', 'forecastSales', 'actualSales']);
/** Rows written between yields to the event loop, so concurrent exports and other requests interleave. */
const rowsPerSlice = 500;

type SheetValues = Record<(typeof budgetSheetColumns)[number]['key'], string | number | null>;

function sheetValues(line: BudgetLine, actuals: Actuals, text: (value: string) => string): SheetValues {
  return {
    lineId: text(line.lineId),
    category: text(line.category),
    region: text(line.region),
    quarter: text(line.quarter),
    actualSales: actuals.values[line.lineId] ?? null,
    // A blank amount is an empty cell (never 0): import reads it back as blank.
    budgetAmount: line.budgetAmount,
    forecastSales: line.forecastSales,
    comments: text(line.comments),
  };
}

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function writeWorkbook(stream: PassThrough, lines: readonly BudgetLine[], actuals: Actuals): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Planboard';
  const sheet = workbook.addWorksheet('Budget', { views: [freezePanes] });
  orderAutoFilterAfterProtection(sheet);
  sheet.columns = budgetSheetColumns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.key === 'comments' ? 48 : 20,
  }));
  const header = sheet.getRow(1);
  budgetSheetColumns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.font = { bold: true };
    cell.note = column.editable ? 'Editable' : 'Read-only';
  });
  header.commit();
  for (let index = 0; index < lines.length; index += 1) {
    const row = sheet.addRow(sheetValues(lines[index]!, actuals, toXlsxText));
    budgetSheetColumns.forEach((column, position) => {
      const cell = row.getCell(position + 1);
      // Blank cells a user may fill stay unlocked and marked editable; other blanks stay bare.
      if (cell.value === null && !column.editable) return;
      cell.fill = column.editable ? editableFill : readOnlyFill;
      cell.protection = { locked: !column.editable };
      if (amountColumns.has(column.key)) cell.numFmt = amountFormat(cell.value);
    });
    row.commit();
    if (index % rowsPerSlice === rowsPerSlice - 1) await nextTick();
  }
  const totals = sheet.addRow(totalsRow(lines, actuals, budgetSheetTotalsLabel));
  totals.font = { bold: true };
  budgetSheetColumns.forEach((column, position) => {
    const cell = totals.getCell(position + 1);
    cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
    if (amountColumns.has(column.key)) cell.numFmt = amountFormat((cell.value as { result?: unknown } | null)?.result);
  });
  totals.commit();
  // Filter buttons on the header over the lines (the totals row stays out of sorts and filters).
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lines.length + 1, column: budgetSheetColumns.length } };
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, sort: true, autoFilter: true });
  sheet.commit();
  await workbook.commit();
}

/**
 * The grid as an .xlsx workbook, streamed (exceljs's streaming writer: rows are serialised and
 * zipped as they are added, the workbook is never held whole). Line values only: text is written
 * unchanged as string cells, which Excel never evaluates; the one formula is the totals row's
 * SUBTOTAL over the number columns (it follows the filter). Read-only columns grey and locked
 * (sheet protected without a password), editable cells unlocked; header row and the line's key
 * columns frozen, filter buttons on the header, amounts formatted as the grid shows them.
 */
export function exportWorkbook(lines: readonly BudgetLine[], actuals: Actuals): Readable {
  const stream = new PassThrough();
  writeWorkbook(stream, lines, actuals).catch((error: unknown) => stream.destroy(error as Error));
  return stream;
}

/** One CSV record, every field quoted (RFC 4180). Written here because fast-csv's formatter drops NUL characters. */
const csvRecord = (fields: readonly string[]): string => `${fields.map((field) => `"${field.replace(/"/g, '""')}"`).join(',')}\r\n`;

/**
 * The grid as a .csv (UTF-8 with BOM so Excel reads it as such), streamed with backpressure. Text
 * that a spreadsheet would evaluate gets the guard of {@link toCsvText}; a blank amount is an
 * empty field. Data only (no totals row: a .csv is read by programs as much as by people).
 */
export function exportCsv(lines: readonly BudgetLine[], actuals: Actuals): Readable {
  function* records(): Generator<string> {
    yield `\uFEFF${csvRecord(budgetSheetColumns.map((column) => column.header))}`;
    for (const line of lines) {
      const values = sheetValues(line, actuals, toCsvText);
      yield csvRecord(budgetSheetColumns.map((column) => (values[column.key] === null ? '' : String(values[column.key]))));
    }
  }
  return Readable.from(records(), { objectMode: false });
}
