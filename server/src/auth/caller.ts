/** The authenticated caller, taken from a validated Entra-shaped token (v1 or v2). */
export interface Caller {
  /** Tenant id and object id together are the stable user key. */
  readonly tid: string;
  readonly oid: string;
  /** User principal name (v2 `preferred_username`, v1 `upn`); what Power BI calls the username. */
  readonly upn: string;
  readonly name: string;
  readonly appRoles: readonly string[];
  readonly isAdmin: boolean;
  readonly tokenVersion: '1.0' | '2.0';
  /** The raw bearer token, kept for on-behalf-of exchanges (never logged). */
  readonly token: string;
}

/** The partition key of everything stored per user. */
export function userKey(caller: Pick<Caller, 'tid' | 'oid'>): string {
  return `${caller.tid}|${caller.oid}`;
}
