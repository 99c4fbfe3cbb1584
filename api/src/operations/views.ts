import type { OperationsModel, OperationsReport, OperationsWorkspace } from '@planboard/contracts';
import { refreshSettings, staleness, type DatasetRecord } from '@planboard/server';
import type { AssignedCategory } from './category-store';
import { categoryOf } from './categories';
import type { ReportRecord, WorkspaceRecord } from './workspace-store';

/**
 * A model as the Operations page shows it. With `nowMs` (service time) it says whether the model
 * is stale by the same rule detection alerts on (two schedule slots without a success).
 */
export function modelView(record: DatasetRecord, nowMs?: number): OperationsModel {
  const stale = nowMs === undefined ? undefined : staleness(record, nowMs, refreshSettings().REFRESH_GRACE_MINUTES * 60_000);
  return {
    datasetId: record.datasetId,
    name: record.datasetName || record.datasetId,
    workspaceId: record.workspaceId,
    workspaceName: record.workspaceName,
    configuredBy: record.configuredBy ?? null,
    refreshable: record.refreshable,
    storageMode: record.storageMode ?? null,
    schedule: record.schedule ?? null,
    lastRefresh: record.lastRefresh ?? null,
    ...(nowMs === undefined ? {} : { staleSince: stale?.staleSince ?? null }),
  };
}

export function workspaceView(workspace: WorkspaceRecord, assigned: AssignedCategory | undefined, models: number): OperationsWorkspace {
  return {
    workspaceId: workspace.workspaceId,
    name: workspace.name,
    capacityId: workspace.capacityId ?? null,
    dedicated: workspace.dedicated,
    ...categoryOf(workspace.name, assigned),
    models,
  };
}

/** A report with the name and workspace of the model it is bound to (which may be in another workspace). */
export function reportView(
  report: ReportRecord,
  datasets: ReadonlyMap<string, DatasetRecord>,
  workspaces: ReadonlyMap<string, WorkspaceRecord>,
): OperationsReport {
  const dataset = report.datasetId ? datasets.get(report.datasetId) : undefined;
  return {
    reportId: report.reportId,
    name: report.name,
    workspaceId: report.workspaceId,
    datasetId: report.datasetId ?? null,
    datasetName: dataset?.datasetName ?? null,
    datasetWorkspaceId: dataset?.workspaceId ?? null,
    datasetWorkspaceName: dataset ? (workspaces.get(dataset.workspaceId)?.name ?? dataset.workspaceName) : null,
  };
}
