import { meSchema, type Me } from '@planboard/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useAuth } from './AuthProvider';

export const meQueryKey = (oid: string | undefined) => ['me', oid ?? ''] as const;

/** `GET /api/me` for the signed-in account (cached per account; pages share one request). */
export function useMe() {
  const { state } = useAuth();
  const oid = state.status === 'signed-in' ? state.account.oid : undefined;
  return useQuery<Me>({
    queryKey: meQueryKey(oid),
    queryFn: ({ signal }) => api.get('/me', { signal, parse: (data) => meSchema.parse(data) }),
    enabled: oid !== undefined,
    staleTime: 60_000,
    retry: (count, err) => count < 2 && !(err && 'status' in err && (err.status === 401 || err.status === 403)),
  });
}
