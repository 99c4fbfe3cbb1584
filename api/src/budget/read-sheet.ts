import { Readable } from 'node:stream';
import { parse as parseCsv } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { ApiError, badRequest } from '../errors';
import { fromCsvText, fromXlsxText } from './sheet';
import { checkWorkbookZip, notAWorkbook, sizeInWords } from './workbook-zip';

export type SheetKind = 'xlsx' | 'csv';
export interface SheetRow {
  rowNumber: number;
  values: unknown[];
}
export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/** What an upload may hold; exceeding any of them refuses the file while it is read. */
export interface SheetLimits {
  maxFileBytes: number;
  maxUnpackedBytes: number;
  maxRows: number;
  maxCellChars: number;
}

const count = (value: number): string => value.toLocaleString('en-US');

function cellValue(value: ExcelJS.CellValue): unknown {
  if (typeof value === 'string') return fromXlsxText(value);
  if (value && typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue); // a formula cell: its last value, never the formula
    if ('richText' in value) return fromXlsxText(value.richText.map((part) => part.text).join(''));
    if ('text' in value) return cellValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return value;
}

/** Collects rows, refusing the file at the first row past the limit or the first over-long cell. */
class RowCollector {
  readonly sheet: Sheet = { headers: [], rows: [] };
  constructor(private readonly limits: SheetLimits) {}

  add(rowNumber: number, values: unknown[]): void {
    for (const value of values)
      if (typeof value === 'string' && value.length > this.limits.maxCellChars)
        throw badRequest(
          `Row ${count(rowNumber)} has a cell of ${count(value.length)} characters; a cell may hold at most ${count(this.limits.maxCellChars)}.`,
        );
    if (rowNumber === 1 && this.sheet.rows.length === 0) {
      this.sheet.headers = values.map((value) => String(value ?? ''));
      return;
    }
    if (this.sheet.rows.length >= this.limits.maxRows)
      throw badRequest(
        `The file has more than ${count(this.limits.maxRows)} rows; at most ${count(this.limits.maxRows)} can be imported at once. Split the file.`,
      );
    this.sheet.rows.push({ rowNumber, values });
  }
}

/** The first sheet, streamed row by row (the workbook is never loaded whole). */
async function readXlsx(bytes: Buffer, limits: SheetLimits): Promise<Sheet> {
  await checkWorkbookZip(bytes, limits.maxUnpackedBytes);
  const collector = new RowCollector(limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = ((row as ExcelJS.Row).values as ExcelJS.CellValue[]).slice(1);
        const read = Array.from({ length: values.length }, (_, index) => cellValue(values[index] ?? null));
        if (read.some((value) => value !== null && value !== undefined && value !== '')) collector.add(row.number, read);
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw badRequest(notAWorkbook);
  }
  return collector.sheet;
}

/** A .csv, streamed record by record; values stay text (no guessing of dates or numbers). */
async function readCsv(bytes: Buffer, limits: SheetLimits): Promise<Sheet> {
  const collector = new RowCollector(limits);
  const parser = Readable.from([bytes]).pipe(parseCsv<string[], string[]>({ ignoreEmpty: false, trim: false }));
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (record.every((value) => value === '')) continue;
      collector.add(
        rowNumber,
        record.map((value) => fromCsvText(value)),
      );
    }
  } catch (error) {
    parser.destroy();
    if (error instanceof ApiError) throw error;
    throw badRequest('This is not a readable .csv file.');
  }
  return collector.sheet;
}

/**
 * Reads the first sheet of an .xlsx, or a .csv, into a header row and data rows (1-based row
 * numbers), text decoded as our export encodes it. Refuses, before or while reading: a file over
 * `maxFileBytes` (413), an .xlsx unpacking to more than `maxUnpackedBytes` (413), more than
 * `maxRows` data rows or a cell over `maxCellChars` (400), a zip that is not a workbook (400).
 */
export async function readSheet(bytes: Buffer, kind: SheetKind, limits: SheetLimits): Promise<Sheet> {
  if (bytes.length === 0) throw badRequest('The file is empty.');
  if (bytes.length > limits.maxFileBytes)
    throw new ApiError(
      413,
      'PayloadTooLarge',
      `The file is ${sizeInWords(bytes.length)}; at most ${sizeInWords(limits.maxFileBytes)} can be uploaded.`,
    );
  return kind === 'xlsx' ? readXlsx(bytes, limits) : readCsv(bytes, limits);
}
