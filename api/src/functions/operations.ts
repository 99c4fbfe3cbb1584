import { app } from '@azure/functions';
import {
  categoryAssignmentSchema,
  operationsWorkspaceParamsSchema,
  type OperationsWorkspaceDetail,
  type OperationsWorkspaceList,
} from '@planboard/contracts';
import { notFound, validationFailed } from '../errors';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseJsonBody, parseParams } from '../http/validate';
import { catalogAge, syncOperationsCatalog } from '../operations/catalog';
import { getServices, opsClock, opsStores, thisWorkspace } from '../operations/context';
import { modelView, reportView, workspaceView } from '../operations/views';

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'en');

/** Every workspace in the stored catalog with its category (assigned, else guessed) and model count. */
app.http('operationsWorkspaces', {
  route: 'operations/workspaces',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    access.requireAdmin();
    const { workspaces, categories, catalog } = opsStores();
    const [stored, assigned, datasets, age] = await Promise.all([
      workspaces.list(),
      categories.all(),
      catalog.list(),
      catalogAge(workspaces),
    ]);
    const models = new Map<string, number>();
    for (const dataset of datasets) models.set(dataset.workspaceId, (models.get(dataset.workspaceId) ?? 0) + 1);
    const body: OperationsWorkspaceList = {
      catalog: age,
      workspaces: stored.map((ws) => workspaceView(ws, assigned.get(ws.workspaceId), models.get(ws.workspaceId) ?? 0)).sort(byName),
    };
    return json(body);
  }),
});

/** One workspace: its models (last refresh, schedule) and its reports with the models they are bound to. */
app.http('operationsWorkspace', {
  route: 'operations/workspaces/{workspaceId}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const { workspaceId } = parseParams(request, operationsWorkspaceParamsSchema);
    const { workspaces, categories, catalog } = opsStores();
    const workspace = await workspaces.get(workspaceId);
    if (!workspace) throw notFound(`${thisWorkspace} was not found. If it is new, refresh the catalog.`);
    const [assigned, datasets, reports, allWorkspaces, age] = await Promise.all([
      categories.all(),
      catalog.list(),
      workspaces.reportsOf(workspaceId),
      workspaces.list(),
      catalogAge(workspaces),
    ]);
    const datasetsById = new Map(datasets.map((dataset) => [dataset.datasetId, dataset]));
    const workspacesById = new Map(allWorkspaces.map((ws) => [ws.workspaceId, ws]));
    const models = datasets
      .filter((dataset) => dataset.workspaceId === workspaceId)
      .map(modelView)
      .sort(byName);
    const body: OperationsWorkspaceDetail = {
      catalog: age,
      workspace: workspaceView(workspace, assigned.get(workspaceId), models.length),
      models,
      reports: reports.map((report) => reportView(report, datasetsById, workspacesById)).sort(byName),
    };
    return json(body);
  }),
});

/** Reads workspaces, models, schedules and reports from Power BI into the catalog now. */
app.http('operationsCatalogSync', {
  route: 'operations/catalog/sync',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    access.requireAdmin();
    const { catalog, watch, workspaces } = opsStores();
    const result = await syncOperationsCatalog({ powerBi: getServices().powerBi, catalog, watch, workspaces }, await opsClock().now());
    return json(result);
  }),
});

/** One environment and/or module for many workspaces: one audited change, all or nothing. */
app.http('operationsCategoriesAssign', {
  route: 'operations/categories',
  methods: ['PUT'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const input = await parseJsonBody(request, categoryAssignmentSchema);
    const { workspaces, categories } = opsStores();
    const known = new Set((await workspaces.list()).map((ws) => ws.workspaceId.toLowerCase()));
    const unknown = input.workspaceIds.filter((id) => !known.has(id.toLowerCase()));
    if (unknown.length > 0)
      throw validationFailed(
        'Some workspaces are not in the catalog; nothing was assigned.',
        unknown.map((id) => ({ path: `workspaceIds.${input.workspaceIds.indexOf(id)}`, message: `${id} is not a known workspace` })),
      );
    const change = { ...(input.environment ? { environment: input.environment } : {}), ...(input.module ? { module: input.module } : {}) };
    const entry = await categories.assign(input.workspaceIds, change, access.caller.upn);
    return json({ changed: input.workspaceIds.length, entry });
  }),
});

/** Who assigned which category to which workspaces, newest first. */
app.http('operationsCategoriesAudit', {
  route: 'operations/categories/audit',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    access.requireAdmin();
    return json({ entries: await opsStores().categories.audit() });
  }),
});
