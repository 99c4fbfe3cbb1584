import { invalidRequest } from '../http/errors';
import type { ColumnDef, DataRow, ModelTable, Scalar } from '../model/types';
import { assertNever } from '../util/assert-never';

/** Documented push limits (NOTES §6). */
export const pushLimits = {
  tables: 75,
  columnsPerTable: 75,
  relationships: 75,
  rowsPerPost: 10_000,
  rowsPerHour: 1_000_000,
  fifoRowsPerTable: 200_000,
  noneRowsPerTable: 5_000_000,
  stringLength: 4_000,
  /** Tables at this size get the slower POST rate (120 per hour instead of per minute). */
  largeTableRows: 250_000,
};

type ColumnKind = 'int' | 'double' | 'boolean' | 'datetime' | 'string';

const kinds: Record<string, ColumnKind> = {
  int64: 'int',
  double: 'double',
  decimal: 'double',
  boolean: 'boolean',
  bool: 'boolean',
  datetime: 'datetime',
  string: 'string',
};

function kindOf(column: ColumnDef): ColumnKind {
  const kind = kinds[column.dataType.toLowerCase()];
  if (!kind) throw invalidRequest(`Column '${column.name}' has an unsupported dataType '${column.dataType}'`);
  return kind;
}

/** Checks a table definition of a push dataset (create and PUT table). */
export function checkTableDefinition(table: { name: string; columns: ColumnDef[] }): void {
  if (table.columns.length > pushLimits.columnsPerTable)
    throw invalidRequest(`Table '${table.name}' has more than ${pushLimits.columnsPerTable} columns`);
  const names = new Set<string>();
  for (const column of table.columns) {
    kindOf(column);
    if (names.has(column.name.toLowerCase())) throw invalidRequest(`Column '${column.name}' appears twice in table '${table.name}'`);
    names.add(column.name.toLowerCase());
  }
}

function convert(column: ColumnDef, value: unknown, rowIndex: number): Scalar {
  if (value === null || value === undefined) return null;
  const where = `row ${rowIndex}, column '${column.name}'`;
  const kind = kindOf(column);
  switch (kind) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidRequest(`Expected an Int64 at ${where}`);
      return value;
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidRequest(`Expected a Double at ${where}`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalidRequest(`Expected a Boolean at ${where}`);
      return value;
    case 'datetime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw invalidRequest(`Expected a DateTime at ${where}`);
      return new Date(value).toISOString();
    }
    case 'string':
      if (typeof value !== 'string') throw invalidRequest(`Expected a String at ${where}`);
      if (value.length > pushLimits.stringLength)
        throw invalidRequest(`String longer than ${pushLimits.stringLength} characters at ${where}`);
      return value;
    default:
      return assertNever(kind);
  }
}

/** Converts posted rows to the table's columns; unknown columns and wrong types are refused. */
export function convertRows(table: ModelTable, rows: Record<string, unknown>[]): DataRow[] {
  return rows.map((row, index) => {
    const converted: DataRow = {};
    for (const [name, value] of Object.entries(row)) {
      const column = table.columns.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      if (!column) throw invalidRequest(`Column '${name}' does not exist in table '${table.name}'`);
      converted[column.name] = convert(column, value, index);
    }
    return converted;
  });
}
