import { reportEmbedSchema, reportListSchema, type ReportEmbed, type ReportList } from '@planboard/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';

/** `GET /api/reports` for the signed-in account (the list depends on their grants). */
export function useReports() {
  const { state } = useAuth();
  const oid = state.status === 'signed-in' ? state.account.oid : undefined;
  return useQuery<ReportList>({
    queryKey: ['reports', oid ?? ''],
    queryFn: ({ signal }) => api.get('/reports', { signal, parse: (data) => reportListSchema.parse(data) }),
    enabled: oid !== undefined,
    staleTime: 60_000,
    retry: (count, err) => count < 2 && !(err && 'status' in err && (err.status === 401 || err.status === 403)),
  });
}

/** `POST /api/reports/{id}/embed`: a fresh embed token (first load and every renewal). Never cached. */
export function fetchEmbed(reportId: string, signal?: AbortSignal): Promise<ReportEmbed> {
  return api.post(`/reports/${encodeURIComponent(reportId)}/embed`, undefined, { signal, parse: (data) => reportEmbedSchema.parse(data) });
}
