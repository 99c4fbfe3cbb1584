import type { TableValue } from '../dax';
import type { Scalar } from '../model/types';

/** Documented executeQueries limits (NOTES §5). */
export const queryLimits = { rows: 100_000, values: 1_000_000, bytes: 15 * 1024 * 1024 };

/** The partial-result error of the response (200 with data); which level carries it is unverified, the query result is used. */
export interface ResultError {
  code: string;
  message: string;
}

/**
 * Rows as `{"Table[Column]": value}` objects (created columns as `[Name]`), nulls omitted unless
 * `includeNulls`, cut at 100,000 rows / 1,000,000 values / 15 MB (the current row completes).
 */
export function serializeTable(table: TableValue, includeNulls: boolean): { rows: Record<string, Scalar>[]; error?: ResultError } {
  const keys = table.columns.map((column) => (column.table ? `${column.table}[${column.name}]` : `[${column.name}]`));
  const rowLimit = Math.min(queryLimits.rows, Math.floor(queryLimits.values / Math.max(1, keys.length)));
  const rows: Record<string, Scalar>[] = [];
  let bytes = 0;
  for (const [index, values] of table.rows.entries()) {
    if (index >= rowLimit)
      return { rows, error: { code: 'DatasetExecuteQueriesError', message: `More than ${rowLimit} rows in a query result` } };
    const row: Record<string, Scalar> = {};
    keys.forEach((key, position) => {
      const value = values[position] ?? null;
      if (value !== null || includeNulls) row[key] = typeof value === 'number' && !Number.isFinite(value) ? null : value;
    });
    rows.push(row);
    bytes += JSON.stringify(row).length;
    if (bytes > queryLimits.bytes)
      return { rows, error: { code: 'DatasetExecuteQueriesError', message: 'The query result exceeds 15 MB' } };
  }
  return { rows };
}
