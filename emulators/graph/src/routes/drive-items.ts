import { invalidRequest, resyncRequired } from '../http/errors';
import type { DownloadLinks } from '../model/download-links';
import type { Drive, DriveItemRecord } from '../model/drive';
import { deletedItemView, driveItemView, selectProperties } from '../model/views';
import { decodeToken, encodeToken, linkWith, pageSizeOf, selectOf } from './paging';
import type { ResolvedRequest } from './resolve';

/** A handler's answer. */
export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What the handlers need from the request. */
export interface RouteContext {
  url: URL;
  /** `http://host:port` the client called: links point back at it. */
  origin: string;
  downloads: DownloadLinks;
}

const graphContext = 'https://graph.microsoft.com/v1.0/$metadata';

function downloadUrl(context: RouteContext, drive: Drive, item: DriveItemRecord): string | undefined {
  return item.kind === 'file' ? context.downloads.url(context.origin, item.uniqueId, { driveId: drive.id, itemId: item.id }) : undefined;
}

/** `GET …/items/{id}` and `…/root:/{path}` (https://learn.microsoft.com/graph/api/driveitem-get). */
export function getItem({ drive, item }: ResolvedRequest, context: RouteContext): RouteResult {
  const view = driveItemView(drive, item, downloadUrl(context, drive, item));
  return {
    status: 200,
    body: {
      '@odata.context': `${graphContext}#drives('${drive.id}')/items/$entity`,
      ...selectProperties(view, selectOf(context.url.searchParams)),
    },
  };
}

interface ChildrenToken {
  offset: number;
}

const isChildrenToken = (value: unknown): value is ChildrenToken => Number.isInteger((value as ChildrenToken | undefined)?.offset);

/** `GET …/children` with `$top` and `@odata.nextLink` (https://learn.microsoft.com/graph/api/driveitem-list-children). */
export function listChildren({ drive, item }: ResolvedRequest, context: RouteContext): RouteResult {
  if (item.kind !== 'folder') throw invalidRequest('The item is not a folder.');
  const params = context.url.searchParams;
  const size = pageSizeOf(params);
  const skip = params.get('$skiptoken');
  const offset = skip === null ? 0 : decodeToken(skip, isChildrenToken).offset;
  const children = drive.children(item.id);
  const page = children.slice(offset, offset + size);
  const select = selectOf(params);
  const body: Record<string, unknown> = {
    '@odata.context': `${graphContext}#drives('${drive.id}')/items('${item.id}')/children`,
    value: page.map((child) => selectProperties(driveItemView(drive, child, downloadUrl(context, drive, child)), select)),
  };
  if (offset + size < children.length) {
    body['@odata.nextLink'] = linkWith(context.url, context.origin, context.url.pathname, {
      $skiptoken: encodeToken({ offset: offset + size }),
    });
  }
  return { status: 200, body };
}

/** `GET …/content`: 302 to the pre-authenticated download URL (https://learn.microsoft.com/graph/api/driveitem-get-content). */
export function downloadContent({ drive, item }: ResolvedRequest, context: RouteContext): RouteResult {
  if (item.kind !== 'file') throw invalidRequest('Only items with the file facet can be downloaded.');
  return { status: 302, headers: { Location: downloadUrl(context, drive, item) ?? '' } };
}

/** A delta position: changes after `after`, up to `upTo` (a nextLink) or up to whatever exists (a deltaLink). */
interface DeltaToken {
  epoch: number;
  folderId: string;
  after: number;
  upTo?: number;
  /** The first enumeration lists what exists; later rounds also list deletions. */
  initial: boolean;
}

const isDeltaToken = (value: unknown): value is DeltaToken => {
  const token = value as DeltaToken | undefined;
  return (
    typeof token?.epoch === 'number' &&
    typeof token.folderId === 'string' &&
    typeof token.after === 'number' &&
    typeof token.initial === 'boolean'
  );
};

/**
 * `GET …/delta` (https://learn.microsoft.com/graph/api/driveitem-delta): pages of changed items
 * with `@odata.nextLink`, then `@odata.deltaLink`; a later call with the deltaLink returns only
 * what changed since, deleted items with the `deleted` facet. `token=latest` returns no items and
 * a deltaLink for the current state. Tokens from before an `expire-delta-tokens` are 410.
 */
export function delta(request: ResolvedRequest, context: RouteContext): RouteResult {
  const { drive, item } = request;
  if (item.kind !== 'folder') throw invalidRequest('Delta is only supported on folders.');
  const params = context.url.searchParams;
  const size = pageSizeOf(params);
  const raw = request.deltaToken ?? params.get('token');
  const deltaPath = context.url.pathname.replace(/\/delta\(token='[^']*'\)$/, '/delta');
  const linkTo = (token: DeltaToken) => linkWith(context.url, context.origin, deltaPath, { token: encodeToken(token) });
  const contextUrl = `${graphContext}#Collection(driveItem)`;
  if (raw === 'latest') {
    const latest: DeltaToken = { epoch: drive.epoch, folderId: item.id, after: drive.latestSequence, initial: false };
    return { status: 200, body: { '@odata.context': contextUrl, value: [], '@odata.deltaLink': linkTo(latest) } };
  }
  const position: DeltaToken = raw ? decodeToken(raw, isDeltaToken) : { epoch: drive.epoch, folderId: item.id, after: 0, initial: true };
  if (position.epoch !== drive.epoch) throw resyncRequired();
  if (position.folderId !== item.id) throw invalidRequest('The token was issued for another folder.');
  const upTo = position.upTo ?? drive.latestSequence;
  const changes = drive.changes(item.id, position.after, upTo, !position.initial);
  const page = changes.slice(0, size);
  const select = selectOf(params);
  const value = page.map((change) =>
    change.deleted
      ? deletedItemView(drive, change)
      : selectProperties(driveItemView(drive, change, downloadUrl(context, drive, change)), select),
  );
  const body: Record<string, unknown> = { '@odata.context': contextUrl, value };
  const last = page.at(-1);
  if (changes.length > size && last) body['@odata.nextLink'] = linkTo({ ...position, after: last.sequence, upTo });
  else body['@odata.deltaLink'] = linkTo({ epoch: drive.epoch, folderId: item.id, after: upTo, initial: false });
  return { status: 200, body };
}
