import type { PowerBiClient, PushRow, KpiDefinition, StoredPoint } from '@planboard/server';
import { pointStatus } from './status';

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
 * One `DataPoints` row per written point. Push datasets only append: a replaced point is pushed
 * again with its new value, and reports should take the latest row of a KPI and date.
 */
export function pushRows(kpi: KpiDefinition, departmentName: string, points: readonly StoredPoint[]): PushRow[] {
  return points.map((point) => ({
    KpiId: kpi.kpiId,
    KpiName: kpi.name,
    Department: departmentName,
    Date: `${point.periodStart}T00:00:00Z`,
    Period: point.period,
    Value: point.value,
    Target: point.target ?? null,
    Status: pointStatus(kpi, point),
    Author: point.author,
  }));
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
