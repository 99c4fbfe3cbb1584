import { EmbedTokenError, type EmbedTokenClaims } from '../auth/embed-token';
import { DaxError, runQuery, type ModelView, type TableValue } from '../dax';
import type { DataRow, DatasetState, ReportState, Scalar } from '../model/types';
import { queryAccess } from '../query/access';
import { applyFilters } from '../rls/propagate';
import { visibleRows, type EffectiveAccess } from '../rls/rls';
import type { RunningPowerBiEmulator } from '../start';
import { reportPages, type PageDef, type VisualDef } from './definitions';
import { FilterError, filterPredicates } from './filters';

/** What the embed page asks for: one page of a report, with the token the host gave it. */
export interface RenderRequest {
  accessToken: string;
  reportId: string;
  groupId?: string;
  pageName?: string;
  /** Report-level filters (powerbi-models IFilter[]). */
  filters?: unknown[];
  /** Filters of the requested page. */
  pageFilters?: unknown[];
}

/** An `error` event body as powerbi-client delivers it (powerbi-models `IError`; `level` 6 = Fatal). */
export interface EmbedError {
  message: string;
  detailedMessage: string;
  errorCode: string;
  level: number;
}

/** A visual's result, ready to draw: header row, cells (already looked up), numeric flags. */
export interface VisualData {
  def: VisualDef;
  headers: string[];
  numeric: boolean[];
  rows: Scalar[][];
  totalRows: number;
  /** No rows because a table the visual reads holds none at all yet (not because of RLS or filters). */
  noDataYet: boolean;
  /** Set when the visual's query failed (drawn as "can't display this visual"). */
  error?: string;
}

/** One rendered page and what the page needs to speak the protocol (pages, expiry, identity). */
export interface PageData {
  report: { id: string; name: string; datasetId: string };
  pages: { name: string; displayName: string; visuals: { name: string; title: string; type: string }[] }[];
  page: PageDef;
  visuals: VisualData[];
  /** Token expiry, epoch ms: the page raises `TokenExpired` when it passes. */
  expiresAt: number;
  /** Whose rows these are ("everyone" when RLS does not apply). */
  viewer: { username?: string; roles: string[] };
}

/** Why a request was refused: an `error` event, or a bad filter (the SDK call is rejected). */
export type RenderOutcome = { ok: true; data: PageData } | { ok: false; kind: 'error' | 'filter'; error: EmbedError };

/** Rows the table visual draws at most (the page says when there are more). */
export const maxTableRows = 500;

const fatal = 6;
const failure = (message: string, detailedMessage: string, errorCode: string): RenderOutcome => ({
  ok: false,
  kind: 'error',
  error: { message, detailedMessage, errorCode, level: fatal },
});

/** The documented error bodies (embedded-troubleshoot): TokenExpired / LoadReportFailed. */
async function claimsOf(emulator: RunningPowerBiEmulator, token: string): Promise<EmbedTokenClaims | RenderOutcome> {
  try {
    return await emulator.verifyEmbedToken(token);
  } catch (error) {
    if (error instanceof EmbedTokenError && error.code === 'TokenExpired') return failure('TokenExpired', error.message, '403');
    return failure('LoadReportFailed', 'The embed token is not valid for this emulator (wrong signature or malformed)', '403');
  }
}

const keyOf = (column: { table?: string; name: string }) => (column.table ? `${column.table}[${column.name}]` : `[${column.name}]`);

function labels(visible: Map<string, DataRow[]>, table: string, key: string, label: string): Map<string, Scalar> {
  return new Map((visible.get(table.toLowerCase()) ?? []).map((row) => [String(row[key]).toLowerCase(), row[label] ?? null]));
}

/** Whether a table the query reads (`'Table'[…]`) is empty before any RLS or filter: the dataset has no data there yet. */
function readsEmptyTable(query: string, view: ModelView): boolean {
  const names = [...query.matchAll(/'([^']+)'\[/g)].map((match) => (match[1] ?? '').toLowerCase());
  return names.some((name) => view.tables.find((table) => table.name.toLowerCase() === name)?.rows.length === 0);
}

