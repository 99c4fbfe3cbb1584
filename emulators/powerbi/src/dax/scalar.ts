import type { DataRow, Scalar } from '../model/types';
import type { Expr } from './ast';
import { DaxError } from './errors';
import type { Scope } from './scope';
import { evalTable, isTableExpr } from './table';
import { applyBinary, compare, daxEquals, truthy } from './values';
import { assertNever } from '../util/assert-never';

type ColumnRef = Extract<Expr, { kind: 'columnRef' }>;

/** The value of a column in the innermost row context that has it. */
function lookup(ref: ColumnRef, scope: Scope): Scalar {
  for (let index = scope.frames.length - 1; index >= 0; index -= 1) {
    const frame = scope.frames[index];
    if (!frame) continue;
    const position = frame.columns.findIndex(
      (column) =>
        column.name.toLowerCase() === ref.column.toLowerCase() && (!ref.table || column.table?.toLowerCase() === ref.table.toLowerCase()),
    );
    if (position >= 0) return frame.values[position] ?? null;
  }
  if (ref.table) {
    const table = scope.table(ref.table);
    if (!table.columns.some((column) => column.name.toLowerCase() === ref.column.toLowerCase())) {
      throw new DaxError(`Column '${ref.column}' in table '${table.name}' cannot be found or may not be used in this expression.`);
    }
    throw new DaxError(`A single value for column '${ref.column}' in table '${table.name}' cannot be determined.`);
  }
  throw new DaxError(
    `The value for '${ref.column}' cannot be determined. Either the column doesn't exist, or there is no current row for this column.`,
  );
}

/** The values of a column across the rows of the current filter context (aggregations ignore row context). */
function columnValues(expr: Expr | undefined, scope: Scope, name: string): Scalar[] {
  if (expr?.kind !== 'columnRef' || !expr.table)
    throw new DaxError(`The ${name} function only accepts a fully qualified column reference as its argument.`);
  const table = scope.table(expr.table);
  const column = table.columns.find((candidate) => candidate.name.toLowerCase() === expr.column.toLowerCase());
  if (!column)
    throw new DaxError(`Column '${expr.column}' in table '${table.name}' cannot be found or may not be used in this expression.`);
  return scope.rows(table.name).map((row: DataRow) => row[column.name] ?? null);
}

function numbers(values: Scalar[], name: string): number[] {
  return values
    .filter((value): value is number | boolean => value !== null)
    .map((value) => {
      if (typeof value === 'string') throw new DaxError(`The function ${name} cannot work with values of type String.`);
      return Number(value);
    });
}

function aggregate(name: string, args: Expr[], scope: Scope): Scalar {
  if ((name === 'MIN' || name === 'MAX') && args.length === 2) {
    const [a, b] = args.map((arg) => evalScalar(arg, scope)) as [Scalar, Scalar];
    return (name === 'MIN' ? compare(a, b) <= 0 : compare(a, b) >= 0) ? a : b;
  }
  const values = columnValues(args[0], scope, name);
  const present = values.filter((value) => value !== null);
  switch (name) {
    case 'SUM': {
      const list = numbers(values, name);
      return list.length ? list.reduce((sum, value) => sum + value, 0) : null;
    }
    case 'AVERAGE': {
      const list = numbers(values, name);
      return list.length ? list.reduce((sum, value) => sum + value, 0) / list.length : null;
    }
    case 'MIN':
    case 'MAX':
      return present.length
        ? present.reduce((best, value) => ((name === 'MIN' ? compare(value, best) < 0 : compare(value, best) > 0) ? value : best))
        : null;
    case 'COUNT':
    case 'COUNTA':
      return present.length || null;
    case 'DISTINCTCOUNT':
      return new Set(values.map((value) => (typeof value === 'string' ? value.toLowerCase() : value))).size || null;
    default:
      throw new DaxError(`Failed to resolve name '${name}'. It is not a valid table, variable, or function name.`);
  }
}

