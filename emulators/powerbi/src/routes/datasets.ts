import { entityNotFound, invalidRequest } from '../http/errors';
import { datasetIn } from '../model/access';
import { datasetView, odataContext, reportView } from '../model/views';
import { datasetOf, ok, principal, workspaceOf, type Handler } from './context';

/** GET [groups/{g}/]datasets. */
export const getDatasets: Handler = (context) => {
  const workspace = workspaceOf(context, 'read');
  const { state } = context.services;
  const value = state.datasetsIn(workspace.id).map((dataset) => datasetView(state, dataset, context.links));
  return ok({ '@odata.context': odataContext(context.links, 'datasets'), value });
};

/** GET [groups/{g}/]datasets/{d}. */
export const getDataset: Handler = (context) => {
  const { dataset } = datasetOf(context, 'read');
  return ok({
    '@odata.context': odataContext(context.links, 'datasets/$entity'),
    ...datasetView(context.services.state, dataset, context.links),
  });
};

/**
 * POST groups/{g}/datasets/{d}/Default.TakeOver: the caller becomes the owner (`configuredBy`).
 * Datasets configured to do so lose their stored credentials, as observed (NOTES §3).
 */
export const takeOver: Handler = (context) => {
  const { dataset } = datasetOf(context, 'write');
  const caller = principal(context);
  if (dataset.configuredBy.toLowerCase() !== caller.id) {
    dataset.configuredBy = caller.id;
    if (dataset.credentialsLostOnTakeOver) dataset.credentialsMissing = true;
  }
  return ok();
};

/** GET [groups/{g}/]reports. */
export const getReports: Handler = (context) => {
  const workspace = workspaceOf(context, 'read');
  const { state } = context.services;
  const value = state.reportsIn(workspace.id).map((report) => reportView(state, report, context.links));
  return ok({ '@odata.context': odataContext(context.links, 'reports'), value });
};

/** GET [groups/{g}/]reports/{r}. */
export const getReport: Handler = (context) => {
  const workspace = workspaceOf(context, 'read');
  const { state } = context.services;
  const report = state.report(context.params.reportId ?? '');
  if (!report || report.workspaceId !== workspace.id) throw entityNotFound();
  return ok({ '@odata.context': odataContext(context.links, 'reports/$entity'), ...reportView(state, report, context.links) });
};

/** GET [groups/{g}/]datasets/{d}/users. */
export const getDatasetUsers: Handler = (context) => {
  const { dataset } = datasetOf(context, 'read');
  const value = dataset.users.map(({ identifier, principalType, datasetUserAccessRight }) => ({
    identifier,
    principalType,
    datasetUserAccessRight,
  }));
  return ok({ '@odata.context': odataContext(context.links, 'datasetUsers'), value });
};

interface UserAccessBody {
  identifier: string;
  principalType: 'None' | 'User' | 'Group' | 'App';
  datasetUserAccessRight: string;
}

/** POST (grant) and PUT (replace; `None` removes) dataset permissions; service principals cannot be granted (documented). */
export function changeDatasetUser(mode: 'grant' | 'replace'): Handler {
  return (context) => {
    const workspace = workspaceOf(context, 'write');
    const dataset = datasetIn(context.services.state, workspace, context.params.datasetId ?? '');
    const body = context.body as UserAccessBody;
    if (body.principalType === 'App') throw invalidRequest('Dataset permissions cannot be granted to service principals');
    if (body.principalType === 'None') throw invalidRequest('principalType None is not valid here');
    const others = dataset.users.filter((entry) => entry.identifier.toLowerCase() !== body.identifier.toLowerCase());
    if (mode === 'replace' && others.length === dataset.users.length) throw entityNotFound();
    const keep =
      mode === 'replace' && body.datasetUserAccessRight === 'None'
        ? []
        : [{ identifier: body.identifier, principalType: body.principalType, datasetUserAccessRight: body.datasetUserAccessRight }];
    dataset.users = [...others, ...keep];
    return ok();
  };
}
