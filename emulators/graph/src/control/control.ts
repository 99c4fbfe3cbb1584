import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJson, send } from '../http/respond';
import type { Drive } from '../model/drive';
import { driveItemView } from '../model/views';
import type { RequestLog } from './request-log';
import type { ForcedThrottle, ThrottleRule } from './throttle';

/** What the control API changes. */
export interface ControlDeps {
  drives: Map<string, Drive>;
  throttle: ForcedThrottle;
  log: RequestLog;
  sitesSelectedApps: Set<string>;
  reset(seed: boolean): Promise<void>;
}

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function isThrottleRule(value: unknown): value is ThrottleRule {
  const rule = value as ThrottleRule | undefined;
  return (
    Number.isInteger(rule?.retryAfterSeconds) &&
    (rule?.retryAfterSeconds ?? 0) > 0 &&
    (rule?.afterRequests === undefined || (Number.isInteger(rule.afterRequests) && rule.afterRequests >= 0))
  );
}

async function fileRoute(req: IncomingMessage, res: ServerResponse, drive: Drive, path: string): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'PUT') {
    const type = req.headers['content-type'] ?? 'application/octet-stream';
    try {
      const item = drive.putFile(path, await readBytes(req), type);
      return send(res, 200, driveItemView(drive, item));
    } catch (error) {
      return send(res, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  }
  const item = drive.itemByPath(path);
  if (!item) return send(res, 404, { error: `Nothing at ${path}` });
  if (method === 'DELETE') {
    drive.delete(item.id);
    return send(res, 204, undefined);
  }
  return send(res, 200, driveItemView(drive, item));
}

/**
 * `/_emulator/…` (no auth; loopback only): `GET health`, `POST reset {seed?: 'sample'|'empty'}`,
 * `GET drives`, `PUT|GET|DELETE drives/<drive id>/root:/<path>` (put, change, delete a file; PUT's
 * body is the file, its Content-Type the mime type), `POST drives/<drive id>/expire-delta-tokens`,
 * `GET|POST|DELETE throttle {retryAfterSeconds, afterRequests?}`, `GET|DELETE requests`,
 * `GET|PUT sites-selected {appIds}` (apps granted the drives' site under Sites.Selected).
 */
export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, deps: ControlDeps): Promise<void> {
  const path = decodeURIComponent(url.pathname.replace(/^\/_emulator\//, ''));
  const method = req.method ?? 'GET';
  if (path === 'health') return send(res, 200, { status: 'ok', drives: deps.drives.size });
  if (path === 'reset' && method === 'POST') {
    const body = (await readJson(req)) as { seed?: string } | undefined;
    await deps.reset(body?.seed !== 'empty');
    return send(res, 200, { drives: [...deps.drives.keys()] });
  }
  if (path === 'drives')
    return send(res, 200, { value: [...deps.drives.values()].map((drive) => ({ id: drive.id, name: drive.name, webUrl: drive.webUrl })) });
  const driveRoute = /^drives\/([^/]+)\/(?:root:(\/.+)|(expire-delta-tokens))$/.exec(path);
  if (driveRoute) {
    const drive = deps.drives.get(driveRoute[1] ?? '');
    if (!drive) return send(res, 404, { error: `No drive ${driveRoute[1]}` });
    if (driveRoute[3] && method === 'POST') {
      drive.epoch += 1;
      return send(res, 200, { epoch: drive.epoch });
    }
    if (driveRoute[2]) return fileRoute(req, res, drive, driveRoute[2]);
  }
  if (path === 'throttle') {
    if (method === 'GET') return send(res, 200, deps.throttle.describe());
    if (method === 'DELETE') {
      deps.throttle.set(undefined);
      return send(res, 204, undefined);
    }
    const rule = await readJson(req);
    if (method !== 'POST' || !isThrottleRule(rule))
      return send(res, 400, { error: 'POST { retryAfterSeconds: positive integer, afterRequests?: integer >= 0 }' });
    deps.throttle.set(rule);
    return send(res, 200, deps.throttle.describe());
  }
  if (path === 'requests') {
    if (method === 'DELETE') {
      deps.log.clear();
      return send(res, 204, undefined);
    }
    return send(res, 200, { value: deps.log.list() });
  }
  if (path === 'sites-selected') {
    if (method === 'PUT') {
      const body = (await readJson(req)) as { appIds?: unknown } | undefined;
      if (!Array.isArray(body?.appIds)) return send(res, 400, { error: 'PUT { appIds: string[] }' });
      deps.sitesSelectedApps.clear();
      for (const id of body.appIds) deps.sitesSelectedApps.add(String(id).toLowerCase());
    }
    return send(res, 200, { appIds: [...deps.sitesSelectedApps] });
  }
  return send(res, 404, { error: `No control route ${method} /_emulator/${path}` });
}
