import type { Scope } from '@planboard/contracts';
import { atLeast, effectiveScopes, stronger } from './levels';

const scopes: Scope[] = [
  { id: 'sales-north', type: 'businessUnit', name: 'Sales North' },
  { id: 'finance', type: 'businessUnit', name: 'Finance' },
  { id: 'store-104233', type: 'store', name: 'Oslo', parentId: 'sales-north' },
];

describe('grant levels', () => {
  it('orders read < edit < approve < admin', () => {
    expect(atLeast('edit', 'read')).toBe(true);
    expect(atLeast('read', 'edit')).toBe(false);
    expect(atLeast('admin', 'approve')).toBe(true);
    expect(atLeast(undefined, 'read')).toBe(false);
    expect(stronger('read', 'approve')).toBe('approve');
  });

  it('gives a BU grant to its stores, and nothing else', () => {
    const result = effectiveScopes([{ scopeId: 'sales-north', level: 'edit' }], scopes, false);
    expect(result.map((s) => [s.id, s.level])).toEqual([
      ['sales-north', 'edit'],
      ['store-104233', 'edit'],
    ]);
  });

  it('keeps the stronger of a direct and an inherited grant', () => {
    const result = effectiveScopes(
      [
        { scopeId: 'sales-north', level: 'read' },
        { scopeId: 'store-104233', level: 'approve' },
      ],
      scopes,
      false,
    );
    expect(result.find((s) => s.id === 'store-104233')?.level).toBe('approve');
  });

  it('does not name a parent scope the caller cannot read', () => {
    const [store] = effectiveScopes([{ scopeId: 'store-104233', level: 'read' }], scopes, false);
    expect(store).toEqual({ id: 'store-104233', type: 'store', name: 'Oslo', level: 'read' });
  });

  it('gives app admins admin on every scope', () => {
    expect(effectiveScopes([], scopes, true).every((s) => s.level === 'admin')).toBe(true);
  });

  it('ignores grants on scopes that no longer exist', () => {
    expect(effectiveScopes([{ scopeId: 'gone', level: 'admin' }], scopes, false)).toEqual([]);
  });
});
