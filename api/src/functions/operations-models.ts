import { app } from '@azure/functions';
import {
  operationsModelParamsSchema,
  refreshHistoryQuerySchema,
  scheduleUpdateSchema,
  type OperationsModelDetail,
  type OperationsModelList,
  type RefreshHistory,
} from '@planboard/contracts';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseJsonBody, parseParams, parseQuery } from '../http/validate';
import { catalogAge } from '../operations/catalog';
import { getServices, opsClock, opsServicePrincipalId, opsStores, requireModel, requireRefreshRight } from '../operations/context';
import { fetchHistory } from '../operations/history-fetch';
import { cursorOfRowKey, rowKeyOfCursor } from '../operations/history-cursor';
import { powerBiRefusal } from '../operations/powerbi-refusal';
import { refreshNow } from '../operations/refresh-now';
import { readSchedule, updateSchedule, type ScheduleDeps } from '../operations/schedule';
import { modelView, reportView } from '../operations/views';

function scheduleDeps(): ScheduleDeps {
  const { catalog, watch, workspaces } = opsStores();
  return { powerBi: getServices().powerBi, catalog, watch, workspaces, clock: opsClock(), servicePrincipalId: opsServicePrincipalId() };
}

/** Every model in the stored catalog with its last refresh and schedule (the overview's tiles). */
app.http('operationsModels', {
  route: 'operations/models',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    access.requireAdmin();
    const { workspaces, catalog } = opsStores();
    const [datasets, age, nowMs] = await Promise.all([catalog.list(), catalogAge(workspaces), opsClock().now()]);
    const body: OperationsModelList = {
      catalog: age,
      models: datasets
        .filter((dataset) => dataset.workspaceId)
        .map((dataset) => modelView(dataset, nowMs))
        .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    };
    return json(body);
  }),
});

/** One model with the reports (in any workspace) bound to it. */
app.http('operationsModel', {
  route: 'operations/models/{datasetId}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const { datasetId } = parseParams(request, operationsModelParamsSchema);
    const record = await requireModel(datasetId);
    const { workspaces, catalog } = opsStores();
    const [reports, datasets, allWorkspaces, age] = await Promise.all([
      workspaces.allReports(),
      catalog.list(),
      workspaces.list(),
      catalogAge(workspaces),
    ]);
    const datasetsById = new Map(datasets.map((dataset) => [dataset.datasetId, dataset]));
    const workspacesById = new Map(allWorkspaces.map((ws) => [ws.workspaceId, ws]));
    const body: OperationsModelDetail = {
      catalog: age,
      model: modelView(record),
      reports: reports
        .filter((report) => report.datasetId?.toLowerCase() === datasetId.toLowerCase())
        .map((report) => reportView(report, datasetsById, workspacesById)),
    };
    return json(body);
  }),
});

/** The stored refresh history of a model in a time window, newest first (one range query). */
app.http('operationsModelHistory', {
  route: 'operations/models/{datasetId}/history',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const { datasetId } = parseParams(request, operationsModelParamsSchema);
    const { cursor, top, ...query } = parseQuery(request, refreshHistoryQuerySchema);
    const after = cursor === undefined ? undefined : rowKeyOfCursor(cursor);
    const record = await requireModel(datasetId);
    // One more than asked: whether there is a next page, without an empty last page.
    const rows = await opsStores().history.window(record.datasetId, { ...query, after, top: top + 1 });
    const page = rows.slice(0, top);
    const last = page[page.length - 1];
    const body: RefreshHistory = {
      datasetId: record.datasetId,
      refreshes: page.map(({ rowKey: _key, etag: _etag, ...refresh }) => refresh),
      next: rows.length > top && last ? cursorOfRowKey(last.rowKey) : null,
    };
    return json(body);
  }),
});

/** Reads the newest refreshes from Power BI into the stored history (100 the first time, then until it overlaps). */
app.http('operationsModelHistoryFetch', {
  route: 'operations/models/{datasetId}/history/fetch',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const { datasetId } = parseParams(request, operationsModelParamsSchema);
    const record = await requireModel(datasetId);
    const { history, catalog } = opsStores();
    try {
      return json(await fetchHistory({ powerBi: getServices().powerBi, history, catalog }, record));
    } catch (error) {
      return powerBiRefusal(error, 'reading the refresh history');
    }
  }),
});

/** Starts a refresh now (202); 409 while one runs. Admins, and editors of a scope the model serves. */
app.http('operationsModelRefresh', {
  route: 'operations/models/{datasetId}/refresh',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { datasetId } = parseParams(request, operationsModelParamsSchema);
    const record = await requireRefreshRight(access, datasetId);
    const started = await refreshNow({ powerBi: getServices().powerBi, watch: opsStores().watch, clock: opsClock() }, record);
    return json(started, 202);
  }),
});

/** The model's refresh schedule as Power BI has it, with its owner and the capacity's daily maximum. */
app.http('operationsModelSchedule', {
  route: 'operations/models/{datasetId}/schedule',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const { datasetId } = parseParams(request, operationsModelParamsSchema);
    return json(await readSchedule(scheduleDeps(), await requireModel(datasetId)));
  }),
});

/** Changes the schedule; takes the model over first only when the body confirms it (`confirmTakeOver`). */
app.http('operationsModelScheduleUpdate', {
  route: 'operations/models/{datasetId}/schedule',
  methods: ['PUT'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const { datasetId } = parseParams(request, operationsModelParamsSchema);
    const update = await parseJsonBody(request, scheduleUpdateSchema);
    return json(await updateSchedule(scheduleDeps(), await requireModel(datasetId), update));
  }),
});
