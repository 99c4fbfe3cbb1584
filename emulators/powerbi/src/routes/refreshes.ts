import { entityNotFound, invalidRequest } from '../http/errors';
import type { DatasetState, EnhancedOptions, RefreshRecord } from '../model/types';
import { odataContext } from '../model/views';
import { refreshDetailView, refreshView } from '../refresh/views';
import { datasetOf, now, ok, principal, type HandlerContext, type Handler } from './context';

/** The body of POST refreshes (swagger `DatasetRefreshRequest` plus the documented `timeout`). */
interface RefreshRequestBody extends Partial<Omit<EnhancedOptions, 'objects'>> {
  notifyOption?: 'NoNotification' | 'MailOnFailure' | 'MailOnCompletion';
  objects?: { table: string; partition?: string }[];
}

/** Observed texts (NOTES §1); the quota error's status and code are unverified (400 InvalidRequest assumed). */
const concurrentMessage = 'Invalid dataset refresh request. Another refresh request is already executing';
const quotaMessage = 'Invalid dataset refresh request. Number of refresh requests in last 24 hours exceeded limit';

/** Any body field besides notifyOption makes the request an enhanced refresh (NOTES §1). */
function enhancedOptions(dataset: DatasetState, body: RefreshRequestBody, shared: boolean): EnhancedOptions | undefined {
  const keys = Object.keys(body).filter((key) => key !== 'notifyOption');
  if (keys.length === 0) return undefined;
  if (shared) throw invalidRequest('Enhanced refresh is not supported for datasets on shared capacity; only notifyOption can be specified');
  if (body.notifyOption !== undefined) throw invalidRequest('notifyOption must be excluded from an enhanced refresh request');
  const objects = body.objects ?? [];
  for (const object of objects) {
    if (!dataset.model.tables.some((table) => table.name.toLowerCase() === object.table.toLowerCase()))
      throw invalidRequest(`Table '${object.table}' does not exist in the dataset`);
  }
  return {
    type: body.type ?? 'Automatic',
    commitMode: body.commitMode ?? 'Transactional',
    maxParallelism: body.maxParallelism ?? 10,
    retryCount: body.retryCount ?? 0,
    objects,
    applyRefreshPolicy: body.applyRefreshPolicy ?? true,
    ...(body.effectiveDate ? { effectiveDate: body.effectiveDate } : {}),
    ...(body.timeout ? { timeout: body.timeout } : {}),
  };
}

function refreshUrl(context: HandlerContext, refreshId: string): string {
  const group = context.params.groupId ? `groups/${context.params.groupId}/` : '';
  return `${context.links.apiOrigin}/v1.0/myorg/${group}datasets/${context.params.datasetId}/refreshes/${refreshId}`;
}

/**
 * POST refreshes → 202. One refresh at a time (400, NOTES §1), 8 per 24 h on shared capacity.
 * The refresh's requestId is this request's RequestId; enhanced refreshes also get
 * `x-ms-request-id` and `Location` (documented only for them).
 */
export const triggerRefresh: Handler = (context) => {
  const { dataset } = datasetOf(context, 'write');
  const { state, engine } = context.services;
  if (dataset.kind !== 'import') throw invalidRequest('The dataset is not refreshable');
  const body = (context.body ?? {}) as RefreshRequestBody;
  const enhanced = enhancedOptions(dataset, body, state.isShared(dataset));
  if (!enhanced && principal(context).kind === 'app' && body.notifyOption && body.notifyOption !== 'NoNotification') {
    throw invalidRequest('Service principals can only use notifyOption NoNotification');
  }
  const at = now(context);
  if (engine.current(dataset)) throw invalidRequest(concurrentMessage);
  if (!engine.quotaAllows(dataset, at)) throw invalidRequest(quotaMessage);
  const refresh = engine.start(dataset, enhanced ? 'ViaEnhancedApi' : 'ViaApi', at, {
    requestId: context.requestId,
    ...(enhanced ? { enhanced } : {}),
  });
  const headers: Record<string, string> = enhanced
    ? { 'x-ms-request-id': refresh.requestId, Location: refreshUrl(context, refresh.requestId) }
    : {};
  return { status: 202, headers };
};

/** GET refreshes[?$top=N]: newest first, at most the 60 kept. */
export const getRefreshHistory: Handler = (context) => {
  const { dataset } = datasetOf(context, 'read');
  const topText = context.query.get('$top');
  const top = topText === null ? undefined : Number(topText);
  if (top !== undefined && (!Number.isInteger(top) || top < 1)) throw invalidRequest('$top must be a positive integer');
  const at = now(context);
  const value = dataset.history.slice(0, top).map((refresh) => refreshView(refresh, at));
  return ok({ '@odata.context': odataContext(context.links, 'refreshes'), value });
};

/** Execution details and cancel exist only for enhanced refreshes (NOTES §1); others are 404. */
function enhancedRefresh(dataset: DatasetState, refreshId: string): RefreshRecord {
  const refresh = dataset.history.find((item) => item.requestId.toLowerCase() === refreshId.toLowerCase());
  if (!refresh?.enhanced) throw entityNotFound();
  return refresh;
}

/** GET refreshes/{id}: 202 while running, 200 when done. */
export const getRefreshDetails: Handler = (context) => {
  const { dataset } = datasetOf(context, 'read');
  const refresh = enhancedRefresh(dataset, context.params.refreshId ?? '');
  return { status: refresh.status === 'Unknown' ? 202 : 200, body: refreshDetailView(dataset, refresh, now(context)) };
};

/** DELETE refreshes/{id}: cancels a running enhanced refresh (a finished one cannot be cancelled). */
export const cancelRefresh: Handler = (context) => {
  const { dataset } = datasetOf(context, 'write');
  const refresh = enhancedRefresh(dataset, context.params.refreshId ?? '');
  if (refresh.status !== 'Unknown') throw invalidRequest('The refresh operation is not in progress and cannot be cancelled');
  context.services.engine.cancel(dataset, refresh);
  return ok();
};
