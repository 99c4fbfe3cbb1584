import {
  kpiDashboardSchema,
  kpiDetailSchema,
  kpiImportResultSchema,
  kpiSavedSchema,
  kpiSummarySchema,
  type KpiDashboard,
  type KpiDataPointInput,
  type KpiDefinitionInput,
  type KpiDetail,
  type KpiImportResult,
  type KpiSummary,
} from '@planboard/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client';
import { withoutKpi, withSummary } from './dashboard';
import { importContentType, type ImportFileKind } from './kpiImport';

/** React Query keys of the KPI page. */
export const kpiKeys = {
  all: ['kpis'] as const,
  dashboard: ['kpis', 'dashboard'] as const,
  detail: (departmentId: string, kpiId: string) => ['kpis', 'detail', departmentId, kpiId] as const,
};

const departmentPath = (departmentId: string) => `/kpis/${encodeURIComponent(departmentId)}`;
const kpiPath = (departmentId: string, kpiId: string) => `${departmentPath(departmentId)}/${encodeURIComponent(kpiId)}`;

/** `GET /api/kpis`: the caller's departments with their KPIs (refreshed every minute while open). */
export function useKpiDashboard() {
  return useQuery({
    queryKey: kpiKeys.dashboard,
    queryFn: ({ signal }) => api.get('/kpis', { signal, parse: (data) => kpiDashboardSchema.parse(data) }),
    refetchInterval: 60_000,
  });
}

/** A KPI's detail; its `etag` (in the body: App Service CORS may hide the header) is what its changes are made against. */
export type KpiDetailWithTag = KpiDetail;

/** `GET /api/kpis/{departmentId}/{kpiId}`: the KPI and all its points, newest first, and its version. */
export function fetchKpiDetail(departmentId: string, kpiId: string, signal?: AbortSignal): Promise<KpiDetailWithTag> {
  return api.get(kpiPath(departmentId, kpiId), { signal, parse: (data) => kpiDetailSchema.parse(data) });
}

/** The open KPI's detail (nothing while none is open). */
export function useKpiDetail(departmentId: string | undefined, kpiId: string | undefined) {
  return useQuery({
    queryKey: kpiKeys.detail(departmentId ?? '', kpiId ?? ''),
    queryFn: ({ signal }) => fetchKpiDetail(departmentId ?? '', kpiId ?? '', signal),
    enabled: !!departmentId && !!kpiId,
  });
}

const summary = { parse: (data: unknown) => kpiSummarySchema.parse(data) };
const saved = { parse: (data: unknown) => kpiSavedSchema.parse(data) };
/**
 * The `If-Match` of a definition's update or delete, which the API requires (428 without it): the
 * version the user's view was loaded with or, when the page has none, the detail's (`loadDetail`).
 */
export async function ifMatchFor(target: KpiVersion, loadDetail: () => Promise<{ etag: string }>): Promise<{ 'if-match': string }> {
  return { 'if-match': target.etag || (await loadDetail()).etag };
}

/** Sends an import: JSON points as a JSON body, a .csv/.xlsx file as the body with its content type. */
function sendImport(departmentId: string, upload: ImportUpload): Promise<KpiImportResult> {
  const path = `${departmentPath(departmentId)}/import`;
  const parse = (data: unknown) => kpiImportResultSchema.parse(data);
  if (upload.kind === 'json') return api.post(path, upload.body, { parse });
  const { file, kind } = upload;
  const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, {
      ...init,
      body: file,
      headers: { ...(init?.headers as Record<string, string>), 'content-type': importContentType(kind) },
    })) as typeof fetch;
  return apiRequest('POST', path, { fetchImpl, parse });
}

/** What an import sends: the points of a JSON file, or a spreadsheet as it is. */
export type ImportUpload = { kind: 'json'; body: { points: unknown[] } } | { kind: Exclude<ImportFileKind, 'json'>; file: File };

/** A change to a KPI's definition: new (no `kpiId` yet) or existing. */
export interface DefinitionChange {
  departmentId: string;
  /** The KPI being edited; absent for "New KPI". */
  kpiId?: string;
  input: KpiDefinitionInput;
  /** The version the user's view was loaded with (the detail's or the dashboard's `etag`). */
  etag?: string;
}

/** Which KPI a change or delete is about, and the version the user saw, if the page has it. */
export interface KpiVersion {
  departmentId: string;
  kpiId: string;
  etag?: string;
}

/**
 * The page's writes. Each puts what the API answers into the dashboard at once (status badges
 * change without waiting), then refetches the dashboard and the open KPI.
 */
export function useKpiMutations() {
  const queryClient = useQueryClient();
  const patch = (update: (dashboard: KpiDashboard) => KpiDashboard) =>
    queryClient.setQueryData<KpiDashboard>(kpiKeys.dashboard, (dashboard) => (dashboard ? update(dashboard) : dashboard));
  const refresh = () => queryClient.invalidateQueries({ queryKey: kpiKeys.all });
  const stored = (result: KpiSummary) => {
    patch((dashboard) => withSummary(dashboard, result));
    return refresh();
  };

  const addPoint = useMutation({
    mutationFn: ({ departmentId, kpiId, input }: { departmentId: string; kpiId: string; input: KpiDataPointInput }) =>
      api.post(`${kpiPath(departmentId, kpiId)}/points`, input, summary),
    onSuccess: stored,
  });
  /** `If-Match` for a KPI: the version the user saw, else its detail's (cached, else fetched). */
  const ifMatch = (target: KpiVersion) =>
    ifMatchFor(target, () =>
      queryClient.fetchQuery({
        queryKey: kpiKeys.detail(target.departmentId, target.kpiId),
        queryFn: ({ signal }) => fetchKpiDetail(target.departmentId, target.kpiId, signal),
      }),
    );
  const saveDefinition = useMutation({
    mutationFn: async ({ departmentId, kpiId, input, etag }: DefinitionChange): Promise<KpiSummary> =>
      kpiId
        ? api.put(kpiPath(departmentId, kpiId), input, { ...saved, headers: await ifMatch({ departmentId, kpiId, etag }) })
        : api.post(departmentPath(departmentId), input, saved),
    onSuccess: stored,
  });
  const deleteDefinition = useMutation({
    mutationFn: async (target: KpiVersion) => api.delete(kpiPath(target.departmentId, target.kpiId), { headers: await ifMatch(target) }),
    onSuccess: (_, { departmentId, kpiId }) => {
      patch((dashboard) => withoutKpi(dashboard, departmentId, kpiId));
      queryClient.removeQueries({ queryKey: kpiKeys.detail(departmentId, kpiId) });
      return queryClient.invalidateQueries({ queryKey: kpiKeys.dashboard });
    },
  });
  const importPoints = useMutation({
    mutationFn: ({ departmentId, upload }: { departmentId: string; upload: ImportUpload }) => sendImport(departmentId, upload),
    onSuccess: refresh,
  });
  return { addPoint, saveDefinition, deleteDefinition, importPoints };
}

/** The page's mutations, as the dialogs receive them. */
export type KpiMutations = ReturnType<typeof useKpiMutations>;
