import { querySyntaxError, unknownProperty } from '../http/errors';
import { filterProperties, FilterSyntaxError, matchesFilter, parseFilter, type FilterNode, type Scalar } from './filter';

/** The query options of a collection request, checked against the table's columns. */
export interface CollectionQuery {
  select?: string[];
  filter?: FilterNode;
  orderBy: { column: string; descending: boolean }[];
  top?: number;
  count: boolean;
  /** 1-based page number from `$skiptoken` (the paging cookie). */
  page: number;
}

/** Dataverse's default (and maximum) page size. */
export const maxPageSize = 5000;

const supported = new Set(['$select', '$filter', '$orderby', '$top', '$count', '$skiptoken']);

function checkColumn(column: string, columns: readonly string[], entityType: string): string {
  if (!columns.includes(column)) throw unknownProperty(column, entityType);
  return column;
}

/** The paging cookie Dataverse puts in `$skiptoken` (first and last key of the page); only `pagenumber` matters here. */
export function pagingCookie(page: number, firstId: string, lastId: string): string {
  const key = (id: string) => `{${id.toUpperCase()}}`;
  const inner = encodeURIComponent(`<cookie page="${page - 1}"><pb_storeid last="${key(lastId)}" first="${key(firstId)}" /></cookie>`);
  return `<cookie pagenumber="${page}" pagingcookie="${inner}" istracking="False" />`;
}

function pageOf(skiptoken: string | null): number {
  if (skiptoken === null) return 1;
  const match = /pagenumber="(\d+)"/.exec(skiptoken);
  if (!match) throw querySyntaxError(`The $skiptoken '${skiptoken}' is not valid.`);
  return Number(match[1]);
}

/** Reads `$select`, `$filter`, `$orderby`, `$top`, `$count`, `$skiptoken` (400 for the rest, and for unknown columns). */
export function parseCollectionQuery(params: URLSearchParams, columns: readonly string[], entityType: string): CollectionQuery {
  for (const key of params.keys()) {
    if (key.startsWith('$') && !supported.has(key)) throw querySyntaxError(`The query parameter ${key} is not supported`);
  }
  const select = params
    .get('$select')
    ?.split(',')
    .map((item) => checkColumn(item.trim(), columns, entityType));
  let filter: FilterNode | undefined;
  const filterText = params.get('$filter');
  if (filterText !== null) {
    try {
      filter = parseFilter(filterText);
    } catch (error) {
      if (error instanceof FilterSyntaxError) throw querySyntaxError(error.message);
      throw error;
    }
    for (const property of filterProperties(filter)) checkColumn(property, columns, entityType);
  }
  const orderBy = (params.get('$orderby') ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [column = '', direction = 'asc'] = item.split(/\s+/);
      if (direction !== 'asc' && direction !== 'desc') throw querySyntaxError(`Syntax error in $orderby '${item}'.`);
      return { column: checkColumn(column, columns, entityType), descending: direction === 'desc' };
    });
  const topText = params.get('$top');
  const top = topText === null ? undefined : Number(topText);
  if (top !== undefined && (!Number.isInteger(top) || top < 0))
    throw querySyntaxError(`Invalid value '${topText}' for $top query option found.`);
  return { select, filter, orderBy, top, count: params.get('$count') === 'true', page: pageOf(params.get('$skiptoken')) };
}

/** The `odata.maxpagesize` of a `Prefer` header (undefined when absent or not a positive integer). */
export function preferredPageSize(prefer: string | undefined): number | undefined {
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? '');
  const size = match ? Number(match[1]) : undefined;
  return size && size > 0 ? Math.min(size, maxPageSize) : undefined;
}

function compareValues(a: Scalar, b: Scalar): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return typeof a === 'string' && typeof b === 'string' ? a.localeCompare(b) : Number(a) - Number(b);
}

/** Filters and orders rows, then cuts the requested page; `more` says whether another page follows. */
export function runQuery<T>(rows: T[], query: CollectionQuery, pageSize: number): { page: T[]; total: number; more: boolean } {
  const values = (row: T) => row as unknown as Record<string, Scalar>;
  let matched = query.filter ? rows.filter((row) => matchesFilter(query.filter as FilterNode, values(row))) : [...rows];
  if (query.orderBy.length) {
    matched.sort((a, b) => {
      for (const { column, descending } of query.orderBy) {
        const order = compareValues(values(a)[column] ?? null, values(b)[column] ?? null);
        if (order) return descending ? -order : order;
      }
      return 0;
    });
  }
  if (query.top !== undefined) matched = matched.slice(0, query.top);
  const start = (query.page - 1) * pageSize;
  return { page: matched.slice(start, start + pageSize), total: matched.length, more: start + pageSize < matched.length };
}
