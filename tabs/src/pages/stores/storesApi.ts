import { storeListSchema, storeSalesSchema, type StoreList, type StoreSales, type StoreSalesGrouping } from '@planboard/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';

/** `GET /api/stores`: the signed-in account's stores (they depend on its grants). */
export function useStores() {
  const { state } = useAuth();
  const oid = state.status === 'signed-in' ? state.account.oid : undefined;
  return useQuery<StoreList>({
    queryKey: ['stores', oid ?? ''],
    queryFn: ({ signal }) => api.get('/stores', { signal, parse: (data) => storeListSchema.parse(data) }),
    enabled: oid !== undefined,
    staleTime: 60_000,
  });
}

/** `GET /api/stores/{storeId}/sales`: one store's range, by day or ISO week (refreshed every five minutes while open). */
export function useStoreSales(storeId: string | undefined, range: { from: string; to: string }, by: StoreSalesGrouping) {
  return useQuery<StoreSales>({
    queryKey: ['stores', 'sales', storeId ?? '', range.from, range.to, by],
    queryFn: ({ signal }) =>
      api.get(`/stores/${encodeURIComponent(storeId ?? '')}/sales?${new URLSearchParams({ ...range, by }).toString()}`, {
        signal,
        parse: (data) => storeSalesSchema.parse(data),
      }),
    enabled: storeId !== undefined,
    refetchInterval: 300_000,
  });
}
