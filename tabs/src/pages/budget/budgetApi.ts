import {
  actualsSchema,
  auditEntrySchema,
  budgetGridSchema,
  budgetPatchResultSchema,
  budgetSummarySchema,
  importPreviewSchema,
  planStateSchema,
  planStatusListSchema,
  type Actuals,
  type BudgetGrid,
  type BudgetPatch,
  type BudgetPatchResult,
  type AuditEntry,
  type ImportPreview,
  type PlanState,
} from '@planboard/contracts';
import { api, apiRequest, ApiError } from '../../api/client';

/** React Query keys of the budget page. */
export const budgetKeys = {
  all: ['budget'] as const,
  grid: (planId: string, scopeId: string) => ['budget', planId, scopeId, 'grid'] as const,
  delta: (planId: string, scopeId: string) => ['budget', planId, scopeId, 'delta'] as const,
  audit: (planId: string, scopeId: string, lineId: string | null) => ['budget', planId, scopeId, 'audit', lineId ?? '*'] as const,
  status: (planId: string) => ['budget', planId, 'status'] as const,
  summary: (planId: string) => ['budget', planId, 'summary'] as const,
};

const planPath = (planId: string, scopeId: string) => `/budget/${encodeURIComponent(planId)}/${encodeURIComponent(scopeId)}`;

/** `GET /api/budget/{planId}/{scopeId}`; with `since`, only the lines changed after that cursor. */
export function fetchGrid(planId: string, scopeId: string, since?: string, signal?: AbortSignal): Promise<BudgetGrid> {
  return api.get(planPath(planId, scopeId), { query: { since }, signal, parse: (data) => budgetGridSchema.parse(data) });
}

/**
 * A fetch that keeps a copy of the response body of the statuses given, for answers that carry
 * data on an error status (a save's 409 lists the conflicts beside what it applied).
 */
function keepingBody(statuses: number[]): { fetchImpl: typeof fetch; body: () => unknown } {
  let kept: unknown;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    if (statuses.includes(response.status))
      kept = await response
        .clone()
        .json()
        .catch(() => undefined);
    return response;
  }) as typeof fetch;
  return { fetchImpl, body: () => kept };
}

/** Runs a request whose 409 answer is a BudgetPatchResult with conflicts (not an error). */
async function withConflicts(send: (fetchImpl: typeof fetch) => Promise<BudgetPatchResult>): Promise<BudgetPatchResult> {
  const capture = keepingBody([409]);
  try {
    return await send(capture.fetchImpl);
  } catch (error) {
    const parsed = budgetPatchResultSchema.safeParse(capture.body());
    if (error instanceof ApiError && error.status === 409 && parsed.success) return parsed.data;
    throw error;
  }
}

/** `PATCH …`: saves a batch of cells; conflicts come back in the result (the rest is applied). */
/**
 * `GET …/actuals`: the actuals column alone, read from Power BI as the user. Without their consent
 * it is a 403 `ConsentRequired`, which the API client answers with the consent popup and one retry.
 */
export function fetchActuals(planId: string, scopeId: string): Promise<Actuals> {
  return api.get(`${planPath(planId, scopeId)}/actuals`, { parse: (data) => actualsSchema.parse(data) });
}

export function saveCells(planId: string, scopeId: string, patch: BudgetPatch): Promise<BudgetPatchResult> {
  return withConflicts((fetchImpl) =>
    api.patch(planPath(planId, scopeId), patch, { fetchImpl, parse: (data) => budgetPatchResultSchema.parse(data) }),
  );
}

const field = (data: unknown, name: string): unknown =>
  data && typeof data === 'object' ? (data as Record<string, unknown>)[name] : undefined;
const stateBody = { parse: (data: unknown) => ({ state: planStateSchema.parse(field(data, 'state')) }) };

/** `POST …/submit` (BU leaders): the plan becomes read-only and the model refresh starts. */
export async function submitPlan(planId: string, scopeId: string): Promise<PlanState> {
  return (await api.post(`${planPath(planId, scopeId)}/submit`, undefined, { parse: (data) => stateBody.parse(data) })).state;
}

/** `POST …/unlock` (admins), with the reason the business unit is told. */
export async function unlockPlan(planId: string, scopeId: string, reason: string): Promise<PlanState> {
  return (await api.post(`${planPath(planId, scopeId)}/unlock`, { reason }, { parse: (data) => stateBody.parse(data) })).state;
}

/** `GET /api/budget/{planId}/status`: the state of every business unit the caller can see. */
/** `GET /api/budget/{planId}/summary`: every readable business unit side by side. */
export function fetchBudgetSummary(planId: string, signal?: AbortSignal) {
  return api.get(`/budget/${encodeURIComponent(planId)}/summary`, { signal, parse: (data) => budgetSummarySchema.parse(data) });
}

export function fetchPlanStatus(planId: string, signal?: AbortSignal) {
  return api.get(`/budget/${encodeURIComponent(planId)}/status`, { signal, parse: (data) => planStatusListSchema.parse(data) });
}

/** One page of audit entries and how many there are in all. */
export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  total: number;
}

function parseAuditPage(data: unknown): AuditPage {
  const entries = field(data, 'entries');
  if (!Array.isArray(entries)) throw new Error('Expected { entries: [] }');
  return {
    entries: entries.map((entry) => auditEntrySchema.parse(entry)),
    page: Number(field(data, 'page')),
    total: Number(field(data, 'total')),
  };
}

/** `GET …/audit`: the changes of one line (or the whole plan with `lineId` null), newest first. */
export function fetchAudit(planId: string, scopeId: string, lineId: string | null, page: number, pageSize = 50, signal?: AbortSignal) {
  return api.get(`${planPath(planId, scopeId)}/audit`, {
    query: { line: lineId ?? undefined, page, pageSize },
    signal,
    parse: parseAuditPage,
  });
}

/** `GET …/export.xlsx`: the plan as an Excel workbook (values only). */
export async function exportWorkbook(planId: string, scopeId: string): Promise<Blob> {
  let blob: Blob | undefined;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    if (response.ok) blob = await response.clone().blob();
    return response;
  }) as typeof fetch;
  await apiRequest('GET', `${planPath(planId, scopeId)}/export.xlsx`, {
    fetchImpl,
    headers: { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
  if (!blob) throw new ApiError(0, 'invalid_response', 'The export did not return a workbook');
  return blob;
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type an import file is sent with (.xlsx or .csv, by name when the browser does not say). */
export const importContentType = (file: File): string =>
  file.name.toLowerCase().endsWith('.csv') || file.type === 'text/csv' ? 'text/csv' : xlsxType;

/** `POST …/import` with the file as the body: what would change, and rows that cannot be imported. */
export function previewImport(planId: string, scopeId: string, file: File): Promise<ImportPreview> {
  const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, {
      ...init,
      body: file,
      headers: { ...(init?.headers as Record<string, string>), 'content-type': importContentType(file) },
    })) as typeof fetch;
  return apiRequest('POST', `${planPath(planId, scopeId)}/import`, { fetchImpl, parse: (data) => importPreviewSchema.parse(data) });
}

/** `POST …/import/{previewId}/apply`: writes the previewed changes; stale cells come back as conflicts. */
export function applyImport(planId: string, scopeId: string, previewId: string): Promise<BudgetPatchResult> {
  return withConflicts((fetchImpl) =>
    api.post(`${planPath(planId, scopeId)}/import/${encodeURIComponent(previewId)}/apply`, undefined, {
      fetchImpl,
      parse: (data) => budgetPatchResultSchema.parse(data),
    }),
  );
}
