import type { StoreSummary } from '@planboard/contracts';
import type { EffectiveScope, StoreMasterEntity } from '@planboard/server';

const storeNumberOf = (scopeId: string): string | undefined => /^store-(\d{6})$/.exec(scopeId)?.[1];

/** What the store routes say for a store the caller may not read, or that is not a store. */
export const thisStore = 'This store';

/**
 * The caller's stores, by name: the store scopes their grants reach (directly, or through a
 * business unit; admins all), with master data where the store master has the store.
 * `scopes` are the caller's effective scopes, so nothing here reaches beyond their grants.
 */
export function callerStores(scopes: readonly EffectiveScope[], master: ReadonlyMap<string, StoreMasterEntity>): StoreSummary[] {
  const names = new Map(scopes.map((scope) => [scope.id, scope.name]));
  return scopes
    .filter((scope) => scope.type === 'store')
    .flatMap((scope): StoreSummary[] => {
      const storeId = storeNumberOf(scope.id);
      if (!storeId) return [];
      const row = master.get(storeId);
      return [
        {
          storeId,
          scopeId: scope.id,
          name: row?.name || scope.name,
          location: row?.location || null,
          region: row?.region || null,
          // Named only when the caller can read the business unit (effectiveScopes drops an unreadable parent).
          businessUnit: scope.parentId ? (names.get(scope.parentId) ?? null) : null,
          manager: row?.manager || null,
          active: row ? row.active !== false : true,
        },
      ];
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
