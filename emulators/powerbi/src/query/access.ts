import type { Caller, UserCaller } from '../auth/caller';
import { notAuthorized } from '../http/errors';
import { principalMatches, rlsAppliesTo } from '../model/access';
import type { EmulatorState } from '../model/state';
import type { DatasetState, ModelRole } from '../model/types';
import type { EffectiveAccess } from '../rls/rls';
import { assertNever } from '../util/assert-never';

/** Roles whose members include the user (dynamic membership is by UPN or the tenant-wide group). */
export function memberRoles(dataset: DatasetState, username: string, tid: string): ModelRole[] {
  const user: UserCaller = { kind: 'user', id: username.toLowerCase(), oid: '', tid, scopes: [], expiresAt: 0 };
  return dataset.model.roles.filter((role) => role.members.some((member) => principalMatches(member, user)));
}

function rolesOf(dataset: DatasetState, username: string, tid: string): EffectiveAccess {
  const roles = memberRoles(dataset, username, tid);
  // Observed for a user with Build permission but no RLS role (bagofwords1/bagofwords#807).
  if (roles.length === 0)
    throw notAuthorized(`The user ${username} is not a member of any role of this dataset`, 'RLSNotAuthorizedForModel');
  return { kind: 'roles', username: username.toLowerCase(), roles };
}

/**
 * What an executeQueries caller may see (NOTES §4, §5):
 * - embed token: the token's identity for this dataset (its roles), or everything when it has none;
 * - service principal: everything on a model without RLS; refused (401) on an RLS model, as the
 *   service does, unless the emulator is told to allow SP impersonation;
 * - user: RLS applies to Viewers and dataset-permission holders (their role memberships);
 *   workspace Admin/Member/Contributor see everything, or impersonate `impersonatedUserName`.
 */
export function queryAccess(
  state: EmulatorState,
  dataset: DatasetState,
  caller: Caller,
  impersonatedUserName: string | undefined,
  allowSpRls: boolean,
): EffectiveAccess {
  const hasRls = dataset.model.roles.length > 0;
  switch (caller.kind) {
    case 'embed': {
      const identity = caller.claims.identities.find((item) => item.datasets.includes(dataset.id));
      if (!hasRls || !identity) return { kind: 'unrestricted' };
      const roles = dataset.model.roles.filter((role) => identity.roles.some((name) => name.toLowerCase() === role.name.toLowerCase()));
      return { kind: 'roles', username: identity.username.toLowerCase(), roles };
    }
    case 'app': {
      if (!hasRls) return { kind: 'unrestricted' };
      if (!allowSpRls) throw notAuthorized('Service principals are not supported for datasets with row-level security');
      if (!impersonatedUserName)
        throw notAuthorized('A service principal must pass impersonatedUserName for a dataset with row-level security');
      return rolesOf(dataset, impersonatedUserName, caller.tid);
    }
    case 'user': {
      if (!hasRls) return { kind: 'unrestricted' };
      if (!rlsAppliesTo(state, dataset, caller))
        return impersonatedUserName ? rolesOf(dataset, impersonatedUserName, caller.tid) : { kind: 'unrestricted' };
      if (impersonatedUserName && impersonatedUserName.toLowerCase() !== caller.id)
        throw notAuthorized('Only dataset editors can impersonate other users');
      return rolesOf(dataset, caller.id, caller.tid);
    }
    default:
      return assertNever(caller);
  }
}
