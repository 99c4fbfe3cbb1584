import type { StoreRejectedRow, StoreSalesRow } from '@planboard/contracts';
import { readRows, type FileKind } from './read-rows';
import { maxStoredRejected } from './run-store';
import { LayoutError, SalesRowValidator } from './validate';

/** A file read and validated: its good rows, and the rows refused with their reasons. */
export interface CheckedFile {
  rows: StoreSalesRow[];
  /** The first {@link maxStoredRejected} rejected rows; `rejectedCount` counts them all. */
  rejected: StoreRejectedRow[];
  rejectedCount: number;
  rowsRead: number;
}

export interface CheckLimits {
  maxRows: number;
  maxUnpackedBytes: number;
}

export class TooManyRowsError extends Error {}

/**
 * Streams a file's rows through the validator. Only the validated rows (compact records) and a
 * bounded list of rejections are kept, never the parsed workbook.
 */
export async function checkFile(
  bytes: Buffer,
  kind: FileKind,
  name: string,
  knownStores: ReadonlySet<string>,
  limits: CheckLimits,
): Promise<CheckedFile> {
  const validator = new SalesRowValidator(name, knownStores);
  const checked: CheckedFile = { rows: [], rejected: [], rejectedCount: 0, rowsRead: 0 };
  for await (const row of readRows(bytes, kind, limits.maxUnpackedBytes)) {
    if (!validator.hasHeader) {
      validator.header(row);
      continue;
    }
    checked.rowsRead += 1;
    if (checked.rowsRead > limits.maxRows)
      throw new TooManyRowsError(`${name} has more than ${limits.maxRows.toLocaleString('en-US')} rows; split it into smaller files.`);
    const verdict = validator.check(row);
    if (verdict.ok) checked.rows.push(verdict.row);
    else {
      checked.rejectedCount += 1;
      if (checked.rejected.length < maxStoredRejected) checked.rejected.push(verdict.rejected);
    }
  }
  if (!validator.hasHeader) throw new LayoutError(`${name} is empty: no header row.`);
  return checked;
}
