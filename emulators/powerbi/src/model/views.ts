import type { PrincipalCaller } from '../auth/caller';
import type { EmulatorState } from './state';
import type { CapacityState, DatasetState, ReportState, WorkspaceState } from './types';

/** Where links in payloads point: the emulator's own origin, and the origin of the embed page. */
export interface LinkBase {
  /** Origin the request came in on (for `@odata.context`, `Location`). */
  apiOrigin: string;
  /** Origin of `reportEmbed` links (`https://app.powerbi.com` unless configured). */
  embedOrigin: string;
}

/** `@odata.context` as the service writes it, against the emulator's origin. */
export function odataContext(links: LinkBase, fragment: string): string {
  return `${links.apiOrigin}/v1.0/myorg/$metadata#${fragment}`;
}

function groupSegment(workspace: WorkspaceState | undefined): string {
  return workspace && !workspace.personalOf ? workspace.id : 'me';
}

/** A workspace as `GET /groups` returns it. */
export function groupView(workspace: WorkspaceState): Record<string, unknown> {
  return {
    id: workspace.id,
    name: workspace.name,
    isReadOnly: false,
    isOnDedicatedCapacity: workspace.capacityId !== undefined,
    ...(workspace.capacityId ? { capacityId: workspace.capacityId } : {}),
  };
}

/** A dataset as `GET …/datasets` returns it (camelCase, as real payloads and the swagger examples are). */
export function datasetView(state: EmulatorState, dataset: DatasetState, links: LinkBase): Record<string, unknown> {
  const group = groupSegment(state.workspace(dataset.workspaceId));
  const push = dataset.push;
  return {
    id: dataset.id,
    name: dataset.name,
    configuredBy: dataset.configuredBy,
    createdDate: dataset.createdDate,
    ...(push ? {} : { contentProviderType: 'PbixInImportMode' }),
    addRowsAPIEnabled: push !== undefined,
    isRefreshable: dataset.kind === 'import',
    isEffectiveIdentityRequired: dataset.model.roles.length > 0,
    isEffectiveIdentityRolesRequired: dataset.isEffectiveIdentityRolesRequired,
    isOnPremGatewayRequired: false,
    ...(push ? { defaultRetentionPolicy: push.retention } : { targetStorageMode: 'Abf' }),
    webUrl: `https://app.powerbi.com/groups/${group}/datasets/${dataset.id}`,
    createReportEmbedURL: `${links.embedOrigin}/reportEmbed?datasetId=${dataset.id}&groupId=${group}`,
    qnaEmbedURL: `${links.embedOrigin}/qnaEmbed?datasetId=${dataset.id}&groupId=${group}`,
  };
}

/** A report with the `embedUrl` powerbi-client loads (NOTES §4). */
export function reportView(state: EmulatorState, report: ReportState, links: LinkBase): Record<string, unknown> {
  const group = groupSegment(state.workspace(report.workspaceId));
  return {
    id: report.id,
    name: report.name,
    datasetId: report.datasetId,
    reportType: 'PowerBIReport',
    webUrl: `https://app.powerbi.com/groups/${group}/reports/${report.id}`,
    embedUrl: `${links.embedOrigin}/reportEmbed?reportId=${report.id}&groupId=${group}`,
  };
}

/** A capacity; the caller is its admin when listed in `admins`. */
export function capacityView(capacity: CapacityState, caller: PrincipalCaller): Record<string, unknown> {
  const isAdmin = capacity.admins.some((admin) => admin.toLowerCase() === caller.id);
  return {
    id: capacity.id,
    displayName: capacity.displayName,
    admins: capacity.admins,
    sku: capacity.sku,
    state: 'Active',
    capacityUserAccessRight: isAdmin ? 'Admin' : 'Assign',
    region: capacity.region,
  };
}
