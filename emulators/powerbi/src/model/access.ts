import type { Caller, PrincipalCaller } from '../auth/caller';
import { entityNotFound, notAuthorized } from '../http/errors';
import { assertNever } from '../util/assert-never';
import type { EmulatorState } from './state';
import type { DatasetState, Principal, WorkspaceRole, WorkspaceState } from './types';

const roleRank: Record<WorkspaceRole, number> = { Viewer: 1, Contributor: 2, Member: 3, Admin: 4 };

/**
 * Whether a principal entry names the caller. Users match by UPN, service principals by app id
 * or object id, and a Group whose identifier is the caller's tenant id stands for the whole
 * tenant (the emulator has no group membership; this is how "everyone" is granted).
 */
export function principalMatches(principal: Principal, caller: PrincipalCaller): boolean {
  const identifier = principal.identifier.toLowerCase();
  switch (principal.principalType) {
    case 'User':
      return caller.kind === 'user' && identifier === caller.id;
    case 'App':
      return caller.kind === 'app' && (identifier === caller.id || identifier === caller.oid.toLowerCase());
    case 'Group':
      return identifier === caller.tid.toLowerCase();
    default:
      return assertNever(principal.principalType);
  }
}

/** The caller's role in a workspace (the owner of a "My workspace" is its admin). */
export function workspaceRole(workspace: WorkspaceState, caller: PrincipalCaller): WorkspaceRole | undefined {
  if (workspace.personalOf) return workspace.personalOf === caller.id ? 'Admin' : undefined;
  let best: WorkspaceRole | undefined;
  for (const member of workspace.members) {
    if (principalMatches(member, caller) && (!best || roleRank[member.role] > roleRank[best])) best = member.role;
  }
  return best;
}

/** Roles that may change content (refresh, schedule, push rows) and that bypass RLS. */
export function canWrite(role: WorkspaceRole | undefined): boolean {
  return role !== undefined && roleRank[role] >= roleRank.Contributor;
}

/**
 * The workspace of a group route. Unknown → 404; known but the caller is not a member → 401
 * (as observed for group-scoped calls without a workspace role); `write` needs Contributor+.
 */
export function requireWorkspace(state: EmulatorState, caller: PrincipalCaller, groupId: string, access: 'read' | 'write'): WorkspaceState {
  const workspace = state.workspace(groupId);
  if (!workspace || workspace.personalOf) throw entityNotFound();
  const role = workspaceRole(workspace, caller);
  if (!role || workspace.unreadable) throw notAuthorized('The caller has no access to this workspace');
  if (access === 'write' && !canWrite(role)) throw notAuthorized('The caller has no write access to this workspace');
  return workspace;
}

/** A dataset in the given workspace (404 when it is elsewhere or missing). */
export function datasetIn(state: EmulatorState, workspace: WorkspaceState, datasetId: string): DatasetState {
  const dataset = state.dataset(datasetId);
  if (!dataset || dataset.workspaceId !== workspace.id) throw entityNotFound();
  return dataset;
}

/** Whether the caller holds a dataset permission (Read or more) directly, outside any workspace role. */
export function hasDatasetPermission(dataset: DatasetState, caller: PrincipalCaller): boolean {
  return dataset.users.some((entry) => entry.datasetUserAccessRight !== 'None' && principalMatches(entry, caller));
}

/** Whether the caller may read the dataset at all (workspace role or dataset permission). */
export function canReadDataset(state: EmulatorState, dataset: DatasetState, caller: PrincipalCaller): boolean {
  const workspace = state.workspace(dataset.workspaceId);
  return (workspace !== undefined && workspaceRole(workspace, caller) !== undefined) || hasDatasetPermission(dataset, caller);
}

/**
 * Whether the caller has Build on the dataset, which executeQueries requires besides Read: workspace
 * Contributor or above, or a dataset permission with Explore (`ReadExplore`, `ReadReshareExplore`).
 * A workspace Viewer or a plain `Read` permission is not enough (the service answers 401).
 */
export function canBuildDataset(state: EmulatorState, dataset: DatasetState, caller: PrincipalCaller): boolean {
  const workspace = state.workspace(dataset.workspaceId);
  if (workspace && canWrite(workspaceRole(workspace, caller))) return true;
  return dataset.users.some((entry) => /Explore/i.test(entry.datasetUserAccessRight) && principalMatches(entry, caller));
}

/** RLS applies to users without edit rights on the workspace (Viewers and dataset-permission holders). */
export function rlsAppliesTo(state: EmulatorState, dataset: DatasetState, caller: PrincipalCaller): boolean {
  if (dataset.model.roles.length === 0) return false;
  const workspace = state.workspace(dataset.workspaceId);
  return !(workspace && canWrite(workspaceRole(workspace, caller)));
}

/** Narrows to a caller that signed in with the identity provider (embed tokens only reach executeQueries). */
export function principalOf(caller: Caller): PrincipalCaller {
  if (caller.kind === 'embed') throw notAuthorized('Embed tokens are not accepted by this API');
  return caller;
}
