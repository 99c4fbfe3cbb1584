import type { PrincipalCaller } from '../auth/caller';
import type { EmbedIdentity } from '../auth/embed-token';
import { invalidRequest } from '../http/errors';
import { principalMatches, rlsAppliesTo } from '../model/access';
import type { EmulatorState } from '../model/state';
import type { DatasetState } from '../model/types';

/** `EffectiveIdentity` as GenerateToken receives it. */
export interface IdentityInput {
  username: string;
  roles?: string[];
  datasets?: string[];
  customData?: string;
}

/**
 * Checks the effective identities of a GenerateToken request against the datasets it covers,
 * with the documented rules (NOTES §4): username and datasets required; roles within limits and
 * defined by the dataset; roles required when the dataset says so; no identity for a dataset
 * without RLS; one identity per dataset; a service principal must give one for an RLS dataset.
 * A user (master user) may omit it: the token then sees what that user may see.
 */
export function checkIdentities(
  state: EmulatorState,
  caller: PrincipalCaller,
  datasets: DatasetState[],
  identities: IdentityInput[],
): EmbedIdentity[] {
  const byId = new Map(datasets.map((dataset) => [dataset.id.toLowerCase(), dataset]));
  const covered = new Set<string>();
  const result: EmbedIdentity[] = [];
  for (const identity of identities) {
    if (!identity.username) throw invalidRequest('Username is required for any EffectiveIdentity');
    if (identity.username.length > 256) throw invalidRequest('The effective identity username is longer than 256 characters');
    const roles = identity.roles ?? [];
    if (roles.length > 50 || roles.some((role) => role.length > 50 || role.includes(',')))
      throw invalidRequest('Roles: at most 50, each at most 50 characters without commas');
    const ids = identity.datasets ?? [];
    if (ids.length === 0) throw invalidRequest('DatasetId is required for any EffectiveIdentity');
    for (const id of ids) {
      const dataset = byId.get(id.toLowerCase());
      if (!dataset) throw invalidRequest(`The effective identity refers to dataset ${id}, which the token does not include`);
      if (covered.has(dataset.id)) throw invalidRequest('Creating embed token with multiple identities is not supported');
      covered.add(dataset.id);
      if (dataset.model.roles.length === 0)
        throw invalidRequest(`Creating embed token for accessing dataset ${dataset.id} shouldn't have effective identity`);
      if (roles.length === 0 && dataset.isEffectiveIdentityRolesRequired) {
        throw invalidRequest(
          `Creating embed token for accessing dataset ${dataset.id} requires roles to be included in provided effective identity`,
        );
      }
      const unknown = roles.find((role) => !dataset.model.roles.some((defined) => defined.name.toLowerCase() === role.toLowerCase()));
      if (unknown) throw invalidRequest(`Role '${unknown}' does not exist in dataset ${dataset.id}`);
    }
    result.push({
      username: identity.username,
      roles,
      datasets: ids.map((id) => id.toLowerCase()),
      ...(identity.customData ? { customData: identity.customData } : {}),
    });
  }
  for (const dataset of datasets) {
    if (dataset.model.roles.length === 0 || covered.has(dataset.id)) continue;
    if (caller.kind === 'app')
      throw invalidRequest(`Creating embed token for accessing dataset ${dataset.id} requires effective identity to be provided`);
    if (rlsAppliesTo(state, dataset, caller)) {
      // A user under RLS embeds with their own identity and role memberships.
      const roles = dataset.model.roles
        .filter((role) => role.members.some((member) => principalMatches(member, caller)))
        .map((role) => role.name);
      result.push({ username: caller.id, roles, datasets: [dataset.id] });
    }
  }
  return result;
}
