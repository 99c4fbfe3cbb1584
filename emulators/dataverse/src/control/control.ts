import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJson, send } from '../http/respond';
import type { StoreChange, StoreTable } from '../model/store-table';
import type { RequestLog } from './request-log';
import type { ForcedThrottle, ThrottleRule } from './throttle';

/** What the control API changes. */
export interface ControlDeps {
  table: StoreTable;
  throttle: ForcedThrottle;
  log: RequestLog;
  applicationUsers: Set<string>;
  reset(seed: boolean): void;
}

function isThrottleRule(value: unknown): value is ThrottleRule {
  const rule = value as ThrottleRule | undefined;
  return (
    typeof rule?.retryAfterSeconds === 'number' &&
    Number.isInteger(rule.retryAfterSeconds) &&
    rule.retryAfterSeconds > 0 &&
    (rule.afterRequests === undefined || (Number.isInteger(rule.afterRequests) && rule.afterRequests >= 0))
  );
}

/**
 * `/_emulator/…` (no auth; the emulator listens on loopback):
 * `GET health`, `POST reset {seed?: 'sample'|'empty'}`, `GET|PUT|DELETE stores/<number>`,
 * `GET|POST|DELETE throttle {retryAfterSeconds, afterRequests?}`, `GET|DELETE requests`,
 * `GET|PUT application-users {appIds}`.
 */
export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, deps: ControlDeps): Promise<void> {
  const path = url.pathname.replace(/^\/_emulator\//, '');
  const method = req.method ?? 'GET';
  const store = /^stores\/(\d{6})$/.exec(path)?.[1];
  if (path === 'health') return send(res, 200, { status: 'ok', stores: deps.table.all().length });
  if (path === 'reset' && method === 'POST') {
    const body = (await readJson(req)) as { seed?: string } | undefined;
    deps.reset(body?.seed !== 'empty');
    return send(res, 200, { stores: deps.table.all().length });
  }
  if (path === 'stores' && method === 'GET') return send(res, 200, { value: deps.table.all() });
  if (store && method === 'GET') {
    const row = deps.table.byNumber(store);
    return row ? send(res, 200, row) : send(res, 404, { error: `No store ${store}` });
  }
  if (store && (method === 'PUT' || method === 'PATCH'))
    return send(res, 200, deps.table.upsert(store, ((await readJson(req)) ?? {}) as StoreChange));
  if (store && method === 'DELETE')
    return deps.table.delete(store) ? send(res, 204, undefined) : send(res, 404, { error: `No store ${store}` });
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
  if (path === 'application-users') {
    if (method === 'PUT') {
      const body = (await readJson(req)) as { appIds?: unknown } | undefined;
      if (!Array.isArray(body?.appIds)) return send(res, 400, { error: 'PUT { appIds: string[] }' });
      deps.applicationUsers.clear();
      for (const id of body.appIds) deps.applicationUsers.add(String(id).toLowerCase());
    }
    return send(res, 200, { appIds: [...deps.applicationUsers] });
  }
  return send(res, 404, { error: `No control route ${method} /_emulator/${path}` });
}
