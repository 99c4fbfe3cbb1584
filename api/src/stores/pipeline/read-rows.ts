import { Readable } from 'node:stream';
import { parse as parseCsv } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { checkWorkbookZip } from '../../budget/workbook-zip';

export type FileKind = 'xlsx' | 'csv';

/** One non-empty row as read: 1-based row number, cells in column order. */
export interface RawRow {
  rowNumber: number;
  values: unknown[];
}

export class UnreadableFileError extends Error {}

export const fileKindOf = (name: string): FileKind | undefined =>
  /\.xlsx$/i.test(name) ? 'xlsx' : /\.csv$/i.test(name) ? 'csv' : undefined;

function cellValue(value: ExcelJS.CellValue): unknown {
  if (value instanceof Date) return value;
  if (value && typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue); // a formula: its last value
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return cellValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return value;
}

const isBlank = (values: unknown[]) => values.every((value) => value === null || value === undefined || value === '');

/** The first sheet's rows, streamed (exceljs' streaming reader: the workbook is never held parsed). */
async function* xlsxRows(bytes: Buffer, maxUnpackedBytes: number): AsyncGenerator<RawRow> {
  try {
    await checkWorkbookZip(bytes, maxUnpackedBytes);
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles would tell date cells from numbers, but reading them costs 4× the time: a number in the Date column is taken as an Excel date serial instead.
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let rows: RawRow[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const cells = ((row as ExcelJS.Row).values as ExcelJS.CellValue[]).slice(1);
        const values = Array.from({ length: cells.length }, (_, index) => cellValue(cells[index] ?? null));
        if (!isBlank(values)) rows.push({ rowNumber: row.number, values });
        if (rows.length >= 500) {
          yield* rows;
          rows = [];
        }
      }
      break; // the first sheet only
    }
  } catch (error) {
    throw new UnreadableFileError(
      `This file is not a readable Excel workbook (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  yield* rows;
}

/** A .csv, record by record; cells stay text. */
async function* csvRows(bytes: Buffer): AsyncGenerator<RawRow> {
  const parser = Readable.from([bytes]).pipe(parseCsv<string[], string[]>({ ignoreEmpty: false, trim: true }));
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (!isBlank(record)) yield { rowNumber, values: record };
    }
  } catch (error) {
    parser.destroy();
    throw new UnreadableFileError(`This is not a readable .csv file (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** Rows of a workbook or .csv, the header row first, as they are parsed. */
export function readRows(bytes: Buffer, kind: FileKind, maxUnpackedBytes: number): AsyncGenerator<RawRow> {
  return kind === 'xlsx' ? xlsxRows(bytes, maxUnpackedBytes) : csvRows(bytes);
}
