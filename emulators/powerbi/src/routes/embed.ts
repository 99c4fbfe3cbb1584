import type { EmbedTokenClaims } from '../auth/embed-token';
import { entityNotFound, invalidRequest, notAuthorized } from '../http/errors';
import { canReadDataset, requireWorkspace, workspaceRole } from '../model/access';
import type { DatasetState, ReportState } from '../model/types';
import { odataContext } from '../model/views';
import { newId } from '../util/ids';
import { ok, principal, type Handler, type HandlerContext } from './context';
import { checkIdentities, type IdentityInput } from './embed-identities';

interface GenerateTokenV2Body {
  reports?: { id: string; allowEdit?: boolean }[];
  datasets?: { id: string; xmlaPermissions?: 'Off' | 'ReadOnly' }[];
  targetWorkspaces?: { id: string }[];
  identities?: IdentityInput[];
  lifetimeInMinutes?: number;
}

interface GenerateTokenBody {
  accessLevel?: 'View' | 'Edit' | 'Create';
  datasetId?: string;
  allowSaveAs?: boolean;
  identities?: IdentityInput[];
  lifetimeInMinutes?: number;
}

/** Embed tokens cannot be created for "My workspace" content (NOTES §4). */
function noPersonalWorkspace(context: HandlerContext, workspaceId: string): void {
  if (context.services.state.workspace(workspaceId)?.personalOf)
    throw invalidRequest('Embed tokens are not supported for content in My workspace');
}

function findReport(context: HandlerContext, id: string): ReportState {
  const { state } = context.services;
  const report = state.report(id);
  const workspace = report && state.workspace(report.workspaceId);
  if (!report || !workspace) throw entityNotFound();
  noPersonalWorkspace(context, workspace.id);
  if (!workspaceRole(workspace, principal(context))) throw notAuthorized('The caller has no access to this report');
  return report;
}

function findDataset(context: HandlerContext, id: string): DatasetState {
  const dataset = context.services.state.dataset(id);
  if (!dataset) throw entityNotFound();
  noPersonalWorkspace(context, dataset.workspaceId);
  if (!canReadDataset(context.services.state, dataset, principal(context))) throw notAuthorized('The caller has no access to this dataset');
  return dataset;
}

/** Lifetime: the caller's token's remaining lifetime; `lifetimeInMinutes` can only shorten it (NOTES §4). */
function expiry(context: HandlerContext, lifetimeInMinutes: number | undefined): number {
  const callerExpiry = principal(context).expiresAt;
  if (lifetimeInMinutes === undefined) return callerExpiry;
  if (lifetimeInMinutes <= 0) throw invalidRequest('lifetimeInMinutes must be positive');
  return Math.min(callerExpiry, Math.floor(Date.now() / 1000) + lifetimeInMinutes * 60);
}

async function issue(context: HandlerContext, claims: Omit<EmbedTokenClaims, 'tokenId' | 'issuedTo'>): Promise<ReturnType<typeof ok>> {
  const tokenId = newId();
  const token = await context.services.embedTokens.sign({ tokenId, issuedTo: principal(context).id, ...claims });
  const odata = odataContext(context.links, 'Microsoft.PowerBI.ServiceContracts.Api.V1.EmbedToken');
  return ok({ '@odata.context': odata, token, tokenId, expiration: new Date(claims.expiresAt * 1000).toISOString() });
}

/** POST /GenerateToken (V2, multi-resource): at most 50 reports, 50 datasets, 50 target workspaces. */
export const generateTokenV2: Handler = async (context) => {
  const body = context.body as GenerateTokenV2Body;
  const reportsIn = body.reports ?? [];
  const datasetsIn = body.datasets ?? [];
  const targets = body.targetWorkspaces ?? [];
  if (reportsIn.length > 50 || datasetsIn.length > 50 || targets.length > 50)
    throw invalidRequest('At most 50 reports, 50 datasets and 50 target workspaces');
  if (reportsIn.length === 0 && datasetsIn.length === 0) throw invalidRequest('The request must name at least one report or dataset');
  const caller = principal(context);
  for (const target of targets) requireWorkspace(context.services.state, caller, target.id, 'write');
  const reports = reportsIn.map((item) => ({ item, report: findReport(context, item.id) }));
  const datasets = new Map(
    datasetsIn.map((item) => [item.id.toLowerCase(), { xmla: item.xmlaPermissions ?? 'Off', dataset: findDataset(context, item.id) }]),
  );
  for (const { report } of reports)
    if (!datasets.has(report.datasetId)) datasets.set(report.datasetId, { xmla: 'Off', dataset: findDataset(context, report.datasetId) });
  const covered = [...datasets.values()].map((entry) => entry.dataset);
  const identities = checkIdentities(context.services.state, caller, covered, body.identities ?? []);
  return issue(context, {
    accessLevel: reports.some(({ item }) => item.allowEdit) ? 'Edit' : 'View',
    reports: reports.map(({ item, report }) => ({
      id: report.id,
      groupId: report.workspaceId,
      datasetId: report.datasetId,
      allowEdit: item.allowEdit ?? false,
    })),
    datasets: [...datasets.values()].map(({ xmla, dataset }) => ({ id: dataset.id, xmlaPermissions: xmla })),
    targetWorkspaces: targets.map((target) => target.id.toLowerCase()),
    identities,
    expiresAt: expiry(context, body.lifetimeInMinutes),
  });
};

/** POST groups/{g}/reports/{r}/GenerateToken (V1, one report). */
export const generateTokenForReport: Handler = async (context) => {
  const caller = principal(context);
  const workspace = requireWorkspace(context.services.state, caller, context.params.groupId ?? '', 'read');
  const report = context.services.state.report(context.params.reportId ?? '');
  if (!report || report.workspaceId !== workspace.id) throw entityNotFound();
  const body = context.body as GenerateTokenBody;
  const dataset = findDataset(context, body.datasetId ?? report.datasetId);
  const accessLevel = body.accessLevel ?? 'View';
  const identities = checkIdentities(context.services.state, caller, [dataset], body.identities ?? []);
  return issue(context, {
    accessLevel,
    reports: [{ id: report.id, groupId: workspace.id, datasetId: dataset.id, allowEdit: accessLevel !== 'View' }],
    datasets: [{ id: dataset.id, xmlaPermissions: 'Off' }],
    targetWorkspaces: body.allowSaveAs ? [workspace.id] : [],
    identities,
    expiresAt: expiry(context, body.lifetimeInMinutes),
  });
};
