import { invalidRequest, itemNotFound } from '../http/errors';
import type { Drive, DriveItemRecord } from '../model/drive';

/** What a drive-relative path asks for. */
export type DriveAction = 'item' | 'children' | 'content' | 'delta';

/** A request resolved to a drive, an item and an action (`delta` may carry a function-style token). */
export interface ResolvedRequest {
  drive: Drive;
  item: DriveItemRecord;
  action: DriveAction;
  /** `delta(token='…')` form; the query-string form is read from `?token=`. */
  deltaToken?: string;
}

function actionOf(segment: string | undefined): { action: DriveAction; deltaToken?: string } {
  if (!segment) return { action: 'item' };
  if (segment === '/children') return { action: 'children' };
  if (segment === '/content') return { action: 'content' };
  const delta = /^\/delta(?:\(token='([^']*)'\))?$/.exec(segment);
  if (delta) return { action: 'delta', ...(delta[1] !== undefined ? { deltaToken: delta[1] } : {}) };
  throw invalidRequest(`Resource not found for the segment '${segment.split('/')[1] ?? segment}'.`);
}

/**
 * Resolves `/drives/{drive-id}/root[…]`, `/drives/{drive-id}/root:/{path}[:/…]` and
 * `/drives/{drive-id}/items/{item-id}[/…]` (the part after `/v1.0`). Unknown drives, items and
 * paths are 404 itemNotFound.
 */
export function resolveDrivePath(pathname: string, drives: Map<string, Drive>): ResolvedRequest {
  const match = /^\/drives\/([^/]+)(\/.*)$/.exec(pathname);
  if (!match) throw invalidRequest(`Resource not found for the segment '${pathname.split('/')[1] ?? ''}'.`);
  const drive = drives.get(decodeURIComponent(match[1] ?? ''));
  if (!drive) throw itemNotFound('The drive could not be found.');
  const rest = match[2] ?? '';
  const byPath = /^\/root:(\/[^:]*?)(?::(\/.*)?)?$/.exec(rest);
  if (byPath) {
    const { action, deltaToken } = actionOf(byPath[2]);
    const item = drive.itemByPath(decodeURIComponent(byPath[1] ?? ''));
    if (!item) throw itemNotFound();
    return { drive, item, action, ...(deltaToken !== undefined ? { deltaToken } : {}) };
  }
  const root = /^\/root(\/.*)?$/.exec(rest);
  const byId = /^\/items\/([^/]+)(\/.*)?$/.exec(rest);
  const itemId = root ? drive.rootId : byId ? decodeURIComponent(byId[1] ?? '') : undefined;
  if (itemId === undefined) throw invalidRequest(`Resource not found for the segment '${rest.split('/')[1] ?? ''}'.`);
  const item = itemId === 'root' ? drive.item(drive.rootId) : drive.item(itemId);
  if (!item) throw itemNotFound();
  const { action, deltaToken } = actionOf(root ? root[1] : byId?.[2]);
  return { drive, item, action, ...(deltaToken !== undefined ? { deltaToken } : {}) };
}
