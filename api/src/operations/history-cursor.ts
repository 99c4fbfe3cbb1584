import { validationFailed } from '../errors';

/** A history row key as an opaque page cursor (base64url, so it travels in a query string as is). */
export function cursorOfRowKey(rowKey: string): string {
  return Buffer.from(rowKey, 'utf8').toString('base64url');
}

/** The row key a cursor names; 400 when it is not one this API handed out. */
export function rowKeyOfCursor(cursor: string): string {
  const rowKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{16}\|[^/\\#?]{1,300}$/.test(rowKey))
    throw validationFailed('The page cursor is not valid.', [{ path: 'cursor', message: 'cursor is the next value of a previous page' }]);
  return rowKey;
}
