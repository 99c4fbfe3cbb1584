import type { KpiDataPoint, KpiDetail, KpiStatus, KpiSummary } from '@planboard/contracts';
import { kpiStatuses } from '@planboard/contracts';
import type { KpiDefinition, StoredPoint } from '@planboard/server';
import { byPeriod, pointStatus } from '@planboard/server';

/** Points in a KPI's trend (sparkline). */
export const trendLength = 12;

/** A stored point as the API returns it, rated against the KPI's current definition. */
export function dataPoint(kpi: KpiDefinition, point: StoredPoint): KpiDataPoint {
  return {
    period: point.period,
    periodStart: point.periodStart,
    value: point.value,
    ...(point.target === undefined ? {} : { target: point.target }),
    notes: point.notes,
    status: pointStatus(kpi, point),
    author: point.author,
    recordedAt: point.recordedAt,
  };
}

/** The KPI with its status (of its latest period) and its last {@link trendLength} points, oldest first. */
export function summarize(kpi: KpiDefinition, points: readonly StoredPoint[]): KpiSummary {
  const rated = [...points].sort(byPeriod).map((point) => dataPoint(kpi, point));
  const latest = rated.at(-1);
  return {
    departmentId: kpi.departmentId,
    kpiId: kpi.kpiId,
    name: kpi.name,
    unit: kpi.unit,
    description: kpi.description,
    targetType: kpi.targetType,
    thresholds: { atRiskPct: kpi.thresholds.atRiskPct, offTrackPct: kpi.thresholds.offTrackPct },
    ...(kpi.rangeMin === undefined ? {} : { rangeMin: kpi.rangeMin }),
    ...(kpi.rangeMax === undefined ? {} : { rangeMax: kpi.rangeMax }),
    status: latest?.status ?? 'noData',
    ...(latest ? { latest } : {}),
    trend: rated.slice(-trendLength),
  };
}

/** The KPI and all its points, newest period first, with the definition's version (`etag`). */
export function detail(kpi: KpiDefinition, points: readonly StoredPoint[], etag: string): KpiDetail {
  return {
    etag,
    kpi: summarize(kpi, points),
    points: [...points]
      .sort(byPeriod)
      .reverse()
      .map((point) => dataPoint(kpi, point)),
  };
}

/** How many KPIs are in each status (every status present, zero included). */
export function countStatuses(kpis: readonly { status: KpiStatus }[]): Record<KpiStatus, number> {
  const counts = Object.fromEntries(kpiStatuses.map((status) => [status, 0])) as Record<KpiStatus, number>;
  for (const kpi of kpis) counts[kpi.status] += 1;
  return counts;
}
