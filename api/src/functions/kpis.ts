import { app } from '@azure/functions';
import { kpiDefinitionInputSchema, type KpiDashboard, type KpiSummary } from '@planboard/contracts';
import { ApiError, conflict, notFound, validationFailed } from '../errors';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseJsonBody, parseParams } from '../http/validate';
import { departmentParams, kpiParams } from '../kpi/params';
import { ifMatch, requireCurrent, requireDepartment, requireKpi, thisDepartment, thisKpi } from '../kpi/routes';
import type { WriteOutcome } from '../kpi/store';
import { countStatuses, detail, summarize } from '../kpi/summary';
import { getServices } from '../services';

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'en');

/** 404 for a KPI that is gone, 412 for one changed since the client's `If-Match`. */
function checkOutcome(outcome: WriteOutcome): void {
  if (outcome === 'missing') throw notFound(`${thisKpi} was not found.`);
  if (outcome === 'changed')
    throw new ApiError(412, 'PreconditionFailed', 'Someone changed this KPI since you loaded it. Reload it and try again.');
}

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
            definitions.map(async ({ kpi }) => summarize(kpi, await kpis.listPoints(scope.id, kpi.kpiId))),
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

/** One KPI and all its data points, newest first; the ETag serves `If-Match` on update and delete. */
app.http('kpiDetail', {
  route: 'kpis/{scopeId}/{kpiId}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { scopeId, kpiId } = parseParams(request, kpiParams);
    access.require(scopeId, 'read', thisKpi);
    const { kpi, etag } = await requireKpi(scopeId, kpiId);
    const points = await getServices().kpis.listPoints(scopeId, kpiId);
    // In Azure the tab is another origin: a browser lets it read the ETag only when it is exposed.
    return json(detail(kpi, points), 200, { ETag: etag, 'Access-Control-Expose-Headers': 'ETag' });
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
    if (!(await kpis.createDefinition(kpi, stamp))) throw taken();
    return json(summarize(kpi, []), 201, { Location: `/api/kpis/${scopeId}/${input.kpiId}` });
  }),
});

/** Changes a KPI's definition (approve); its points are re-rated by the new rules. */
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
    checkOutcome(await kpis.replaceDefinition(kpi, stamp, expected));
    return json(summarize(kpi, await kpis.listPoints(scopeId, kpiId)));
  }),
});

/**
 * Deletes a KPI and its data points (approve). The definition goes first, so the KPI disappears
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
    if (expected !== undefined) requireCurrent(await requireKpi(scopeId, kpiId), expected);
    const { kpis } = getServices();
    checkOutcome(await kpis.deleteDefinition(scopeId, kpiId, expected));
    await kpis.deletePoints(scopeId, kpiId);
    return { status: 204, headers: { 'Cache-Control': 'no-store' } };
  }),
});
