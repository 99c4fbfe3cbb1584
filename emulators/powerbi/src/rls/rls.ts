import { DaxError, evalScalar, frameOf, parseExpression, Scope } from '../dax';
import type { Expr } from '../dax/ast';
import { truthy } from '../dax/values';
import type { DataRow, ModelRole, SemanticModel } from '../model/types';
import { applyFilters, type RowsByTable } from './propagate';

/** What a query may see: everything, or the union of some roles evaluated for a user name. */
export type EffectiveAccess = { kind: 'unrestricted' } | { kind: 'roles'; username: string; roles: ModelRole[] };

const parsed = new Map<string, Expr>();

function filterExpression(text: string): Expr {
  let expr = parsed.get(text);
  if (!expr) {
    expr = parseExpression(text);
    parsed.set(text, expr);
  }
  return expr;
}

/** Every row of every table, keyed by lower-case table name. */
export function allRows(model: SemanticModel): RowsByTable {
  return new Map(model.tables.map((table) => [table.name.toLowerCase(), table.rows]));
}

/**
 * The rows one role lets `username` see: each table filter is a DAX condition evaluated per row
 * (over the unfiltered model, so dynamic rules can look up a security table), then the filtered
 * tables restrict related tables along relationships.
 */
function roleRows(model: SemanticModel, role: ModelRole, username: string, base: RowsByTable): RowsByTable {
  const scope = new Scope({ tables: model.tables, relationships: model.relationships, visible: base }, username);
  const direct = new Map<string, ((row: DataRow) => boolean)[]>();
  for (const permission of role.tablePermissions) {
    const table = scope.table(permission.table);
    const expr = filterExpression(permission.filterExpression);
    const predicate = (row: DataRow): boolean => truthy(evalScalar(expr, scope.withFrame(frameOf(table, row))));
    direct.set(table.name.toLowerCase(), [...(direct.get(table.name.toLowerCase()) ?? []), predicate]);
  }
  return applyFilters(model.relationships, base, direct);
}

/**
 * The rows a caller may query. Several roles combine as a union (a row is visible if any role
 * shows it), as in Power BI; a role that does not filter a table shows all of it.
 */
export function visibleRows(model: SemanticModel, access: EffectiveAccess): RowsByTable {
  const base = allRows(model);
  if (access.kind === 'unrestricted') return base;
  const perRole = access.roles.map((role) => roleRows(model, role, access.username, base));
  const visible: RowsByTable = new Map();
  for (const [table, rows] of base) {
    const allowed = new Set(perRole.flatMap((roleMap) => roleMap.get(table) ?? []));
    visible.set(
      table,
      rows.filter((row) => allowed.has(row)),
    );
  }
  return visible;
}

/** Checks that every role filter of a model parses (seeding and tests call this). */
export function checkRoleFilters(model: SemanticModel): void {
  for (const role of model.roles) {
    for (const permission of role.tablePermissions) {
      try {
        filterExpression(permission.filterExpression);
      } catch (error) {
        throw new DaxError(`Role ${role.name}: ${(error as Error).message}`);
      }
    }
  }
}
