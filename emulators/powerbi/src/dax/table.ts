import type { DataRow, Scalar } from '../model/types';
import type { Expr } from './ast';
import { DaxError } from './errors';
import { evalScalar, referencedTables } from './scalar';
import { frameOf, tableValue, type Column, type Predicate, type Scope, type TableValue } from './scope';
import { summarizeColumns } from './summarize';
import { compare, groupKey, truthy } from './values';

/** Functions that return tables in the subset. */
const tableFunctions = new Set([
  'FILTER',
  'VALUES',
  'DISTINCT',
  'ALL',
  'CALCULATETABLE',
  'SUMMARIZECOLUMNS',
  'TOPN',
  'ROW',
  'SELECTCOLUMNS',
  'TREATAS',
]);

/** Whether an expression produces a table (a table name, a table constructor or a table function). */
export function isTableExpr(expr: Expr): boolean {
  return expr.kind === 'tableRef' || expr.kind === 'tableConstructor' || (expr.kind === 'call' && tableFunctions.has(expr.name));
}

function requireArgs(expr: Extract<Expr, { kind: 'call' }>, min: number): void {
  if (expr.args.length < min)
    throw new DaxError(
      `Too few arguments were passed to the ${expr.name} function. The minimum argument count for the function is ${min}.`,
    );
}

/** Distinct values of one column (VALUES/DISTINCT/ALL of a column). */
function distinctColumn(ref: Extract<Expr, { kind: 'columnRef' }>, rows: DataRow[], scope: Scope): TableValue {
  if (!ref.table) throw new DaxError('A fully qualified column reference is required here.');
  const table = scope.table(ref.table);
  const column = table.columns.find((candidate) => candidate.name.toLowerCase() === ref.column.toLowerCase());
  if (!column) throw new DaxError(`Column '${ref.column}' in table '${table.name}' cannot be found or may not be used in this expression.`);
  const seen = new Map<string, Scalar>();
  for (const row of rows) {
    const value = row[column.name] ?? null;
    if (!seen.has(groupKey(value))) seen.set(groupKey(value), value);
  }
  return { columns: [{ table: table.name, name: column.name }], rows: [...seen.values()].map((value) => [value]) };
}

/** Name/expression pairs (ROW, SELECTCOLUMNS, SUMMARIZECOLUMNS): names must be string literals. */
export function namedPairs(args: Expr[], functionName: string): { name: string; expr: Expr }[] {
  if (args.length % 2 !== 0) throw new DaxError(`The ${functionName} function expects name/expression pairs.`);
  const pairs: { name: string; expr: Expr }[] = [];
  for (let index = 0; index < args.length; index += 2) {
    const name = args[index];
    if (name?.kind !== 'literal' || typeof name.value !== 'string')
      throw new DaxError(`The ${functionName} function expects a column name as a string.`);
    pairs.push({ name: name.value, expr: args[index + 1] as Expr });
  }
  return pairs;
}

/**
 * Filters for CALCULATETABLE and SUMMARIZECOLUMNS: a boolean expression over one table's columns,
 * or a table (its source rows, or the values of each of its columns).
 */
export function filtersFrom(args: Expr[], scope: Scope): Map<string, Predicate[]> {
  const filters = new Map<string, Predicate[]>();
  const add = (table: string, predicate: Predicate): void => {
    const key = scope.table(table).name.toLowerCase();
    filters.set(key, [...(filters.get(key) ?? []), predicate]);
  };
  for (const arg of args) {
    if (isTableExpr(arg)) {
      const value = evalTable(arg, scope);
      if (value.source) {
        const allowed = new Set(value.source.rows);
        add(value.source.table, (row) => allowed.has(row));
        continue;
      }
      value.columns.forEach((column, index) => {
        if (!column.table) throw new DaxError('A filter table must consist of columns of model tables.');
        const keys = new Set(value.rows.map((row) => groupKey(row[index] ?? null)));
        add(column.table, (row) => keys.has(groupKey(row[column.name] ?? null)));
      });
      continue;
    }
    const tables = [...referencedTables(arg)];
    if (tables.length !== 1) throw new DaxError('A filter expression must reference the columns of exactly one table (emulator subset).');
    const table = scope.table(tables[0] as string);
    add(table.name, (row) => truthy(evalScalar(arg, scope.withFrame(frameOf(table, row)))));
  }
  return filters;
}

