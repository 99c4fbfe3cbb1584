import type { KpiDataPointInput, KpiSummary } from '@planboard/contracts';
import { type Caller, type PowerBiClient, type PushRow, type KpiDefinition, type StoredPoint, pointKey } from '@planboard/server';
import { offTrackNotification, sendOffTrack } from './notify';
import { pushToPowerBi, type PushTarget } from './push';
import type { KpiStore } from './store';
import { kpiStatus, latestPoint, pushRows } from '@planboard/server';
import { summarize } from './summary';

/** Points for one KPI of the department. */
export interface KpiPoints {
  kpi: KpiDefinition;
  points: readonly KpiDataPointInput[];
}

/** What a write needs besides the points: who, where, and the services it reports to. */
export interface WriteContext {
  store: KpiStore;
  caller: Pick<Caller, 'name' | 'upn'>;
  departmentName: string;
  powerBi: PowerBiClient;
  pushTarget: PushTarget;
  /** Refreshes the KPI Dashboard's model (it imports the points from storage); best effort, never throws; true if started or queued. */
  refreshModel?: () => Promise<boolean>;
  warn: (message: string) => void;
  now?: Date;
}

export interface WriteResult {
  /** Each written KPI after the write. */
  summaries: KpiSummary[];
  /** KPIs this write turned off track (one alert each). */
  turnedOffTrack: string[];
  notified: boolean;
  pushed: boolean;
  /** The KPI Dashboard's model was asked to import the write (a refresh started, or queued behind a running one). */
  modelRefreshed: boolean;
}

/** The points after the write: same period and start replace, others are kept. */
function merged(before: readonly StoredPoint[], written: readonly StoredPoint[]): StoredPoint[] {
  const byKey = new Map(before.map((point) => [pointKey(point), point]));
  for (const point of written) byKey.set(pointKey(point), point);
  return [...byKey.values()];
}

/**
 * Records data points (author = caller, recordedAt = now) for one or more KPIs of a department.
 * Each KPI's status is compared before and after its write: one that becomes off track gets one
 * `kpiOffTrack` alert. Then the written points are pushed to Power BI. Alerts and the push run
 * after storage has the points and never fail the write (see notify.ts and push.ts).
 */
export async function writePoints(context: WriteContext, writes: readonly KpiPoints[]): Promise<WriteResult> {
  const recordedAt = (context.now ?? new Date()).toISOString();
  const results = await Promise.all(
    writes.map(async ({ kpi, points }) => {
      const stored: StoredPoint[] = points.map((point) => ({ ...point, author: context.caller.upn, recordedAt }));
      const before = await context.store.listPoints(kpi.departmentId, kpi.kpiId);
      await context.store.upsertPoints(kpi.departmentId, kpi.kpiId, stored);
      const after = merged(before, stored);
      // The KPI's status is its latest period's: that point is what the alert reports.
      const latest = latestPoint(after);
      const turnedOffTrack = latest !== undefined && kpiStatus(kpi, before) !== 'offTrack' && kpiStatus(kpi, after) === 'offTrack';
      return {
        summary: summarize(kpi, after),
        alert: turnedOffTrack ? offTrackNotification(kpi, context.departmentName, latest, context.caller) : undefined,
        rows: pushRows(kpi, context.departmentName, stored),
      };
    }),
  );
  const alerts = results.flatMap((result) => (result.alert ? [result.alert] : []));
  const rows: PushRow[] = results.flatMap((result) => result.rows);
  const [sent, pushed, modelRefreshed] = await Promise.all([
    Promise.all(alerts.map((alert) => sendOffTrack(alert, context.warn))),
    pushToPowerBi(context.powerBi, context.pushTarget, rows, context.warn),
    rows.length > 0 && context.refreshModel ? context.refreshModel() : Promise.resolve(false),
  ]);
  return {
    summaries: results.map((result) => result.summary),
    turnedOffTrack: alerts.map((alert) => alert.kpiId),
    notified: sent.every(Boolean),
    pushed,
    modelRefreshed,
  };
}
