import { app } from '@azure/functions';
import { kpiDefinitionInputSchema, type KpiDashboard, type KpiSaved, type KpiSummary } from '@planboard/contracts';
import { conflict, notFound, validationFailed } from '../errors';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseJsonBody, parseParams } from '../http/validate';
import { departmentParams, kpiParams } from '../kpi/params';
import { ifMatch, preconditionFailed, requireCurrent, requireDepartment, requireKpi, thisDepartment, thisKpi } from '../kpi/routes';
import type { WriteOutcome } from '../kpi/store';
import { countStatuses, detail, summarize } from '../kpi/summary';
import { getServices } from '../services';

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'en');

/** 404 for a KPI that is gone, 412 for one changed since the client's `If-Match`. */
function checkOutcome<T>(outcome: T | Exclude<WriteOutcome, 'ok'>): T {
  if (outcome === 'missing') throw notFound(`${thisKpi} was not found.`);
  if (outcome === 'changed') throw preconditionFailed();
  return outcome as T;
}

/**
 * The version headers of a definition. App Service CORS (in Azure) replaces the app's own CORS
 * headers, so a browser on the tab's origin may not read `ETag` there: the body carries `etag` too.
 */
const versionHeaders = (etag: string) => ({ ETag: etag, 'Access-Control-Expose-Headers': 'ETag' });

/** Every department the caller can read, with its KPIs' status and trend (only those departments are read). */
app.http('kpiDashboard', {
  route: 'kpis',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    const { kpis } = getServices();
    const departments = await Promise.all(
      access.scopes
        .filter((scope) => scope.type === 'department')
        .map(async (scope) => {
          const definitions = await kpis.listDefinitions(scope.id);
          const summaries: KpiSummary[] = await Promise.all(
            definitions.map(async ({ kpi, etag }) => ({ ...summarize(kpi, await kpis.listPoints(scope.id, kpi.kpiId)), etag })),
          );
          return {
            departmentId: scope.id,
            name: scope.name,
            canEdit: access.can(scope.id, 'edit'),
            canManage: access.can(scope.id, 'approve'),
            counts: countStatuses(summaries),
            kpis: summaries.sort(byName),
          };
        }),
    );
    const body: KpiDashboard = { departments: departments.sort(byName) };
    return json(body);
  }),
});

/** One KPI and all its data points, newest first; its `etag` (body and header) serves `If-Match` on update and delete. */
app.http('kpiDetail', {
  route: 'kpis/{scopeId}/{kpiId}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { scopeId, kpiId } = parseParams(request, kpiParams);
    access.require(scopeId, 'read', thisKpi);
    const { kpi, etag } = await requireKpi(scopeId, kpiId);
    const points = await getServices().kpis.listPoints(scopeId, kpiId);
    return json(detail(kpi, points, etag), 200, versionHeaders(etag));
  }),
});

/** Defines a KPI in a department (approve). 409 if the id is taken there. */
app.http('kpiCreate', {
  route: 'kpis/{scopeId}',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { scopeId } = parseParams(request, departmentParams);
    const scope = requireDepartment(access.require(scopeId, 'approve', thisDepartment));
    const input = await parseJsonBody(request, kpiDefinitionInputSchema);
    const { kpis } = getServices();
    const taken = () =>
      conflict(`A KPI with the id ${input.kpiId} already exists in ${scope.name}.`, [{ path: 'kpiId', message: 'already in use' }]);
    if (await kpis.getDefinition(scopeId, input.kpiId)) throw taken();
    // Points left behind by an interrupted delete of a KPI with this id must not reappear under the new one.
    await kpis.deletePoints(scopeId, input.kpiId);
    const at = new Date().toISOString();
    const kpi = { ...input, departmentId: scopeId };
    const stamp = { createdBy: access.caller.upn, createdAt: at, updatedBy: access.caller.upn, updatedAt: at };
    const created = await kpis.createDefinition(kpi, stamp);
    if (!created) throw taken();
    const body: KpiSaved = { ...summarize(kpi, []), etag: created.etag };
    return json(body, 201, { Location: `/api/kpis/${scopeId}/${input.kpiId}`, ...versionHeaders(created.etag) });
  }),
});

/** Changes a KPI's definition (approve, If-Match required); its points are re-rated by the new rules. */
app.http('kpiUpdate', {
  route: 'kpis/{scopeId}/{kpiId}',
  methods: ['PUT'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { scopeId, kpiId } = parseParams(request, kpiParams);
    access.require(scopeId, 'approve', thisKpi);
    const expected = ifMatch(request);
    const current = await requireKpi(scopeId, kpiId);
    requireCurrent(current, expected);
    const input = await parseJsonBody(request, kpiDefinitionInputSchema);
    if (input.kpiId !== kpiId)
      throw validationFailed('The request body is invalid.', [{ path: 'kpiId', message: `must be ${kpiId}, the KPI in the address` }]);
    const { kpis } = getServices();
    const kpi = { ...input, departmentId: scopeId };
    const stamp = { ...current.stamp, updatedBy: access.caller.upn, updatedAt: new Date().toISOString() };
    const { etag } = checkOutcome(await kpis.replaceDefinition(kpi, stamp, expected));
    const body: KpiSaved = { ...summarize(kpi, await kpis.listPoints(scopeId, kpiId)), etag };
    return json(body, 200, versionHeaders(etag));
  }),
});

/**
 * Deletes a KPI and its data points (approve, If-Match required). The definition goes first, so the KPI disappears
 * at once; its points follow in ≤100-operation transactions (a create with the same id clears any
 * an interruption left behind). Rows already pushed to Power BI stay there: push datasets only append.
 */
app.http('kpiDelete', {
  route: 'kpis/{scopeId}/{kpiId}',
  methods: ['DELETE'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { scopeId, kpiId } = parseParams(request, kpiParams);
    access.require(scopeId, 'approve', thisKpi);
    const expected = ifMatch(request);
    requireCurrent(await requireKpi(scopeId, kpiId), expected);
    const { kpis } = getServices();
    checkOutcome(await kpis.deleteDefinition(scopeId, kpiId, expected));
    await kpis.deletePoints(scopeId, kpiId);
    return { status: 204, headers: { 'Cache-Control': 'no-store' } };
  }),
});
