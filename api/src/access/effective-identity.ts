import type { ScopeType } from '@planboard/contracts';
import { assertNever } from '@planboard/server';
import type { Access } from './guard';

/** A Power BI effective identity (GenerateToken / executeQueries `impersonatedUserName` + roles). */
export interface PowerBiIdentity {
  username: string;
  roles: string[];
  datasets: string[];
}

/** The RLS role a dataset defines for each kind of scope; admins get the unfiltered role. */
export function roleForScopeType(type: ScopeType): string {
  switch (type) {
    case 'businessUnit':
      return 'BusinessUnitScope';
    case 'store':
      return 'StoreScope';
    case 'department':
      return 'DepartmentScope';
    default:
      return assertNever(type);
  }
}

export const adminRole = 'AllData';

/**
 * The caller's grants as a Power BI identity: username = UPN (the datasets' dynamic RLS matches
 * USERPRINCIPALNAME() against the same grants), one role per kind of scope they hold.
 */
export function powerBiIdentity(access: Access, datasetIds: string[]): PowerBiIdentity {
  if (access.caller.isAdmin) return { username: access.caller.upn, roles: [adminRole], datasets: datasetIds };
  const types = [...new Set(access.scopes.map((scope) => scope.type))].sort();
  return { username: access.caller.upn, roles: types.map(roleForScopeType), datasets: datasetIds };
}
