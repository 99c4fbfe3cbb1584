import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, TokenRefused, type VerifiedCaller } from '../auth/bearer';
import type { RequestLog } from '../control/request-log';
import type { ForcedThrottle } from '../control/throttle';
import type { DownloadLinks } from '../model/download-links';
import type { Drive } from '../model/drive';
import { delta, downloadContent, getItem, listChildren, type RouteContext, type RouteResult } from '../routes/drive-items';
import { resolveDrivePath } from '../routes/resolve';
import { accessDenied, GraphError, invalidAuthenticationToken, methodNotAllowed, throttled } from './errors';
import { send } from './respond';

/** App roles that read any drive (the documented application permissions of the drive item APIs). */
export const tenantWideRoles: readonly string[] = ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'];

/** Delegated permissions that read files. */
const readScopes: readonly string[] = [
  'Files.Read',
  'Files.Read.All',
  'Files.ReadWrite',
  'Files.ReadWrite.All',
  'Sites.Read.All',
  'Sites.ReadWrite.All',
];

/** What the API handler needs. */
export interface GraphApiDeps {
  drives: Map<string, Drive>;
  verify: (token: string) => Promise<VerifiedCaller>;
  /** Apps granted the drives' site under `Sites.Selected` (lower-case app ids). */
  sitesSelectedApps: Set<string>;
  downloads: DownloadLinks;
  throttle: ForcedThrottle;
  log: RequestLog;
}

/** Checks the bearer token and its permissions the way Graph does (401 token problems, 403 permission problems). */
export async function authorize(header: string | undefined, deps: GraphApiDeps): Promise<VerifiedCaller> {
  const token = bearerToken(header);
  if (!token) throw invalidAuthenticationToken('Access token is empty.');
  let caller: VerifiedCaller;
  try {
    caller = await deps.verify(token);
  } catch (error) {
    if (!(error instanceof TokenRefused)) throw error;
    throw invalidAuthenticationToken(
      error.expired
        ? 'Lifetime validation failed, the token is expired.'
        : 'Access token validation failure. Invalid audience or signature.',
    );
  }
  if (caller.kind === 'app') {
    if (!caller.roles.length) throw invalidAuthenticationToken('Either scp or roles claim need to be present in the token.');
    if (caller.roles.some((role) => tenantWideRoles.includes(role))) return caller;
    if (caller.roles.includes('Sites.Selected') && deps.sitesSelectedApps.has(caller.appId)) return caller;
    throw accessDenied();
  }
  if (!caller.scopes.length) throw invalidAuthenticationToken('Either scp or roles claim need to be present in the token.');
  if (caller.scopes.some((scope) => readScopes.includes(scope))) return caller;
  throw accessDenied();
}

function route(pathname: string, deps: GraphApiDeps, context: RouteContext): RouteResult {
  const request = resolveDrivePath(pathname, deps.drives);
  switch (request.action) {
    case 'item':
      return getItem(request, context);
    case 'children':
      return listChildren(request, context);
    case 'content':
      return downloadContent(request, context);
    case 'delta':
      return delta(request, context);
  }
}

/** Serves `/v1.0/drives/…`: auth, forced throttling, the drive item routes, Graph's error body and request ids. */
export async function handleGraphApi(req: IncomingMessage, res: ServerResponse, url: URL, deps: GraphApiDeps): Promise<void> {
  const requestId = randomUUID();
  const clientHeader = req.headers['client-request-id'];
  const clientRequestId = (Array.isArray(clientHeader) ? clientHeader[0] : clientHeader) ?? requestId;
  const headers = { 'request-id': requestId, 'client-request-id': clientRequestId, 'OData-Version': '4.0' };
  let status = 500;
  let appId: string | undefined;
  let retryAfter: number | undefined;
  try {
    const caller = await authorize(req.headers.authorization, deps);
    appId = caller.appId;
    const wait = deps.throttle.check();
    if (wait !== undefined) throw throttled(wait);
    if (req.method !== 'GET') throw methodNotAllowed(req.method ?? '');
    const result = route(url.pathname.slice('/v1.0'.length), deps, {
      url,
      origin: `${url.protocol}//${url.host}`,
      downloads: deps.downloads,
    });
    status = result.status;
    send(res, result.status, result.body, { ...headers, ...result.headers });
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    status = error.status;
    retryAfter = error.headers['Retry-After'] ? Number(error.headers['Retry-After']) : undefined;
    send(res, error.status, error.body(requestId, clientRequestId), { ...headers, ...error.headers });
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

/** Serves a pre-authenticated download URL: the bytes, no bearer token (401 when the `tempauth` is forged or expired). */
export function handleDownload(res: ServerResponse, url: URL, deps: GraphApiDeps): void {
  const grant = deps.downloads.verify(url.searchParams.get('tempauth'));
  if (!grant) return send(res, 401, { error: { code: 'unauthenticated', message: 'The download link is invalid or has expired.' } });
  const item = deps.drives.get(grant.driveId)?.item(grant.itemId);
  if (!item?.content) return send(res, 404, { error: { code: 'itemNotFound', message: 'The resource could not be found.' } });
  res.writeHead(200, {
    'Content-Type': item.mimeType ?? 'application/octet-stream',
    'Content-Length': String(item.content.length),
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}`,
    ETag: `"{${item.uniqueId.toUpperCase()}},${item.version}"`,
  });
  res.end(item.content);
}
