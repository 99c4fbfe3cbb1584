import { compare, daxEquals } from '../dax/values';
import type { DataRow, Scalar, SemanticModel } from '../model/types';

/** A row predicate on one model table. */
type Predicate = (row: DataRow) => boolean;

/** A filter the page cannot apply (the SDK's `setFilters` then rejects, as Power BI answers 400). */
export class FilterError extends Error {}

/** powerbi-models `FilterType`: the two kinds the emulator applies. */
const filterType = { advanced: 0, basic: 1 } as const;

interface Target {
  table?: string;
  column?: string;
}

interface Condition {
  operator?: string;
  value?: Scalar;
}

/** The subset of powerbi-models `IBasicFilter` / `IAdvancedFilter` the page reads. */
interface FilterLike {
  filterType?: number;
  target?: Target;
  operator?: string;
  values?: Scalar[];
  logicalOperator?: 'And' | 'Or';
  conditions?: Condition[];
}

/** DAX comparison semantics, but a type mismatch (text vs number) just does not match. */
function safe(test: () => boolean): boolean {
  try {
    return test();
  } catch {
    return false;
  }
}

function text(value: Scalar | undefined): string {
  return value === null || value === undefined ? '' : String(value).toLowerCase();
}

/** One advanced-filter condition (operators of powerbi-models `AdvancedFilterConditionOperators`). */
function conditionTest(condition: Condition): (value: Scalar) => boolean {
  const expected = condition.value ?? null;
  switch (condition.operator) {
    case 'None':
      return () => true;
    case 'Is':
      return (value) => safe(() => daxEquals(value, expected));
    case 'IsNot':
      return (value) => !safe(() => daxEquals(value, expected));
    case 'LessThan':
      return (value) => safe(() => compare(value, expected) < 0);
    case 'LessThanOrEqual':
      return (value) => safe(() => compare(value, expected) <= 0);
    case 'GreaterThan':
      return (value) => safe(() => compare(value, expected) > 0);
    case 'GreaterThanOrEqual':
      return (value) => safe(() => compare(value, expected) >= 0);
    case 'Contains':
      return (value) => text(value).includes(text(expected));
    case 'DoesNotContain':
      return (value) => !text(value).includes(text(expected));
    case 'StartsWith':
      return (value) => text(value).startsWith(text(expected));
    case 'DoesNotStartWith':
      return (value) => !text(value).startsWith(text(expected));
    case 'IsBlank':
      return (value) => value === null || value === '';
    case 'IsNotBlank':
      return (value) => value !== null && value !== '';
    default:
      throw new FilterError(`Advanced filter operator ${String(condition.operator)} is not supported`);
  }
}

function valueTest(filter: FilterLike): (value: Scalar) => boolean {
  if (filter.filterType === filterType.basic) {
    const values = filter.values ?? [];
    switch (filter.operator) {
      case 'All':
        return () => true;
      case 'In':
        return (value) => values.some((candidate) => safe(() => daxEquals(value, candidate)));
      case 'NotIn':
        return (value) => !values.some((candidate) => safe(() => daxEquals(value, candidate)));
      default:
        throw new FilterError(`Basic filter operator ${String(filter.operator)} is not supported`);
    }
  }
  if (filter.filterType === filterType.advanced) {
    const tests = (filter.conditions ?? []).map(conditionTest);
    if (tests.length === 0 || tests.length > 2) throw new FilterError('An advanced filter needs one or two conditions');
    return filter.logicalOperator === 'Or' ? (value) => tests.some((test) => test(value)) : (value) => tests.every((test) => test(value));
  }
  throw new FilterError(`Filter type ${String(filter.filterType)} is not supported by the emulator (basic and advanced are)`);
}

/**
 * Turns report/page filters into row predicates per table (lower-case name), checked against
 * the model like the service does: an unknown table or column is an invalid filter. Like any
 * filter context, they then flow along relationships (see rls/propagate.ts).
 */
export function filterPredicates(model: SemanticModel, filters: readonly unknown[]): Map<string, Predicate[]> {
  const predicates = new Map<string, Predicate[]>();
  for (const raw of filters) {
    const filter = (raw ?? {}) as FilterLike;
    const tableName = filter.target?.table ?? '';
    const table = model.tables.find((candidate) => candidate.name.toLowerCase() === tableName.toLowerCase());
    const column = table?.columns.find((candidate) => candidate.name.toLowerCase() === (filter.target?.column ?? '').toLowerCase());
    if (!table || !column)
      throw new FilterError(`The filter target ${tableName}[${filter.target?.column ?? ''}] does not exist in the dataset`);
    const test = valueTest(filter);
    const key = table.name.toLowerCase();
    predicates.set(key, [...(predicates.get(key) ?? []), (row) => test(row[column.name] ?? null)]);
  }
  return predicates;
}
