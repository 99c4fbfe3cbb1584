import {
  storeRunListSchema,
  storeRunReportSchema,
  storeRunStartedSchema,
  storeSourceListSchema,
  storeUploadPreviewSchema,
  type StoreRun,
  type StoreUploadPreview,
} from '@planboard/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, ApiError } from '../../api/client';

export const dataKeys = {
  all: ['data'] as const,
  sources: ['data', 'sources'] as const,
  runs: ['data', 'runs'] as const,
  run: (runId: string) => ['data', 'run', runId] as const,
};

/** While a run is queued or running, its progress is read this often. */
export const runPollMs = 1_000;
const active = (state: string | undefined) => state === 'queued' || state === 'running';
/** A run whose state or report refresh may still change. */
const moving = (run: StoreRun | undefined) => active(run?.state) || run?.refresh.state === 'running';

export function useSources() {
  return useQuery({
    queryKey: dataKeys.sources,
    queryFn: ({ signal }) => api.get('/stores/sources', { signal, parse: (data) => storeSourceListSchema.parse(data).sources }),
  });
}

export function useRuns() {
  return useQuery({
    queryKey: dataKeys.runs,
    queryFn: ({ signal }) => api.get('/stores/runs', { signal, query: { top: 20 }, parse: (data) => storeRunListSchema.parse(data).runs }),
    refetchInterval: (query) => (query.state.data?.some(moving) ? runPollMs : false),
  });
}

/** One run's report, polled until it has finished; the history and sources refresh then. */
export function useRun(runId: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: dataKeys.run(runId ?? ''),
    enabled: Boolean(runId),
    queryFn: async ({ signal }) => {
      const report = await api.get(`/stores/runs/${encodeURIComponent(runId ?? '')}`, {
        signal,
        parse: (data) => storeRunReportSchema.parse(data),
      });
      if (!active(report.run.state)) void queryClient.invalidateQueries({ queryKey: dataKeys.sources });
      return report;
    },
    refetchInterval: (query) => (moving(query.state.data?.run) ? runPollMs : false),
  });
}

export function useRunNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/stores/runs', undefined, { parse: (data) => storeRunStartedSchema.parse(data).runId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: dataKeys.runs }),
  });
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const uploadContentType = (file: File): string => (file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : xlsxType);

/** `POST /stores/uploads` with the file as the body: its rows and errors; nothing is loaded. */
export function previewUpload(file: File): Promise<StoreUploadPreview> {
  const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, {
      ...init,
      body: file,
      headers: { ...(init?.headers as Record<string, string>), 'content-type': uploadContentType(file) },
    })) as typeof fetch;
  return apiRequest('POST', '/stores/uploads', {
    fetchImpl,
    query: { fileName: file.name },
    parse: (data) => storeUploadPreviewSchema.parse(data),
  });
}

export function useLoadUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uploadId: string) =>
      api.post(`/stores/uploads/${encodeURIComponent(uploadId)}/load`, undefined, {
        parse: (data) => storeRunStartedSchema.parse(data).runId,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: dataKeys.runs }),
  });
}

/** `GET …/rejected.xlsx` as a file download. */
export async function downloadRejected(runId: string): Promise<void> {
  let blob: Blob | undefined;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    if (response.ok) blob = await response.clone().blob();
    return response;
  }) as typeof fetch;
  await apiRequest('GET', `/stores/runs/${encodeURIComponent(runId)}/rejected.xlsx`, { fetchImpl, headers: { accept: xlsxType } });
  if (!blob) throw new ApiError(0, 'invalid_response', 'The download did not return a workbook');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `rejected-rows-${runId}.xlsx`;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
