import ExcelJS from 'exceljs';
import { budgetSheetColumns, type Actuals, type BudgetLine } from '@planboard/contracts';
import { toSheetText } from './sheet';

const readOnlyFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const editableFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4CE' } };

/**
 * The grid as an .xlsx workbook: values only (no formulas), read-only columns grey and locked
 * (sheet protected without a password, editable cells unlocked), text made formula-safe.
 */
export async function exportWorkbook(title: string, lines: readonly BudgetLine[], actuals: Actuals): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Planboard';
  const sheet = workbook.addWorksheet('Budget', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = budgetSheetColumns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.key === 'comments' ? 48 : 20,
  }));
  for (const line of lines) {
    sheet.addRow({
      lineId: line.lineId,
      category: toSheetText(line.category),
      region: toSheetText(line.region),
      quarter: toSheetText(line.quarter),
      actualSales: actuals.values[line.lineId] ?? null,
      budgetAmount: line.budgetAmount,
      forecastSales: line.forecastSales,
      comments: toSheetText(line.comments),
    });
  }
  budgetSheetColumns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber === 1) return;
      cell.fill = column.editable ? editableFill : readOnlyFill;
      cell.protection = { locked: !column.editable };
      if (column.key === 'budgetAmount' || column.key === 'forecastSales' || column.key === 'actualSales') cell.numFmt = '#,##0.00';
    });
    const header = sheet.getRow(1).getCell(index + 1);
    header.font = { bold: true };
    header.note = column.editable ? 'Editable' : 'Read-only';
  });
  sheet.getRow(1).getCell(1).value = 'Line ID';
  workbook.title = title;
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, sort: true, autoFilter: true });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
