import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, TokenRefused, type VerifiedCaller } from '../auth/bearer';
import type { ForcedThrottle } from '../control/throttle';
import type { RequestLog } from '../control/request-log';
import { projectRow, storeTable, type StoredRow, type StoreTable } from '../model/store-table';
import { maxPageSize, pagingCookie, parseCollectionQuery, preferredPageSize, runQuery } from '../odata/query';
import {
  DataverseError,
  delegatedNotSupported,
  methodNotAllowed,
  notAnApplicationUser,
  recordNotFound,
  segmentNotFound,
  serviceProtection,
  unauthorized,
} from './errors';
import { send } from './respond';

/** The Web API's path prefix. */
export const webApiPath = '/api/data/v9.2/';

/** What the Web API handler needs. */
export interface WebApiDeps {
  table: StoreTable;
  verify: (token: string) => Promise<VerifiedCaller>;
  /** The environment URL (token audience, `resource_id` of the challenge). */
  environmentUrl: string;
  /** The tenant's authority for the 401 challenge. */
  authority: string;
  /** App ids registered as application users (lower case). */
  applicationUsers: Set<string>;
  throttle: ForcedThrottle;
  log: RequestLog;
}

const odataJson = 'application/json; odata.metadata=minimal';

async function authenticate(req: IncomingMessage, deps: WebApiDeps): Promise<VerifiedCaller> {
  const token = bearerToken(req.headers.authorization);
  if (!token) throw unauthorized(deps.authority, deps.environmentUrl);
  let caller: VerifiedCaller;
  try {
    caller = await deps.verify(token);
  } catch (error) {
    if (error instanceof TokenRefused) throw unauthorized(deps.authority, deps.environmentUrl);
    throw error;
  }
  if (caller.kind !== 'app') throw delegatedNotSupported();
  if (!deps.applicationUsers.has(caller.appId)) throw notAnApplicationUser(caller.appId);
  return caller;
}

function contextUrl(base: string, select: string[] | undefined, entity = false): string {
  const columns = select ? `(${[...new Set([...select, storeTable.primaryKey])].join(',')})` : '';
  return `${base}${webApiPath}$metadata#${storeTable.entitySet}${columns}${entity ? '/$entity' : ''}`;
}

function readCollection(
  req: IncomingMessage,
  url: URL,
  deps: WebApiDeps,
  base: string,
): { body: unknown; headers: Record<string, string> } {
  const query = parseCollectionQuery(url.searchParams, storeTable.columns, storeTable.entityType);
  const preferred = preferredPageSize([req.headers.prefer ?? []].flat().join(','));
  const pageSize = preferred ?? maxPageSize;
  const { page, total, more } = runQuery(deps.table.all(), query, pageSize);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(base, query.select) };
  if (query.count) body['@odata.count'] = total;
  body.value = page.map((row) => projectRow(row, query.select));
  if (more) {
    const next = new URL(`${base}${url.pathname}`);
    for (const [key, value] of url.searchParams) if (key !== '$skiptoken') next.searchParams.append(key, value);
    next.searchParams.set('$skiptoken', pagingCookie(query.page + 1, page[0]?.pb_storeid ?? '', page.at(-1)?.pb_storeid ?? ''));
    body['@odata.nextLink'] = next.toString();
  }
  return { body, headers: preferred ? { 'Preference-Applied': `odata.maxpagesize=${preferred}` } : {} };
}

function readRecord(key: string, url: URL, deps: WebApiDeps, base: string): unknown {
  const alternate = /^pb_storenumber='(\d{6})'$/.exec(key);
  const row: StoredRow | undefined = alternate ? deps.table.byNumber(alternate[1] ?? '') : deps.table.byId(key);
  if (!row) throw recordNotFound(storeTable.entityType, key);
  const query = parseCollectionQuery(url.searchParams, storeTable.columns, storeTable.entityType);
  return { '@odata.context': contextUrl(base, query.select, true), ...projectRow(row, query.select) };
}

/** Serves `GET /api/data/v9.2/pb_stores[(<id>)]` with auth, service protection and Dataverse's error bodies. */
export async function handleWebApi(req: IncomingMessage, res: ServerResponse, url: URL, deps: WebApiDeps): Promise<void> {
  const requestId = randomUUID();
  const headers: Record<string, string> = { 'OData-Version': '4.0', REQ_ID: requestId, 'x-ms-service-request-id': requestId };
  const base = `${url.protocol}//${url.host}`;
  let appId: string | undefined;
  let status = 200;
  let retryAfter: number | undefined;
  try {
    const caller = await authenticate(req, deps);
    appId = caller.appId;
    const wait = deps.throttle.check();
    if (wait !== undefined) throw serviceProtection(wait);
    if (req.method !== 'GET') throw methodNotAllowed(req.method ?? '');
    const segment = decodeURIComponent(url.pathname.slice(webApiPath.length));
    const match = /^([A-Za-z_]\w*)(?:\((.+)\))?$/.exec(segment);
    if (!match || match[1] !== storeTable.entitySet) throw segmentNotFound(match?.[1] ?? segment);
    if (match[2] !== undefined) {
      send(res, 200, readRecord(match[2], url, deps, base), headers, odataJson);
    } else {
      const { body, headers: extra } = readCollection(req, url, deps, base);
      send(res, 200, body, { ...headers, ...extra }, odataJson);
    }
  } catch (error) {
    if (!(error instanceof DataverseError)) {
      status = 500;
      throw error;
    }
    status = error.status;
    retryAfter = error.headers['Retry-After'] ? Number(error.headers['Retry-After']) : undefined;
    send(res, error.status, error.body, { ...headers, ...error.headers });
  } finally {
    deps.log.add({
      at: new Date().toISOString(),
      method: req.method ?? '',
      url: `${url.pathname}${url.search}`,
      status,
      ...(appId ? { appId } : {}),
      ...(retryAfter ? { retryAfter } : {}),
    });
  }
}