function visualData(def: VisualDef, view: ModelView, username: string): VisualData {
  const base = {
    def,
    headers: def.columns.map((column) => column.header),
    numeric: def.columns.map((column) => !!column.numeric),
    noDataYet: readsEmptyTable(def.query, view),
  };
  let table: TableValue;
  try {
    table = runQuery(def.query, view, username).table;
  } catch (error) {
    if (error instanceof DaxError) return { ...base, rows: [], totalRows: 0, error: error.message };
    throw error;
  }
  const index = new Map(table.columns.map((column, position) => [keyOf(column), position]));
  const lookups = def.columns.map((column) =>
    column.lookup ? labels(view.visible, column.lookup.table, column.lookup.key, column.lookup.label) : undefined,
  );
  const limit = def.type === 'tableEx' ? maxTableRows : table.rows.length;
  const rows = table.rows.slice(0, limit).map((row) =>
    def.columns.map((column, position) => {
      const value = row[index.get(column.key) ?? -1] ?? null;
      return lookups[position]?.get(String(value).toLowerCase()) ?? value;
    }),
  );
  return { ...base, rows, totalRows: table.rows.length };
}

function viewerOf(access: EffectiveAccess): PageData['viewer'] {
  return access.kind === 'roles' ? { username: access.username, roles: access.roles.map((role) => role.name) } : { roles: [] };
}

function pageList(pages: PageDef[]): PageData['pages'] {
  return pages.map((page) => ({
    name: page.name,
    displayName: page.displayName,
    visuals: page.visuals.map((visual) => ({ name: visual.name, title: visual.title, type: visual.type })),
  }));
}

function targetOf(
  emulator: RunningPowerBiEmulator,
  claims: EmbedTokenClaims,
  request: RenderRequest,
): { report: ReportState; dataset: DatasetState } | RenderOutcome {
  const report = emulator.state.report(request.reportId);
  if (!report || (request.groupId && request.groupId.toLowerCase() !== report.workspaceId))
    return failure('LoadReportFailed', 'Get report failed', '404');
  if (!claims.reports.some((item) => item.id === report.id))
    return failure('LoadReportFailed', 'The embed token does not grant access to this report', '403');
  const dataset = emulator.state.dataset(report.datasetId);
  if (!dataset || !claims.datasets.some((item) => item.id === dataset.id))
    return failure('LoadReportFailed', "The embed token does not grant access to the report's dataset", '403');
  return { report, dataset };
}

/**
 * Renders one page of a report for an embed token, with the rules executeQueries applies to
 * the same token (query/access.ts): the identity's roles for an RLS dataset, evaluated by the
 * RLS engine; report and page filters then narrow the rows and flow along relationships, and
 * every visual is a DAX query over what is left.
 */
export async function renderPage(emulator: RunningPowerBiEmulator, request: RenderRequest): Promise<RenderOutcome> {
  const claims = await claimsOf(emulator, request.accessToken);
  if ('ok' in claims) return claims;
  const target = targetOf(emulator, claims, request);
  if ('ok' in target) return target;
  const { report, dataset } = target;
  const caller = { kind: 'embed' as const, id: claims.tokenId, claims, expiresAt: claims.expiresAt };
  let access: EffectiveAccess;
  try {
    access = queryAccess(emulator.state, dataset, caller, undefined, false);
  } catch {
    return failure('LoadReportFailed', 'The effective identity has no access to this dataset', '401');
  }
  const pages = reportPages(dataset.model, report.pages);
  const page = pages.find((candidate) => candidate.name === request.pageName) ?? pages[0];
  if (!page) return failure('LoadReportFailed', 'The report has no pages', '404');
  const model = dataset.model;
  let visible = visibleRows(model, access);
  try {
    const predicates = filterPredicates(model, [...(request.filters ?? []), ...(request.pageFilters ?? [])]);
    if (predicates.size) visible = applyFilters(model.relationships, visible, predicates);
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    return { ok: false, kind: 'filter', error: { message: 'InvalidFilter', detailedMessage: error.message, errorCode: '400', level: 3 } };
  }
  const view: ModelView = { tables: model.tables, relationships: model.relationships, visible };
  const username = access.kind === 'roles' ? access.username : claims.issuedTo;
  return {
    ok: true,
    data: {
      report: { id: report.id, name: report.name, datasetId: dataset.id },
      pages: pageList(pages),
      page,
      visuals: page.visuals.map((visual) => visualData(visual, view, username)),
      expiresAt: claims.expiresAt * 1000,
      viewer: viewerOf(access),
    },
  };
}
