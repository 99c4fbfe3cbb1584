import type { PowerBiClient } from '../powerbi';
import { reportCatalog, type CatalogEntry } from './catalog';
import { reportMetadata } from './metadata';

/** How long a write waits for Power BI to accept the refresh before answering without it. */
const triggerTimeoutMs = 10_000;

/**
 * Asks Power BI to refresh the dataset behind a catalog report, so an import model fed from
 * Table Storage (the KPI Dashboard's) imports what was just written instead of waiting for its
 * schedule. Storage is the record: a refusal (a refresh already running, which reads storage
 * anyway; a daily quota; an outage) is logged as a warning and reported as `false`, never thrown.
 */
export async function refreshReportModel(
  client: PowerBiClient,
  key: CatalogEntry['key'],
  warn: (message: string) => void,
): Promise<boolean> {
  const entry = reportCatalog().find((candidate) => candidate.key === key);
  if (!entry) return false;
  try {
    const { datasetId } = await reportMetadata(client, entry);
    await client.refreshes.trigger(entry.workspaceId, datasetId, undefined, { signal: AbortSignal.timeout(triggerTimeoutMs) });
    return true;
  } catch (error) {
    warn(`The ${entry.key} report's model was not refreshed after the write: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
