import { dependencyUnavailable, notFound, type ApiError } from '../errors';
import { PowerBiError, type PowerBiClient } from '@planboard/server';
import type { CatalogEntry } from './catalog';

/** What Power BI says about a catalog report: its name, embed URL and dataset (with whether RLS applies). */
export interface ReportMetadata {
  name: string;
  embedUrl: string;
  datasetId: string;
  datasetName?: string;
  workspaceName?: string;
  /** The dataset has row-level security: GenerateToken then needs an effective identity. */
  rlsRequired: boolean;
}

/**
 * Report metadata changes rarely (a rename, a republished report), so it is cached briefly per
 * report id. It is the same for every caller and every instance reads it from Power BI, so a
 * stale copy on one instance only delays a rename by the TTL; nothing user-specific is cached.
 */
const ttlMs = 60_000;
const cache = new Map<string, { expires: number; value: Promise<ReportMetadata> }>();

async function fetchMetadata(client: PowerBiClient, entry: CatalogEntry): Promise<ReportMetadata> {
  const report = await client.reports.get(entry.workspaceId, entry.reportId);
  if (!report.datasetId || !report.embedUrl) throw new Error(`Power BI returned report ${entry.reportId} without datasetId/embedUrl`);
  const [dataset, groups] = await Promise.all([
    client.datasets.get(entry.workspaceId, report.datasetId),
    // The workspace name is a nicety for the list; a caller without Workspace.Read.All should not break it.
    client.groups.list({ filter: `id eq '${entry.workspaceId}'` }).catch(() => []),
  ]);
  return {
    name: report.name ?? 'Untitled report',
    embedUrl: report.embedUrl,
    datasetId: report.datasetId,
    ...(dataset.name ? { datasetName: dataset.name } : {}),
    ...(groups[0]?.name ? { workspaceName: groups[0].name } : {}),
    rlsRequired: dataset.isEffectiveIdentityRequired ?? false,
  };
}

/** The report's metadata from Power BI (as the service principal), cached for a minute per report. */
export function reportMetadata(client: PowerBiClient, entry: CatalogEntry, now = Date.now()): Promise<ReportMetadata> {
  const key = entry.reportId.toLowerCase();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value;
  const value = fetchMetadata(client, entry);
  cache.set(key, { expires: now + ttlMs, value });
  // A failure is not cached: the next request asks Power BI again.
  value.catch(() => cache.get(key)?.value === value && cache.delete(key));
  return value;
}

/** Forgets cached metadata (tests). */
export function clearReportMetadata(): void {
  cache.clear();
}

/**
 * A Power BI failure in words for the caller: a report Power BI does not know is "not found"
 * (a configuration problem, logged); anything else means Power BI is unavailable for now.
 */
export function powerBiProblem(error: unknown, entry: CatalogEntry): ApiError {
  if (error instanceof PowerBiError && error.status === 404) {
    console.warn(`Report ${entry.key} (${entry.reportId}) is not in workspace ${entry.workspaceId}: check the REPORT_* settings.`);
    return notFound('This report is not available in Power BI right now.');
  }
  console.warn(`Power BI failed for report ${entry.key}:`, error instanceof Error ? `${error.name}: ${error.message}` : error);
  return dependencyUnavailable('Power BI is unavailable right now, so the report cannot be opened.', 30);
}