function call(expr: Extract<Expr, { kind: 'call' }>, scope: Scope): Scalar {
  const { name, args } = expr;
  const arg = (index: number): Scalar => evalScalar(args[index] ?? { kind: 'literal', value: null }, scope);
  switch (name) {
    case 'TRUE':
      return true;
    case 'FALSE':
      return false;
    case 'BLANK':
      return null;
    case 'NOT':
      return !truthy(arg(0));
    case 'AND':
      return truthy(arg(0)) && truthy(arg(1));
    case 'OR':
      return truthy(arg(0)) || truthy(arg(1));
    case 'IF':
      return truthy(arg(0)) ? arg(1) : args.length > 2 ? arg(2) : null;
    case 'ISBLANK':
      return arg(0) === null;
    case 'USERPRINCIPALNAME':
    case 'USERNAME':
      return scope.username;
    case 'CONTAINSSTRING':
      return String(arg(0) ?? '')
        .toLowerCase()
        .includes(String(arg(1) ?? '').toLowerCase());
    case 'UPPER':
      return String(arg(0) ?? '').toUpperCase();
    case 'LOWER':
      return String(arg(0) ?? '').toLowerCase();
    case 'COUNTROWS':
      return evalTable(args[0] as Expr, scope).rows.length || null;
    case 'SUM':
    case 'AVERAGE':
    case 'MIN':
    case 'MAX':
    case 'COUNT':
    case 'COUNTA':
    case 'DISTINCTCOUNT':
      return aggregate(name, args, scope);
    default:
      if (isTableExpr(expr)) return singleValue(expr, scope);
      throw new DaxError(`Failed to resolve name '${name}'. It is not a valid table, variable, or function name.`);
  }
}

/** A table where a value is expected: one row and one column convert, as in DAX. */
function singleValue(expr: Expr, scope: Scope): Scalar {
  const table = evalTable(expr, scope);
  if (table.rows.length === 0) return null;
  if (table.rows.length === 1 && table.columns.length === 1) return table.rows[0]?.[0] ?? null;
  throw new DaxError('A table of multiple values was supplied where a single value was expected.');
}

/** Evaluates a scalar expression in a scope. */
export function evalScalar(expr: Expr, scope: Scope): Scalar {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'columnRef':
      return lookup(expr, scope);
    case 'not':
      return !truthy(evalScalar(expr.operand, scope));
    case 'negate': {
      const value = evalScalar(expr.operand, scope);
      return value === null ? null : -Number(applyBinary('+', 0, value));
    }
    case 'binary': {
      if (expr.op === '&&') return truthy(evalScalar(expr.left, scope)) && truthy(evalScalar(expr.right, scope));
      if (expr.op === '||') return truthy(evalScalar(expr.left, scope)) || truthy(evalScalar(expr.right, scope));
      return applyBinary(expr.op, evalScalar(expr.left, scope), evalScalar(expr.right, scope));
    }
    case 'in': {
      const value = evalScalar(expr.left, scope);
      const table = evalTable(expr.right, scope);
      if (table.columns.length !== 1) throw new DaxError('The IN operator needs a table with one column on its right side.');
      return table.rows.some((row) => daxEquals(value, row[0] ?? null));
    }
    case 'call':
      return call(expr, scope);
    case 'tableRef':
    case 'tableConstructor':
      return singleValue(expr, scope);
    case 'sortOrder':
      throw new DaxError('ASC/DESC can only be used to order a table.');
    default:
      return assertNever(expr);
  }
}

/** Columns named in an expression (fully qualified ones), for deciding which table a filter applies to. */
export function referencedTables(expr: Expr, into = new Set<string>()): Set<string> {
  switch (expr.kind) {
    case 'columnRef':
      if (expr.table) into.add(expr.table.toLowerCase());
      break;
    case 'tableRef':
      into.add(expr.name.toLowerCase());
      break;
    case 'call':
      expr.args.forEach((item) => referencedTables(item, into));
      break;
    case 'binary':
    case 'in':
      referencedTables(expr.left, into);
      referencedTables(expr.right, into);
      break;
    case 'not':
    case 'negate':
      referencedTables(expr.operand, into);
      break;
    case 'tableConstructor':
      expr.values.forEach((item) => referencedTables(item, into));
      break;
    case 'literal':
    case 'sortOrder':
      break;
    default:
      assertNever(expr);
  }
  return into;
}
