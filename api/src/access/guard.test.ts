import type { Caller } from '@planboard/server';
import { ApiError } from '../errors';
import { Access } from './guard';

const caller: Caller = { tid: 't', oid: 'o', upn: 'u@x', name: 'U', appRoles: [], isAdmin: false, tokenVersion: '2.0', token: '' };
const access = new Access(caller, [
  { id: 'sales-north', type: 'businessUnit', name: 'Sales North', level: 'edit' },
  { id: 'store-104233', type: 'store', name: 'Oslo', parentId: 'sales-north', level: 'read' },
]);

function statusOf(run: () => unknown): number | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.status : -1;
  }
}

describe('access guard', () => {
  it('allows what the grants allow', () => {
    expect(access.require('sales-north', 'edit').name).toBe('Sales North');
    expect(access.can('store-104233', 'read')).toBe(true);
  });

  it('answers 403 when the scope is readable but the level is too weak', () => {
    expect(statusOf(() => access.require('sales-north', 'approve'))).toBe(403);
  });

  it('answers 404 (never 403) for a scope the caller cannot read, existing or not', () => {
    expect(statusOf(() => access.require('finance', 'read'))).toBe(404);
    expect(statusOf(() => access.require('no-such-scope', 'read'))).toBe(404);
  });

  it('lists scope ids by level and type for storage filters', () => {
    expect(access.scopeIds()).toEqual(['sales-north', 'store-104233']);
    expect(access.scopeIds('edit')).toEqual(['sales-north']);
    expect(access.scopeIds('read', 'store')).toEqual(['store-104233']);
  });

  it('reserves admin routes to the Admin app role', () => {
    expect(statusOf(() => access.requireAdmin())).toBe(403);
    expect(statusOf(() => new Access({ ...caller, isAdmin: true, appRoles: ['Admin'] }, []).requireAdmin())).toBeUndefined();
  });
});
