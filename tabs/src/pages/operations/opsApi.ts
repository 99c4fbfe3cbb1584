import {
  catalogSyncResultSchema,
  fetchJobCurrentSchema,
  fetchJobStartSchema,
  categoryAssignmentResultSchema,
  historyFetchResultSchema,
  operationsModelDetailSchema,
  operationsModelListSchema,
  operationsWorkspaceDetailSchema,
  operationsWorkspaceListSchema,
  refreshHistorySchema,
  refreshStartedSchema,
  scheduleViewSchema,
  type CategoryAssignment,
  type RefreshStatusFilter,
  type ScheduleUpdate,
} from '@planboard/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** React Query keys of the Operations page. */
export const opsKeys = {
  all: ['operations'] as const,
  workspaces: ['operations', 'workspaces'] as const,
  models: ['operations', 'models'] as const,
  workspace: (id: string) => ['operations', 'workspace', id] as const,
  model: (id: string) => ['operations', 'model', id] as const,
  history: (id: string) => ['operations', 'history', id] as const,
  historyPage: (id: string, status: string, cursor: string) => ['operations', 'history', id, status, cursor] as const,
  chart: (id: string) => ['operations', 'history', id, 'chart'] as const,
  schedule: (id: string) => ['operations', 'schedule', id] as const,
  fetchJob: ['operations-job'] as const,
};

/** While a model refreshes, its history is read from Power BI this often (the status goes Unknown → final). */
export const runningPollMs = 2_000;

/** `dataUpdatedAt` travels with the answers: "how old is this data" grows while the page is open. */
export function useWorkspaces() {
  return useQuery({
    queryKey: opsKeys.workspaces,
    queryFn: ({ signal }) => api.get('/operations/workspaces', { signal, parse: (data) => operationsWorkspaceListSchema.parse(data) }),
  });
}

export function useAllModels() {
  return useQuery({
    queryKey: opsKeys.models,
    queryFn: ({ signal }) => api.get('/operations/models', { signal, parse: (data) => operationsModelListSchema.parse(data) }),
  });
}

export function useWorkspace(workspaceId: string) {
  return useQuery({
    queryKey: opsKeys.workspace(workspaceId),
    queryFn: ({ signal }) =>
      api.get(`/operations/workspaces/${workspaceId}`, { signal, parse: (data) => operationsWorkspaceDetailSchema.parse(data) }),
  });
}

export function useModel(datasetId: string) {
  return useQuery({
    queryKey: opsKeys.model(datasetId),
    queryFn: ({ signal }) =>
      api.get(`/operations/models/${datasetId}`, { signal, parse: (data) => operationsModelDetailSchema.parse(data) }),
  });
}

/** One page of the stored history (newest first), filtered by status on the server. */
export function useHistoryPage(datasetId: string, status: RefreshStatusFilter | undefined, cursor: string | undefined, top: number) {
  return useQuery({
    queryKey: opsKeys.historyPage(datasetId, status ?? 'all', cursor ?? 'first'),
    queryFn: ({ signal }) =>
      api.get(`/operations/models/${datasetId}/history`, {
        signal,
        query: { top, status, cursor },
        parse: (data) => refreshHistorySchema.parse(data),
      }),
    placeholderData: keepPreviousData,
  });
}

/** The last 30 days of the history for the duration chart. */
export function useHistoryChart(datasetId: string, nowMs: number) {
  const from = new Date(nowMs - 30 * 24 * 60 * 60_000).toISOString();
  return useQuery({
    queryKey: opsKeys.chart(datasetId),
    queryFn: ({ signal }) =>
      api.get(`/operations/models/${datasetId}/history`, {
        signal,
        query: { top: 1000, from },
        parse: (data) => refreshHistorySchema.parse(data),
      }),
  });
}

export function useSchedule(datasetId: string) {
  return useQuery({
    queryKey: opsKeys.schedule(datasetId),
    queryFn: ({ signal }) =>
      api.get(`/operations/models/${datasetId}/schedule`, { signal, parse: (data) => scheduleViewSchema.parse(data) }),
  });
}

/** The page's writes; each refetches what it changed. */
export function useOpsMutations() {
  const queryClient = useQueryClient();
  const refetchAll = () => queryClient.invalidateQueries({ queryKey: opsKeys.all });
  const sync = useMutation({
    mutationFn: () => api.post('/operations/catalog/sync', undefined, { parse: (data) => catalogSyncResultSchema.parse(data) }),
    onSuccess: refetchAll,
  });
  const assign = useMutation({
    mutationFn: (input: CategoryAssignment) =>
      api.put('/operations/categories', input, { parse: (data) => categoryAssignmentResultSchema.parse(data) }),
    onSuccess: refetchAll,
  });
  const refresh = useMutation({
    mutationFn: (datasetId: string) =>
      api.post(`/operations/models/${datasetId}/refresh`, undefined, { parse: (data) => refreshStartedSchema.parse(data) }),
  });
  const fetchHistory = useMutation({
    mutationFn: (datasetId: string) =>
      api.post(`/operations/models/${datasetId}/history/fetch`, undefined, { parse: (data) => historyFetchResultSchema.parse(data) }),
    onSuccess: refetchAll,
  });
  const schedule = useMutation({
    mutationFn: ({ datasetId, update }: { datasetId: string; update: ScheduleUpdate }) =>
      api.put(`/operations/models/${datasetId}/schedule`, update, { parse: (data) => scheduleViewSchema.parse(data) }),
    onSuccess: refetchAll,
  });
  return { sync, assign, refresh, fetchHistory, schedule };
}

export type OpsMutations = ReturnType<typeof useOpsMutations>;

/** While a bulk fetch runs, its progress is read this often. */
export const fetchJobPollMs = 1_000;

/** The newest bulk fetch; polled while it runs, and the catalog views refetched when it ends. */
export function useFetchJob() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: opsKeys.fetchJob,
    queryFn: async ({ signal }) => {
      const { job } = await api.get('/operations/fetch-all', { signal, parse: (data) => fetchJobCurrentSchema.parse(data) });
      const previous = queryClient.getQueryData<typeof job>(opsKeys.fetchJob);
      if (previous?.state === 'running' && job && job.state !== 'running') void queryClient.invalidateQueries({ queryKey: opsKeys.all });
      return job;
    },
    refetchInterval: (query) => (query.state.data?.state === 'running' ? fetchJobPollMs : false),
  });
}

export function useStartFetchJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/operations/fetch-all', undefined, { parse: (data) => fetchJobStartSchema.parse(data) }),
    onSuccess: (started) => queryClient.setQueryData(opsKeys.fetchJob, started.job),
  });
}
