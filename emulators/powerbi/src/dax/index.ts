import type { Query } from './ast';
import { DaxError } from './errors';
import { parseQuery } from './parser';
import { Scope, type ModelView, type TableValue } from './scope';
import { evalTable, orderTable } from './table';

export { DaxError } from './errors';
export { parseExpression, parseQuery } from './parser';
export { evalScalar } from './scalar';
export { Scope, frameOf, type Column, type ModelView, type TableValue } from './scope';

/** The result of a query: the first statement's table, and whether the query asked for more tables. */
export interface QueryResult {
  table: TableValue;
  extraTables: number;
}

/**
 * Runs a DAX query against a model view (rows already limited by RLS) as `username`
 * (what USERPRINCIPALNAME() returns). Throws DaxError for anything outside the subset.
 */
export function runQuery(text: string, model: ModelView, username: string): QueryResult {
  const query: Query = parseQuery(text);
  const [first, ...others] = query.statements;
  if (!first) throw new DaxError('The query must contain EVALUATE');
  const scope = new Scope(model, username);
  return { table: orderTable(evalTable(first.table, scope), first.orderBy, scope), extraTables: others.length };
}
