import { DaxError, runQuery } from '../dax';
import { daxError, entityNotFound, invalidRequest, notAuthorized } from '../http/errors';
import { canBuildDataset, canReadDataset, datasetIn, requireWorkspace } from '../model/access';
import type { DatasetState } from '../model/types';
import { queryAccess } from '../query/access';
import { serializeTable, type ResultError } from '../query/serialize';
import { visibleRows } from '../rls/rls';
import { ok, type Handler, type HandlerContext } from './context';

interface ExecuteQueriesBody {
  queries: { query: string }[];
  serializerSettings?: { includeNulls?: boolean };
  impersonatedUserName?: string;
}

/** The dataset of an executeQueries call; an embed token reaches only the datasets it names. */
function targetDataset(context: HandlerContext): DatasetState {
  const { state } = context.services;
  const { caller, params } = context;
  const datasetId = params.datasetId ?? '';
  if (caller.kind === 'embed') {
    const dataset = state.dataset(datasetId);
    const granted = caller.claims.datasets.some((item) => item.id === dataset?.id);
    if (!dataset || !granted || (params.groupId && params.groupId.toLowerCase() !== dataset.workspaceId)) throw entityNotFound();
    return dataset;
  }
  if (params.groupId) return datasetIn(state, requireWorkspace(state, caller, params.groupId, 'read'), datasetId);
  // Without a group the dataset may be in any workspace the caller can read (documented for this route).
  const dataset = state.dataset(datasetId);
  if (!dataset || !canReadDataset(state, dataset, caller)) throw entityNotFound();
  return dataset;
}

/**
 * POST [groups/{g}/]datasets/{d}/executeQueries: one DAX query (subset, see dax/) evaluated over
 * the rows RLS lets the caller see. DAX failures are the documented 400; limits give a 200 with
 * partial data and an error on the query result.
 */
export const executeQueries: Handler = (context) => {
  const body = context.body as ExecuteQueriesBody;
  const dataset = targetDataset(context);
  if (dataset.push?.defaultMode === 'Streaming') throw invalidRequest('Streaming datasets store no data to query');
  if (body.queries.length !== 1) throw invalidRequest('Only one query per request is supported');
  const { state, behaviour } = context.services;
  if (context.caller.kind !== 'embed' && !canBuildDataset(state, dataset, context.caller)) {
    throw notAuthorized('executeQueries needs Build permission on the dataset (Read is not enough)');
  }
  const access = queryAccess(state, dataset, context.caller, body.impersonatedUserName, behaviour.allowServicePrincipalRls);
  const username =
    access.kind === 'roles' ? access.username : context.caller.kind === 'embed' ? context.caller.claims.issuedTo : context.caller.id;
  const model = { tables: dataset.model.tables, relationships: dataset.model.relationships, visible: visibleRows(dataset.model, access) };
  let result: ReturnType<typeof runQuery>;
  try {
    result = runQuery(body.queries[0]?.query ?? '', model, username);
  } catch (error) {
    if (error instanceof DaxError) throw daxError(error.message);
    throw error;
  }
  const table = serializeTable(result.table, body.serializerSettings?.includeNulls ?? false);
  const error: ResultError | undefined = result.extraTables
    ? { code: 'DatasetExecuteQueriesError', message: 'More than one result table in a query' }
    : table.error;
  return ok({ results: [{ tables: [{ rows: table.rows }], ...(error ? { error } : {}) }] });
};
