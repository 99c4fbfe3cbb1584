import type { HttpRequest, InvocationContext } from '@azure/functions';
import type { Access } from '../access/guard';
import type { EffectiveScope } from '@planboard/server';
import { config } from '../config';
import { ApiError, badRequest, notFound } from '../errors';
import { refreshReportModel } from '../reports/refresh-model';
import { getServices } from '../services';
import type { StoredDefinition } from './store';
import type { WriteContext } from './write';

/** What the KPI routes call things in their 404s (the same text whether or not the scope exists). */
export const thisKpi = 'This KPI';
export const thisDepartment = 'This department';

/** The scope as a department, or 400: KPIs belong to departments only. */
export function requireDepartment(scope: EffectiveScope): EffectiveScope {
  if (scope.type !== 'department') {
    const kind = scope.type === 'businessUnit' ? 'a business unit' : 'a store';
    throw badRequest(`KPIs belong to departments; ${scope.name} is ${kind}.`);
  }
  return scope;
}

/** The KPI's definition, or the same 404 as for a department the caller cannot read. */
export async function requireKpi(departmentId: string, kpiId: string): Promise<StoredDefinition> {
  const stored = await getServices().kpis.getDefinition(departmentId, kpiId);
  if (!stored) throw notFound(`${thisKpi} was not found.`);
  return stored;
}

/** RFC 9110 `entity-tag`: optional `W/`, then a quoted string of etagc (no `"`, no controls, no spaces). */
const entityTag = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

/**
 * The `If-Match` of a definition's update or delete, which is required (optimistic concurrency:
 * without it two editors silently overwrite each other). Missing: 428. It must be `*` or one
 * entity tag as the API sent it (the detail's `etag`, also its `ETag` header): an empty value, a
 * list or anything unparseable is a 400 (never passed to storage, which would fail with a 500).
 */
export function ifMatch(request: HttpRequest): string {
  const raw = request.headers.get('if-match');
  if (raw === null) {
    throw new ApiError(
      428,
      'PreconditionRequired',
      'Changing or deleting a KPI needs an If-Match header with the etag this KPI was loaded with. Reload it and try again.',
      [{ path: 'if-match', message: 'required: the etag of GET /api/kpis/{departmentId}/{kpiId}' }],
    );
  }
  const value = raw.trim();
  if (value === '*' || entityTag.test(value)) return value;
  throw badRequest('If-Match must be "*" or the one ETag this KPI was loaded with.', [
    { path: 'if-match', message: value.includes(',') ? 'send a single ETag, not a list' : 'not an entity tag' },
  ]);
}

/** 412 unless `If-Match` names the definition's current ETag (or is `*`); storage then re-checks it atomically. */
export function requireCurrent(stored: StoredDefinition, expected: string): void {
  if (expected === '*' || expected === stored.etag) return;
  throw preconditionFailed();
}

/** The 412 of a KPI changed (or deleted and re-created) since the client loaded it. */
export const preconditionFailed = (): ApiError =>
  new ApiError(412, 'PreconditionFailed', 'Someone changed this KPI since you loaded it. Reload it and try again.');

/** Everything a data-point write needs from the request and the process. */
export function writeContext(access: Access, scope: EffectiveScope, context: InvocationContext): WriteContext {
  const { kpis, powerBi } = getServices();
  const settings = config();
  return {
    store: kpis,
    caller: access.caller,
    departmentName: scope.name,
    powerBi,
    pushTarget: { workspaceId: settings.KPI_PUSH_WORKSPACE_ID, datasetId: settings.KPI_PUSH_DATASET_ID },
    refreshModel: async () => (await refreshReportModel(powerBi, 'kpi', (message) => context.warn(message))) !== 'failed',
    warn: (message) => context.warn(message),
  };
}
