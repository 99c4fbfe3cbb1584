import { odata, type TableClient } from '@azure/data-tables';
import { grantLevels, scopeTypes, type GrantLevel, type Scope } from '@planboard/contracts';
import type { Caller } from '../auth/caller';
import { userKey } from '../auth/caller';
import { tableClient, tableNames } from '../storage/tables';

/** A stored grant of one user on one scope. */
export interface StoredGrant {
  tid: string;
  oid: string;
  scopeId: string;
  level: GrantLevel;
  grantedBy: string;
  grantedAt: string;
}

/** A user as the directory knows them (refreshed from their token on each visit). */
export interface StoredUser {
  tid: string;
  oid: string;
  name: string;
  upn: string;
  appRoles: string[];
}

const isLevel = (value: unknown): value is GrantLevel => grantLevels.includes(value as GrantLevel);

function toGrant(row: Record<string, unknown>, tid: string, oid: string): StoredGrant | undefined {
  if (!isLevel(row.level)) return undefined;
  const grantedAt = row.grantedAt instanceof Date ? row.grantedAt.toISOString() : String(row.grantedAt ?? '');
  return { tid, oid, scopeId: String(row.scopeId), level: row.level, grantedBy: String(row.grantedBy ?? ''), grantedAt };
}

function toUser(row: Record<string, unknown>, tid: string, oid: string): StoredUser {
  return {
    tid,
    oid,
    name: String(row.name ?? ''),
    upn: String(row.upn ?? ''),
    appRoles: String(row.appRoles ?? '')
      .split(',')
      .filter(Boolean),
  };
}
const isScopeType = (value: unknown): value is Scope['type'] => scopeTypes.includes(value as Scope['type']);

/** Reads and writes users, scopes and grants in Table Storage. Stateless: safe to run on many instances. */
export class DirectoryStore {
  private readonly scopes: TableClient;
  private readonly users: TableClient;
  readonly grants: TableClient;

  constructor(connectionString: string) {
    this.scopes = tableClient(connectionString, tableNames.scopes);
    this.users = tableClient(connectionString, tableNames.users);
    this.grants = tableClient(connectionString, tableNames.grants);
  }

  /** Every scope (a small, single partition). */
  async listScopes(): Promise<Scope[]> {
    const scopes: Scope[] = [];
    for await (const row of this.scopes.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'scope'}` } })) {
      if (!isScopeType(row.type)) continue;
      const parentId = typeof row.parentId === 'string' && row.parentId ? row.parentId : undefined;
      scopes.push({ id: String(row.rowKey), type: row.type, name: String(row.name), ...(parentId ? { parentId } : {}) });
    }
    return scopes;
  }

  /** One user's grants: a single partition range query. */
  async grantsOf(user: Pick<Caller, 'tid' | 'oid'>): Promise<StoredGrant[]> {
    const filter = odata`PartitionKey eq ${userKey(user)} and RowKey ge ${'grant|'} and RowKey lt ${'grant}'}`;
    const grants: StoredGrant[] = [];
    for await (const row of this.grants.listEntities({ queryOptions: { filter } })) {
      const grant = toGrant(row, user.tid, user.oid);
      if (grant) grants.push(grant);
    }
    return grants;
  }

  /** One grant with its ETag, for a conditional update. */
  async grantWithEtag(user: { tid: string; oid: string }, scopeId: string): Promise<{ grant: StoredGrant; etag: string } | undefined> {
    try {
      const row = await this.grants.getEntity(userKey(user), `grant|${scopeId}`);
      const grant = toGrant(row, user.tid, user.oid);
      return grant && { grant, etag: String(row.etag) };
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  /** Audit entries of one user's grants, newest first. */
  async auditOf(user: { tid: string; oid: string }, limit = 100): Promise<Record<string, unknown>[]> {
    const filter = odata`PartitionKey eq ${userKey(user)} and RowKey ge ${'audit|'} and RowKey lt ${'audit}'}`;
    const rows: Record<string, unknown>[] = [];
    for await (const row of this.grants.listEntities({ queryOptions: { filter } })) {
      rows.push(row);
      if (rows.length >= limit) break;
    }
    return rows;
  }

  /** Every grant in the tenant (admin views). */
  async allGrants(tid: string): Promise<StoredGrant[]> {
    const filter = odata`PartitionKey ge ${`${tid}|`} and PartitionKey lt ${`${tid}}`}`;
    const grants: StoredGrant[] = [];
    for await (const row of this.grants.listEntities({ queryOptions: { filter } })) {
      const [, oid = ''] = String(row.partitionKey).split('|');
      const grant = String(row.rowKey).startsWith('grant|') ? toGrant(row, tid, oid) : undefined;
      if (grant) grants.push(grant);
    }
    return grants;
  }

  async listUsers(tid: string): Promise<StoredUser[]> {
    const users: StoredUser[] = [];
    for await (const row of this.users.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${tid}` } })) {
      users.push(toUser(row, tid, String(row.rowKey)));
    }
    return users;
  }

  async getUser(tid: string, oid: string): Promise<StoredUser | undefined> {
    try {
      return toUser(await this.users.getEntity(tid, oid), tid, oid);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  /** Keeps the directory's name/UPN/roles in step with the caller's latest token. */
  async rememberCaller(caller: Caller): Promise<void> {
    await this.users.upsertEntity(
      { partitionKey: caller.tid, rowKey: caller.oid, name: caller.name, upn: caller.upn, appRoles: caller.appRoles.join(',') },
      'Merge',
    );
  }
}
