import type { OperationId } from '../contract/operations';
import type { Handler } from './context';
import { changeDatasetUser, getDataset, getDatasets, getDatasetUsers, getReport, getReports, takeOver } from './datasets';
import { generateTokenForReport, generateTokenV2 } from './embed';
import { getCapacities, getGroups } from './groups';
import { createPushDataset, deleteRows, getTables, postRows, putTable } from './push';
import { executeQueries } from './queries';
import { cancelRefresh, getRefreshDetails, getRefreshHistory, triggerRefresh } from './refreshes';
import { getSchedule, patchSchedule } from './schedules';

/**
 * Every operation of the swagger subset and its handler. Group and "My workspace" variants share
 * a handler: the handler reads `groupId` when the route has one.
 */
export const handlers: Record<OperationId, Handler> = {
  Groups_GetGroups: getGroups,
  Capacities_GetCapacities: getCapacities,
  Datasets_GetDatasetsInGroup: getDatasets,
  Datasets_GetDatasets: getDatasets,
  Datasets_PostDatasetInGroup: createPushDataset,
  Datasets_PostDataset: createPushDataset,
  Datasets_GetDatasetInGroup: getDataset,
  Datasets_GetDataset: getDataset,
  Reports_GetReportsInGroup: getReports,
  Reports_GetReports: getReports,
  Reports_GetReportInGroup: getReport,
  Reports_GetReport: getReport,
  Datasets_GetRefreshHistoryInGroup: getRefreshHistory,
  Datasets_GetRefreshHistory: getRefreshHistory,
  Datasets_RefreshDatasetInGroup: triggerRefresh,
  Datasets_RefreshDataset: triggerRefresh,
  Datasets_GetRefreshExecutionDetailsInGroup: getRefreshDetails,
  Datasets_GetRefreshExecutionDetails: getRefreshDetails,
  Datasets_CancelRefreshInGroup: cancelRefresh,
  Datasets_CancelRefresh: cancelRefresh,
  Datasets_GetRefreshScheduleInGroup: getSchedule,
  Datasets_GetRefreshSchedule: getSchedule,
  Datasets_UpdateRefreshScheduleInGroup: patchSchedule,
  Datasets_UpdateRefreshSchedule: patchSchedule,
  Datasets_TakeOverInGroup: takeOver,
  EmbedToken_GenerateToken: generateTokenV2,
  Reports_GenerateTokenInGroup: generateTokenForReport,
  Datasets_ExecuteQueriesInGroup: executeQueries,
  Datasets_ExecuteQueries: executeQueries,
  Datasets_GetTablesInGroup: getTables,
  Datasets_GetTables: getTables,
  Datasets_PutTableInGroup: putTable,
  Datasets_PutTable: putTable,
  Datasets_PostRowsInGroup: postRows,
  Datasets_PostRows: postRows,
  Datasets_DeleteRowsInGroup: deleteRows,
  Datasets_DeleteRows: deleteRows,
  Datasets_GetDatasetUsersInGroup: getDatasetUsers,
  Datasets_GetDatasetUsers: getDatasetUsers,
  Datasets_PostDatasetUserInGroup: changeDatasetUser('grant'),
  Datasets_PostDatasetUser: changeDatasetUser('grant'),
  Datasets_PutDatasetUserInGroup: changeDatasetUser('replace'),
  Datasets_PutDatasetUser: changeDatasetUser('replace'),
};

/** Operations that accept an embed token (`EmbedToken` or `Bearer` scheme) as well as Entra tokens. */
export const embedTokenOperations: ReadonlySet<OperationId> = new Set<OperationId>([
  'Datasets_ExecuteQueriesInGroup',
  'Datasets_ExecuteQueries',
]);
