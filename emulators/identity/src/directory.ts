import { sampleTenantId, sampleUsers } from '@planboard/server';

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
