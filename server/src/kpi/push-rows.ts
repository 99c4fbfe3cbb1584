import type { PushRow } from '../powerbi';
import type { StoredPoint } from './model';
import type { KpiDefinition } from './model';
import { pointStatus } from './status';

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
