import { describe, expect, it } from '@jest/globals';
import type { GrantedScope, Me } from '@planboard/contracts';
import { canAdminister, roleOf } from './roles';

const bu = (id: string, name: string, level: GrantedScope['level']): GrantedScope => ({ id, name, type: 'businessUnit', level });
const me = (scopes: GrantedScope[], isAdmin = false): Me => ({
  user: { tid: 't', oid: 'o', name: 'N', upn: 'n@x' },
  appRoles: isAdmin ? ['Admin'] : [],
  isAdmin,
  scopes,
});

describe('roles', () => {
  it('derives a role label and where it applies from the grant levels', () => {
    expect(
      roleOf(me([bu('sales-north', 'Sales North', 'approve'), { id: 'store-104233', name: 'Oslo', type: 'store', level: 'approve' }])),
    ).toEqual({
      label: 'BU leader',
      detail: 'Sales North',
    });
    expect(roleOf(me([bu('finance', 'Finance', 'edit')]))).toEqual({ label: 'Contributor', detail: 'Finance' });
    const three = [bu('a', 'A', 'read'), bu('b', 'B', 'read'), bu('c', 'C', 'read')];
    expect(roleOf(me(three))).toEqual({ label: 'Manager', detail: '3 business units' });
    expect(roleOf(me([], true)).label).toBe('Admin');
    expect(roleOf(me([])).label).toBe('No access yet');
    // A store leader's grant is on their store only: they are its team, not a BU's contributor.
    expect(roleOf(me([{ id: 'store-104233', name: 'Oslo Central', type: 'store', level: 'edit' }]))).toEqual({
      label: 'Store team',
      detail: 'Oslo Central',
    });
  });

  it('lets app admins and scope admins into the admin pages only', () => {
    expect(canAdminister(me([], true))).toBe(true);
    expect(canAdminister(me([bu('finance', 'Finance', 'admin')]))).toBe(true);
    expect(canAdminister(me([bu('finance', 'Finance', 'approve')]))).toBe(false);
    expect(canAdminister(undefined)).toBe(false);
  });
});
