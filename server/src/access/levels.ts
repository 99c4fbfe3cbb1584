import { grantLevels, type GrantLevel, type Scope } from '@planboard/contracts';

/** True when `granted` includes `required` (read < edit < approve < admin). */
export function atLeast(granted: GrantLevel | undefined, required: GrantLevel): boolean {
  return granted !== undefined && grantLevels.indexOf(granted) >= grantLevels.indexOf(required);
}

/** The stronger of two levels. */
export function stronger(a: GrantLevel | undefined, b: GrantLevel | undefined): GrantLevel | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return grantLevels.indexOf(a) >= grantLevels.indexOf(b) ? a : b;
}

export interface EffectiveScope extends Scope {
  level: GrantLevel;
}

/**
 * The level a caller holds on every scope: their own grants, plus what a grant on a parent scope
 * (a business unit) gives on its children (its stores). App admins hold `admin` everywhere.
 */
export function effectiveScopes(
  grants: readonly { scopeId: string; level: GrantLevel }[],
  scopes: readonly Scope[],
  isAdmin: boolean,
): EffectiveScope[] {
  if (isAdmin) return scopes.map((scope) => ({ ...scope, level: 'admin' }));
  const direct = new Map<string, GrantLevel>();
  for (const grant of grants) direct.set(grant.scopeId, stronger(direct.get(grant.scopeId), grant.level) as GrantLevel);
  const result: EffectiveScope[] = [];
  for (const scope of scopes) {
    const level = stronger(direct.get(scope.id), scope.parentId ? direct.get(scope.parentId) : undefined);
    if (level) result.push({ ...scope, level });
  }
  // A parent the caller cannot read is not named: its id alone would reveal a scope they may not see.
  const visible = new Set(result.map((scope) => scope.id));
  return result.map(({ parentId, ...scope }) => (parentId && visible.has(parentId) ? { ...scope, parentId } : scope));
}
