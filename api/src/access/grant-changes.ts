import { randomUUID } from 'node:crypto';
import { RestError, type TransactionAction } from '@azure/data-tables';
import type { AccessAuditEntry, GrantLevel } from '@planboard/contracts';
import { type Caller, grantEntity, type DirectoryStore, type StoredGrant } from '@planboard/server';
import { conflict } from '../errors';

/** Row keys that sort newest first: audit pages read from the start of the range. */
export function newestFirstKey(at: Date): string {
  return String(8_640_000_000_000_000 - at.getTime()).padStart(16, '0');
}

export interface GrantChange {
  target: { tid: string; oid: string };
  scopeId: string;
  /** The new level, or null to revoke. */
  level: GrantLevel | null;
}

/**
 * Grants, changes or revokes one grant and writes its audit entry in the same entity-group
 * transaction (same partition), so there is never a change without its audit or the reverse.
 * A concurrent change to the same grant fails the ETag check and is reported as a conflict.
 */
export async function changeGrant(
  store: DirectoryStore,
  actor: Caller,
  change: GrantChange,
  current: StoredGrant | undefined,
  etag?: string,
): Promise<AccessAuditEntry | null> {
  const oldLevel = current?.level ?? null;
  if (oldLevel === change.level) return null;
  const at = new Date();
  const entry: AccessAuditEntry = {
    at: at.toISOString(),
    by: actor.upn,
    action: change.level ? 'grant' : 'revoke',
    userOid: change.target.oid,
    scopeId: change.scopeId,
    oldLevel,
    newLevel: change.level,
  };
  const grant = grantEntity(change.target, change.scopeId, change.level ?? 'read', actor.upn, at);
  const audit = {
    partitionKey: grant.partitionKey,
    rowKey: `audit|${newestFirstKey(at)}|${randomUUID()}`,
    ...entry,
    oldLevel: oldLevel ?? '',
    newLevel: change.level ?? '',
  };
  const write: TransactionAction = !change.level ? ['delete', grant] : current ? ['update', grant, 'Replace', { etag }] : ['create', grant];
  try {
    await store.grants.submitTransaction([write, ['create', audit]]);
  } catch (error) {
    if (error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412 || error.statusCode === 404)) {
      throw conflict('Someone else changed this grant at the same time. Reload and try again.');
    }
    throw error;
  }
  return entry;
}
