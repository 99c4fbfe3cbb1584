import { allScopes, sampleTenantId, sampleUsers, type SampleUser } from '@planboard/server';

/** A user account of the local tenant: what Entra would put in the user's tokens. */
export interface DirectoryUser {
  /** Object id: `oid`, and the account id the provider keeps sessions under. */
  oid: string;
  name: string;
  /** User principal name: `preferred_username` (v2) and `upn` / `unique_name` (v1). */
  upn: string;
  /** App roles assigned on the Planboard API app (`roles`, e.g. `["Admin"]`). */
  appRoles: string[];
  /** Shown on the sign-in page (leader, contributor, manager, admin). */
  description?: string;
  /** Entra's `department` attribute: the business units (or stores) the user works for, in words. */
  department?: string;
}

/** "Sales North", "Sales North, Sales South, Marketing", or the stores of a store-only user. */
function departmentOf(user: SampleUser): string {
  if (user.appRoles.includes('Admin')) return 'Every business unit';
  const granted = user.grants.map((grant) => allScopes.find((scope) => scope.id === grant.scopeId)).filter((scope) => scope !== undefined);
  const units = granted.filter((scope) => scope.type === 'businessUnit');
  return (units.length ? units : granted.filter((scope) => scope.type === 'store')).map((scope) => scope.name).join(', ');
}

/** The tenant the sample directory lives in. */
export const defaultTenantId = sampleTenantId;

/** The sample directory (15 BU users, 2 managers, 2 admins) the API seeds its grants for. */
export function sampleDirectory(): DirectoryUser[] {
  return sampleUsers.map((user) => ({
    oid: user.oid,
    name: user.name,
    upn: user.upn,
    appRoles: [...user.appRoles],
    description: user.role,
    department: departmentOf(user) || undefined,
  }));
}

/** Looks users up by object id or UPN (case-insensitive, as Entra treats UPNs). */
export class Directory {
  private readonly byOid = new Map<string, DirectoryUser>();
  private readonly byUpn = new Map<string, DirectoryUser>();

  constructor(readonly users: readonly DirectoryUser[]) {
    for (const user of users) {
      this.byOid.set(user.oid.toLowerCase(), user);
      this.byUpn.set(user.upn.toLowerCase(), user);
    }
  }

  /** The user with this object id or UPN, if any. */
  find(oidOrUpn: string): DirectoryUser | undefined {
    const key = oidOrUpn.trim().toLowerCase();
    return this.byOid.get(key) ?? this.byUpn.get(key);
  }
}
