import type ExcelJS from 'exceljs';
import { budgetSheetColumns, type Actuals, type BudgetLine } from '@planboard/contracts';

/** Columns frozen with the header row: Line ID, Category, Region, Quarter (what says which line a row is). */
export const frozenColumns = 4;
export const freezePanes: Partial<ExcelJS.WorksheetView> = { state: 'frozen', xSplit: frozenColumns, ySplit: 1, topLeftCell: 'E2' };

/** Number formats as the grid shows amounts: grouped, whole numbers without decimals, else 2 decimals. */
export const wholeFormat = '#,##0';
export const decimalFormat = '#,##0.00';
export const amountFormat = (value: unknown): string =>
  typeof value === 'number' && !Number.isInteger(value) ? decimalFormat : wholeFormat;

const letter = (position: number): string => String.fromCharCode(64 + position);

/**
 * The totals row's values: the label under Line ID and, under each number column, SUBTOTAL(109, …)
 * over the line rows (it sums what the filter shows, as Excel's own total row does), with the
 * sum of the non-blank cells as its cached result so readers that do not recalculate see it too.
 */
export function totalsRow(lines: readonly BudgetLine[], actuals: Actuals, label: string): Record<string, unknown> {
  const sums: Record<string, number> = { actualSales: 0, budgetAmount: 0, forecastSales: 0 };
  for (const line of lines) {
    sums.budgetAmount! += line.budgetAmount ?? 0;
    sums.forecastSales! += line.forecastSales ?? 0;
    sums.actualSales! += actuals.values[line.lineId] ?? 0;
  }
  const values: Record<string, unknown> = { lineId: label };
  budgetSheetColumns.forEach((column, index) => {
    const sum = sums[column.key];
    if (sum === undefined || (column.key === 'actualSales' && !actuals.available)) return;
    const range = `${letter(index + 1)}2:${letter(index + 1)}${lines.length + 1}`;
    values[column.key] = { formula: `SUBTOTAL(109,${range})`, result: Math.round(sum * 100) / 100 };
  });
  return values;
}

type PatchableWriter = { _writeAutoFilter(): void; _writeSheetProtection(): void };

/**
 * exceljs's streaming writer puts <autoFilter> before <sheetProtection>, against the schema's
 * order (CT_Worksheet: sheetProtection, …, autoFilter), and Excel then refuses or "repairs" a
 * protected sheet with a filter (exceljs/exceljs PR #2685, not released). This sheet writes the
 * filter right after its protection instead. Nothing the sheet writes lies between the two
 * (no merged cells, hyperlinks, conditional formats or data validations).
 */
export function orderAutoFilterAfterProtection(sheet: ExcelJS.Worksheet): void {
  const writer = sheet as unknown as PatchableWriter;
  const writeAutoFilter = writer._writeAutoFilter.bind(writer);
  const writeProtection = writer._writeSheetProtection.bind(writer);
  writer._writeAutoFilter = () => {};
  writer._writeSheetProtection = () => {
    writeProtection();
    writeAutoFilter();
  };
}
