import type { GrantedScope, GrantLevel, Me } from '@planboard/contracts';

const rank: Record<GrantLevel, number> = { read: 0, edit: 1, approve: 2, admin: 3 };

/** Admin pages (Operations, Access): app admins, or anyone holding admin on some scope. */
export function canAdminister(me: Me | undefined): boolean {
  return !!me && (me.isAdmin || me.scopes.some((scope) => scope.level === 'admin'));
}

/** The caller's business units, in the API's order. */
export const businessUnitsOf = (scopes: readonly GrantedScope[]) => scopes.filter((scope) => scope.type === 'businessUnit');

function summarise(names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  return names.length <= 2 ? names.join(', ') : `${names.length} business units`;
}

/**
 * A short role for the header, derived from the grants: Admin (app role), Access admin, BU leader
 * (approve on a BU), Contributor (edit), Manager / Reader (read on several BUs / one), with where.
 */
export function roleOf(me: Me): { label: string; detail?: string } {
  if (me.isAdmin) return { label: 'Admin', detail: 'All business units' };
  const units = businessUnitsOf(me.scopes);
  const best = me.scopes.reduce<GrantLevel | undefined>(
    (top, s) => (top === undefined || rank[s.level] > rank[top] ? s.level : top),
    undefined,
  );
  if (!best) return { label: 'No access yet' };
  // Grants on stores only (no business unit): a store's own team, named by its stores.
  if (units.length === 0) {
    const stores = me.scopes.filter((scope) => scope.type === 'store').map((scope) => scope.name);
    if (stores.length) return { label: stores.length === 1 ? 'Store team' : 'Stores team', detail: summarise(stores) };
  }
  const at = (level: GrantLevel) => summarise(units.filter((unit) => unit.level === level).map((unit) => unit.name));
  switch (best) {
    case 'admin':
      return { label: 'Access admin', detail: at('admin') };
    case 'approve':
      return units.some((u) => u.level === 'approve') ? { label: 'BU leader', detail: at('approve') } : { label: 'Approver' };
    case 'edit':
      return { label: 'Contributor', detail: at('edit') };
    default:
      return { label: units.length > 1 ? 'Manager' : 'Reader', detail: at('read') };
  }
}
