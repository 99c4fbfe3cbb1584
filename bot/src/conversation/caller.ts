import { type DirectoryStore, effectiveScopes } from '@planboard/server';
import type { Sender } from '../platform/types';

/** The person behind a chat message or card click, as the access model sees them. */
export interface BotCaller {
  /** Found in the directory of an allowed tenant. */
  known: boolean;
  tid: string;
  oid: string;
  name: string;
  upn: string;
  /** App role `Admin` (the same check as the API's). */
  isAdmin: boolean;
  /** Scopes the person may read (grants, inherited by stores, as the API computes them). */
  readableScopeIds: string[];
}

/**
 * Identifies chat users by `aadObjectId` + tenant against the same directory, grants and app role
 * the API uses. Teams vouches for both ids (the channel signs the request); someone the directory
 * does not know — never signed in to the tab — has no rights, like a token without grants.
 */
export class CallerResolver {
  constructor(
    private readonly directory: Pick<DirectoryStore, 'getUser' | 'grantsOf' | 'listScopes'>,
    private readonly allowedTenants: readonly string[],
  ) {}

  async resolve(tenantId: string, from: Sender): Promise<BotCaller> {
    const oid = from.aadObjectId ?? '';
    const unknown: BotCaller = {
      known: false,
      tid: tenantId,
      oid,
      name: from.name ?? 'someone',
      upn: '',
      isAdmin: false,
      readableScopeIds: [],
    };
    if (!oid || !this.allowedTenants.includes(tenantId)) return unknown;
    const user = await this.directory.getUser(tenantId, oid);
    if (!user) return unknown;
    const isAdmin = user.appRoles.includes('Admin');
    const [grants, scopes] = await Promise.all([this.directory.grantsOf({ tid: tenantId, oid }), this.directory.listScopes()]);
    return {
      known: true,
      tid: tenantId,
      oid,
      name: user.name || from.name || user.upn,
      upn: user.upn,
      isAdmin,
      readableScopeIds: effectiveScopes(grants, scopes, isAdmin).map((scope) => scope.id),
    };
  }
}
