import type { GrantLevel, ScopeType } from '@planboard/contracts';
import { type Caller, atLeast, type EffectiveScope } from '@planboard/server';
import { forbidden, notFound } from '../errors';

/**
 * What one caller may do, computed once per request from their grants. Every route asks this
 * guard before it reads or writes, and builds its storage filters from `scopeIds()`.
 */
export class Access {
  private readonly byId: ReadonlyMap<string, EffectiveScope>;

  constructor(
    readonly caller: Caller,
    readonly scopes: readonly EffectiveScope[],
  ) {
    this.byId = new Map(scopes.map((scope) => [scope.id, scope]));
  }

  /** The caller's level on a scope, if any. */
  levelOn(scopeId: string): GrantLevel | undefined {
    return this.byId.get(scopeId)?.level;
  }

  can(scopeId: string, level: GrantLevel): boolean {
    return atLeast(this.levelOn(scopeId), level);
  }

  /**
   * Allows the request or throws: 404 when the caller cannot even read the scope (so its existence
   * is not revealed), 403 when they can read it but need a stronger level.
   */
  require(scopeId: string, level: GrantLevel, what = 'This item'): EffectiveScope {
    const scope = this.byId.get(scopeId);
    if (!scope) throw notFound(`${what} was not found.`);
    if (!atLeast(scope.level, level)) throw forbidden(`You need ${level} access to ${scope.name} for this.`);
    return scope;
  }

  /** Only app admins (Entra app role `Admin`). */
  requireAdmin(): void {
    if (!this.caller.isAdmin) throw forbidden('Only Planboard admins can do this.');
  }

  /** Ids of the scopes the caller holds at least `level` on, optionally of one type. */
  scopeIds(level: GrantLevel = 'read', type?: ScopeType): string[] {
    return this.scopes.filter((scope) => atLeast(scope.level, level) && (!type || scope.type === type)).map((scope) => scope.id);
  }
}
