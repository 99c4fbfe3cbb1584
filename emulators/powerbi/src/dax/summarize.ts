import type { DataRow, Scalar } from '../model/types';
import type { Expr } from './ast';
import { DaxError } from './errors';
import { evalScalar, referencedTables } from './scalar';
import type { Scope, TableValue } from './scope';
import { filtersFrom, isTableExpr, namedPairs } from './table';
import { groupKey } from './values';

type ColumnRef = Extract<Expr, { kind: 'columnRef' }>;

/** Splits SUMMARIZECOLUMNS arguments: group-by columns, then filter tables, then name/expression pairs. */
function splitArgs(args: Expr[]): { groupBy: ColumnRef[]; filters: Expr[]; measures: Expr[] } {
  let index = 0;
  const groupBy: ColumnRef[] = [];
  const filters: Expr[] = [];
  for (; index < args.length && args[index]?.kind === 'columnRef'; index += 1) groupBy.push(args[index] as ColumnRef);
  for (; index < args.length && isTableExpr(args[index] as Expr); index += 1) filters.push(args[index] as Expr);
  return { groupBy, filters, measures: args.slice(index) };
}

/**
 * SUMMARIZECOLUMNS over one table's columns: one row per existing combination of the group-by
 * columns whose measures are not all BLANK, with the measures evaluated in that group's filter
 * context (which flows along relationships when the measures read other tables).
 */
export function summarizeColumns(args: Expr[], scope: Scope): TableValue {
  const { groupBy, filters, measures: measureArgs } = splitArgs(args);
  const measures = namedPairs(measureArgs, 'SUMMARIZECOLUMNS');
  const filtered = scope.withFilters(filtersFrom(filters, scope));
  if (groupBy.some((ref) => !ref.table)) throw new DaxError('SUMMARIZECOLUMNS expects fully qualified group-by columns.');
  const tables = new Set(groupBy.map((ref) => filtered.table(ref.table as string).name));
  if (tables.size > 1)
    throw new DaxError('SUMMARIZECOLUMNS over columns of more than one table is outside the DAX subset the emulator supports.');
  const measureColumns = measures.map((measure) => ({ name: measure.name }));
  const evaluate = (groupScope: Scope): Scalar[] => measures.map((measure) => evalScalar(measure.expr, groupScope));
  const keepRow = (values: Scalar[]): boolean => measures.length === 0 || values.some((value) => value !== null);

  if (groupBy.length === 0) {
    const values = evaluate(filtered);
    return { columns: measureColumns, rows: measures.length && keepRow(values) ? [values] : [] };
  }
  const table = filtered.table([...tables][0] as string);
  const columns = groupBy.map((ref) => {
    const column = table.columns.find((candidate) => candidate.name.toLowerCase() === ref.column.toLowerCase());
    if (!column)
      throw new DaxError(`Column '${ref.column}' in table '${table.name}' cannot be found or may not be used in this expression.`);
    return column.name;
  });
  const groups = new Map<string, { values: Scalar[]; rows: DataRow[] }>();
  for (const row of filtered.rows(table.name)) {
    const values = columns.map((column) => row[column] ?? null);
    const key = values.map(groupKey).join('\u0000');
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { values, rows: [row] });
  }
  // Measures that read only the grouped table can use the group's rows directly; others need the
  // group as a filter that propagates along relationships (slower, so only when needed).
  const measureTables = new Set(measures.flatMap((measure) => [...referencedTables(measure.expr)]));
  const onlyGroupedTable = [...measureTables].every((name) => name === table.name.toLowerCase());
  const rows: Scalar[][] = [];
  for (const group of groups.values()) {
    const members = new Set(group.rows);
    const groupScope = onlyGroupedTable
      ? filtered.withRows(table.name, group.rows)
      : filtered.withFilters(new Map([[table.name.toLowerCase(), [(row: DataRow) => members.has(row)]]]));
    const values = evaluate(groupScope);
    if (keepRow(values)) rows.push([...group.values, ...values]);
  }
  return { columns: [...columns.map((name) => ({ table: table.name, name })), ...measureColumns], rows };
}
