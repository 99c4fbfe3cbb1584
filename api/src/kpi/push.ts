import type { PowerBiClient, PushRow } from '@planboard/server';

/** The push dataset's table (emulators/powerbi `kpiPushTables`; create the same one in Power BI). */
export const kpiPushTable = 'DataPoints';

/** How long a write waits for Power BI (all batches and retries) before answering without it. */
const pushTimeoutMs = 15_000;

/** Where data points go: a push dataset's workspace and id. */
export interface PushTarget {
  workspaceId: string;
  datasetId: string;
}

/**
 * Adds rows to the push dataset in batches of ≤10,000 (`addRows`). Storage is the record and the
 * rows are a copy for dashboards: a Power BI failure (outage, throttling beyond the timeout,
 * a missing dataset) must not fail or undo the write, so it is logged as a warning and reported
 * as `false`, never thrown.
 */
export async function pushToPowerBi(
  client: PowerBiClient,
  target: PushTarget,
  rows: readonly PushRow[],
  warn: (message: string) => void,
): Promise<boolean> {
  if (rows.length === 0) return true;
  try {
    await client.push.addRows(target.workspaceId, target.datasetId, kpiPushTable, rows, { signal: AbortSignal.timeout(pushTimeoutMs) });
    return true;
  } catch (error) {
    warn(`KPI rows were saved but not pushed to Power BI: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
