import type { DataRow, ModelRelationship, ModelTable, Scalar } from '../model/types';
import { applyFilters, type RowsByTable } from '../rls/propagate';
import { DaxError } from './errors';

/** A result column: `Table[Col]` when it has a table, `[Name]` when it was created in the query. */
export interface Column {
  table?: string;
  name: string;
}

/** A table value; `source` is set when its rows are rows of one model table (so it can act as a filter). */
export interface TableValue {
  columns: Column[];
  rows: Scalar[][];
  source?: { table: string; rows: DataRow[] };
}

/** A row context (the current row of an iteration). */
export interface Frame {
  columns: Column[];
  values: Scalar[];
}

/** A row predicate on one model table. */
export type Predicate = (row: DataRow) => boolean;

/** The model as a query sees it: definitions, relationships, and the rows RLS lets the caller see. */
export interface ModelView {
  tables: readonly ModelTable[];
  relationships: readonly ModelRelationship[];
  visible: RowsByTable;
}

/**
 * Evaluation context: the filter context (direct filters, propagated lazily along relationships,
 * plus per-table overrides for grouping) and the stack of row contexts.
 */
export class Scope {
  private cache?: RowsByTable;

  constructor(
    readonly model: ModelView,
    readonly username: string,
    private readonly direct: ReadonlyMap<string, Predicate[]> = new Map(),
    private readonly overrides: ReadonlyMap<string, DataRow[]> = new Map(),
    readonly frames: readonly Frame[] = [],
  ) {}

  /** A model table's definition; unknown names are the engine's "Cannot find table" error. */
  table(name: string): ModelTable {
    const table = this.model.tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!table) throw new DaxError(`Cannot find table '${name}'.`);
    return table;
  }

  /** Rows of a model table in the current filter context. */
  rows(tableName: string): DataRow[] {
    const key = this.table(tableName).name.toLowerCase();
    const override = this.overrides.get(key);
    if (override) return override;
    this.cache ??= this.direct.size ? applyFilters(this.model.relationships, this.model.visible, this.direct) : this.model.visible;
    return this.cache.get(key) ?? [];
  }

  /** Rows RLS allows, ignoring query filters (ALL). */
  visibleRows(tableName: string): DataRow[] {
    return this.model.visible.get(this.table(tableName).name.toLowerCase()) ?? [];
  }

  /** A scope with more filters (intersected with the current ones). */
  withFilters(extra: ReadonlyMap<string, Predicate[]>): Scope {
    if (extra.size === 0) return this;
    const merged = new Map(this.direct);
    for (const [table, predicates] of extra) merged.set(table, [...(merged.get(table) ?? []), ...predicates]);
    return new Scope(this.model, this.username, merged, this.overrides, this.frames);
  }

  /** A scope where one table's rows are fixed (a SUMMARIZECOLUMNS group that affects no other table). */
  withRows(tableName: string, rows: DataRow[]): Scope {
    const overrides = new Map(this.overrides);
    overrides.set(this.table(tableName).name.toLowerCase(), rows);
    return new Scope(this.model, this.username, this.direct, overrides, this.frames);
  }

  /** A scope with one more row context. */
  withFrame(frame: Frame): Scope {
    const scope = new Scope(this.model, this.username, this.direct, this.overrides, [...this.frames, frame]);
    scope.cache = this.cache;
    return scope;
  }
}

/** The table value of a model table's rows. */
export function tableValue(table: ModelTable, rows: DataRow[]): TableValue {
  const columns = table.columns.map((column) => ({ table: table.name, name: column.name }));
  return { columns, rows: rows.map((row) => columns.map((column) => row[column.name] ?? null)), source: { table: table.name, rows } };
}

/** The row context of one model row. */
export function frameOf(table: ModelTable, row: DataRow): Frame {
  return {
    columns: table.columns.map((column) => ({ table: table.name, name: column.name })),
    values: table.columns.map((column) => row[column.name] ?? null),
  };
}
