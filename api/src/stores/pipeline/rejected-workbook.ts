import ExcelJS from 'exceljs';
import type { StoreRejectedRow } from '@planboard/contracts';
import { salesColumns } from './validate';

/** Text a spreadsheet would evaluate (=, +, -, @) is stored as text, never as a formula. */
const guarded = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The rejected rows of a run as a workbook: file, row, reasons, then the cells as read. */
export async function rejectedWorkbook(rows: readonly StoreRejectedRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Rejected rows');
  sheet.addRow(['File', 'Row', 'Reasons', ...salesColumns.map((column) => column.header)]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([guarded(row.file), row.rowNumber, guarded(row.reasons.join(' ')), ...row.values.map(guarded)]);
  sheet.columns.forEach((column, index) => (column.width = index === 2 ? 60 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