function sortRows(value: TableValue, keys: { expr: Expr; descending: boolean }[], scope: Scope): Scalar[][] {
  const keyed = value.rows.map((row) => ({
    row,
    keys: keys.map((key) => evalScalar(key.expr, scope.withFrame({ columns: value.columns, values: row }))),
  }));
  keyed.sort((a, b) => {
    for (const [index, key] of keys.entries()) {
      const order = compare(a.keys[index] ?? null, b.keys[index] ?? null);
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  });
  return keyed.map((item) => item.row);
}

/** Orders a statement's result (ORDER BY). */
export function orderTable(value: TableValue, keys: { expr: Expr; descending: boolean }[], scope: Scope): TableValue {
  return keys.length ? { columns: value.columns, rows: sortRows(value, keys, scope) } : value;
}

function call(expr: Extract<Expr, { kind: 'call' }>, scope: Scope): TableValue {
  const [first, ...rest] = expr.args;
  switch (expr.name) {
    case 'FILTER': {
      requireArgs(expr, 2);
      const input = evalTable(first as Expr, scope);
      const keep = input.rows.map((row) => truthy(evalScalar(rest[0] as Expr, scope.withFrame({ columns: input.columns, values: row }))));
      const source = input.source ? { table: input.source.table, rows: input.source.rows.filter((_, index) => keep[index]) } : undefined;
      return { columns: input.columns, rows: input.rows.filter((_, index) => keep[index]), ...(source ? { source } : {}) };
    }
    case 'VALUES':
    case 'DISTINCT':
    case 'ALL': {
      requireArgs(expr, 1);
      const target = first as Expr;
      const all = expr.name === 'ALL';
      if (target.kind === 'tableRef') {
        const table = scope.table(target.name);
        return tableValue(table, all ? scope.visibleRows(table.name) : scope.rows(table.name));
      }
      if (target.kind === 'columnRef' && target.table)
        return distinctColumn(target, all ? scope.visibleRows(target.table) : scope.rows(target.table), scope);
      throw new DaxError(`The ${expr.name} function expects a table or a fully qualified column reference.`);
    }
    case 'CALCULATETABLE':
      requireArgs(expr, 1);
      return evalTable(first as Expr, scope.withFilters(filtersFrom(rest, scope)));
    case 'SUMMARIZECOLUMNS':
      return summarizeColumns(expr.args, scope);
    case 'TOPN': {
      requireArgs(expr, 2);
      const count = Number(evalScalar(first as Expr, scope));
      const input = evalTable(rest[0] as Expr, scope);
      const orderExpr = rest[1];
      const descending = rest[2]?.kind === 'sortOrder' ? rest[2].descending : !(rest[2] && evalScalar(rest[2], scope) === 1);
      const rows = orderExpr ? sortRows(input, [{ expr: orderExpr, descending }], scope) : input.rows;
      return { columns: input.columns, rows: rows.slice(0, Math.max(0, count)) };
    }
    case 'ROW': {
      const pairs = namedPairs(expr.args, 'ROW');
      return { columns: pairs.map((pair) => ({ name: pair.name })), rows: [pairs.map((pair) => evalScalar(pair.expr, scope))] };
    }
    case 'SELECTCOLUMNS': {
      requireArgs(expr, 1);
      const input = evalTable(first as Expr, scope);
      const pairs = namedPairs(rest, 'SELECTCOLUMNS');
      const rows = input.rows.map((row) =>
        pairs.map((pair) => evalScalar(pair.expr, scope.withFrame({ columns: input.columns, values: row }))),
      );
      return { columns: pairs.map((pair) => ({ name: pair.name })), rows };
    }
    case 'TREATAS': {
      requireArgs(expr, 2);
      const input = evalTable(first as Expr, scope);
      const columns: Column[] = rest.map((arg) => {
        if (arg.kind !== 'columnRef' || !arg.table) throw new DaxError('TREATAS expects fully qualified column references.');
        return { table: scope.table(arg.table).name, name: arg.column };
      });
      if (columns.length !== input.columns.length) throw new DaxError('The number of columns passed to TREATAS must match the table.');
      return { columns, rows: input.rows };
    }
    default:
      throw new DaxError(`Failed to resolve name '${expr.name}'. It is not a valid table, variable, or function name.`);
  }
}

/** Evaluates a table expression in a scope. */
export function evalTable(expr: Expr, scope: Scope): TableValue {
  switch (expr.kind) {
    case 'tableRef': {
      const table = scope.table(expr.name);
      return tableValue(table, scope.rows(table.name));
    }
    case 'tableConstructor':
      return { columns: [{ name: 'Value' }], rows: expr.values.map((value) => [evalScalar(value, scope)]) };
    case 'call':
      return call(expr, scope);
    default:
      throw new DaxError('The expression specified in the query is not a valid table expression.');
  }
}
