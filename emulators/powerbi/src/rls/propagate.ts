import { groupKey } from '../dax/values';
import type { DataRow, ModelRelationship } from '../model/types';

/** Rows per table, keyed by lower-case table name. */
export type RowsByTable = Map<string, DataRow[]>;

/** Filter directions of a relationship: one side → many side always; many → one when bidirectional. */
function directions(relationship: ModelRelationship): { source: string; sourceColumn: string; target: string; targetColumn: string }[] {
  const oneToMany = {
    source: relationship.toTable,
    sourceColumn: relationship.toColumn,
    target: relationship.fromTable,
    targetColumn: relationship.fromColumn,
  };
  const manyToOne = {
    source: relationship.fromTable,
    sourceColumn: relationship.fromColumn,
    target: relationship.toTable,
    targetColumn: relationship.toColumn,
  };
  return relationship.crossFilteringBehavior === 'BothDirections' ? [oneToMany, manyToOne] : [oneToMany];
}

/**
 * Applies direct row filters and lets them flow along relationships, as a filter context does:
 * a filtered table restricts each related table to rows whose key is among its remaining keys.
 * Used both for RLS role filters and for query filters (CALCULATETABLE, SUMMARIZECOLUMNS).
 * Sets only shrink, so the loop ends.
 */
export function applyFilters(
  relationships: readonly ModelRelationship[],
  base: RowsByTable,
  direct: ReadonlyMap<string, ((row: DataRow) => boolean)[]>,
): RowsByTable {
  const current: RowsByTable = new Map(base);
  const filtered = new Set<string>();
  for (const [table, predicates] of direct) {
    const rows = base.get(table) ?? [];
    current.set(
      table,
      rows.filter((row) => predicates.every((predicate) => predicate(row))),
    );
    filtered.add(table);
  }
  let changed = filtered.size > 0;
  while (changed) {
    changed = false;
    for (const relationship of relationships) {
      for (const edge of directions(relationship)) {
        const source = edge.source.toLowerCase();
        const target = edge.target.toLowerCase();
        if (!filtered.has(source)) continue;
        const keys = new Set((current.get(source) ?? []).map((row) => groupKey(row[edge.sourceColumn] ?? null)));
        const before = current.get(target) ?? [];
        const after = before.filter((row) => keys.has(groupKey(row[edge.targetColumn] ?? null)));
        if (after.length !== before.length || !filtered.has(target)) {
          changed = changed || after.length !== before.length || !filtered.has(target);
          current.set(target, after);
          filtered.add(target);
        }
      }
    }
  }
  return current;
}
