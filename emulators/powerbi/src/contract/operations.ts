/**
 * Every operation of the swagger subset (contract/swagger-subset.json), by operationId. Handlers
 * are a `Record<OperationId, Handler>`, so the compiler refuses a build that leaves one out, and
 * a test checks this list against the swagger file.
 */
export const operationIds = [
  'Groups_GetGroups',
  'Datasets_GetDatasetsInGroup',
  'Datasets_PostDatasetInGroup',
  'Datasets_GetDatasets',
  'Datasets_PostDataset',
  'Datasets_GetDatasetInGroup',
  'Datasets_GetDataset',
  'Reports_GetReportsInGroup',
  'Reports_GetReports',
  'Reports_GetReportInGroup',
  'Reports_GetReport',
  'Datasets_GetRefreshHistoryInGroup',
  'Datasets_RefreshDatasetInGroup',
  'Datasets_GetRefreshHistory',
  'Datasets_RefreshDataset',
  'Datasets_GetRefreshExecutionDetailsInGroup',
  'Datasets_CancelRefreshInGroup',
  'Datasets_GetRefreshExecutionDetails',
  'Datasets_CancelRefresh',
  'Datasets_GetRefreshScheduleInGroup',
  'Datasets_UpdateRefreshScheduleInGroup',
  'Datasets_GetRefreshSchedule',
  'Datasets_UpdateRefreshSchedule',
  'Datasets_TakeOverInGroup',
  'EmbedToken_GenerateToken',
  'Reports_GenerateTokenInGroup',
  'Datasets_ExecuteQueriesInGroup',
  'Datasets_ExecuteQueries',
  'Datasets_GetTablesInGroup',
  'Datasets_GetTables',
  'Datasets_PutTableInGroup',
  'Datasets_PutTable',
  'Datasets_PostRowsInGroup',
  'Datasets_DeleteRowsInGroup',
  'Datasets_PostRows',
  'Datasets_DeleteRows',
  'Capacities_GetCapacities',
  'Datasets_GetDatasetUsersInGroup',
  'Datasets_PostDatasetUserInGroup',
  'Datasets_PutDatasetUserInGroup',
  'Datasets_GetDatasetUsers',
  'Datasets_PostDatasetUser',
  'Datasets_PutDatasetUser',
] as const;

/** One operation of the subset. */
export type OperationId = (typeof operationIds)[number];

/** Narrows a string read from the swagger file to a known operation. */
export function isOperationId(value: string): value is OperationId {
  return (operationIds as readonly string[]).includes(value);
}
