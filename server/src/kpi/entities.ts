import type { TableEntity } from '@azure/data-tables';
import { kpiPeriods, kpiTargetTypes, type KpiPeriod, type KpiTargetType } from '@planboard/contracts';
import type { KpiDefinition, StoredPoint } from './model';

/**
 * Table layout. `kpis`: one partition per department, a definition per `kpi|<kpiId>` row, so a
 * department's KPIs are one query. `kpipoints`: one partition per KPI (`<departmentId>|<kpiId>`),
 * a point per `pt|<periodStart>|<period>` row, so a KPI's points are one range query in period
 * order and a bulk write or a delete is ≤100-operation transactions on that partition.
 */
export const kpiRowKey = (kpiId: string): string => `kpi|${kpiId}`;
export const kpiRowPrefix = 'kpi|';
export const pointsPartitionKey = (departmentId: string, kpiId: string): string => `${departmentId}|${kpiId}`;
export const pointRowKey = (point: Pick<StoredPoint, 'period' | 'periodStart'>): string => `pt|${point.periodStart}|${point.period}`;
export const pointRowPrefix = 'pt|';

/** Numbers are written as Edm.Double: an untyped whole number would be stored as Int32 and overflow past 2^31. */
const double = (value: number) => ({ value, type: 'Double' as const });
const optionalDouble = (name: string, value: number | undefined) => (value === undefined ? {} : { [name]: double(value) });
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Who last changed a definition, kept with it (not part of the API's KPI shape). */
export interface DefinitionStamp {
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export function definitionEntity(kpi: KpiDefinition, stamp: DefinitionStamp): TableEntity {
  return {
    partitionKey: kpi.departmentId,
    rowKey: kpiRowKey(kpi.kpiId),
    kpiId: kpi.kpiId,
    name: kpi.name,
    unit: kpi.unit,
    description: kpi.description,
    targetType: kpi.targetType,
    atRiskPct: double(kpi.thresholds.atRiskPct),
    offTrackPct: double(kpi.thresholds.offTrackPct),
    ...optionalDouble('rangeMin', kpi.rangeMin),
    ...optionalDouble('rangeMax', kpi.rangeMax),
    ...stamp,
  };
}

/** A stored definition, or `undefined` for a row this code cannot read (it is skipped, not fatal). */
export function toDefinition(entity: Record<string, unknown>): (KpiDefinition & { stamp: DefinitionStamp }) | undefined {
  const targetType = entity.targetType as KpiTargetType;
  const atRiskPct = numberOf(entity.atRiskPct);
  const offTrackPct = numberOf(entity.offTrackPct);
  const kpiId = textOf(entity.kpiId);
  if (!kpiTargetTypes.includes(targetType) || atRiskPct === undefined || offTrackPct === undefined || !kpiId) return undefined;
  const rangeMin = numberOf(entity.rangeMin);
  const rangeMax = numberOf(entity.rangeMax);
  return {
    departmentId: String(entity.partitionKey),
    kpiId,
    name: textOf(entity.name),
    unit: textOf(entity.unit),
    description: textOf(entity.description),
    targetType,
    thresholds: { atRiskPct, offTrackPct },
    ...(rangeMin === undefined ? {} : { rangeMin }),
    ...(rangeMax === undefined ? {} : { rangeMax }),
    stamp: {
      createdBy: textOf(entity.createdBy),
      createdAt: textOf(entity.createdAt),
      updatedBy: textOf(entity.updatedBy),
      updatedAt: textOf(entity.updatedAt),
    },
  };
}

export function pointEntity(departmentId: string, kpiId: string, point: StoredPoint): TableEntity {
  return {
    partitionKey: pointsPartitionKey(departmentId, kpiId),
    rowKey: pointRowKey(point),
    period: point.period,
    periodStart: point.periodStart,
    value: double(point.value),
    ...optionalDouble('target', point.target),
    notes: point.notes,
    author: point.author,
    recordedAt: point.recordedAt,
  };
}

/** A stored point, or `undefined` for a row this code cannot read. */
export function toPoint(entity: Record<string, unknown>): StoredPoint | undefined {
  const period = entity.period as KpiPeriod;
  const value = numberOf(entity.value);
  if (!kpiPeriods.includes(period) || value === undefined || typeof entity.periodStart !== 'string') return undefined;
  const target = numberOf(entity.target);
  return {
    period,
    periodStart: entity.periodStart,
    value,
    ...(target === undefined ? {} : { target }),
    notes: textOf(entity.notes),
    author: textOf(entity.author),
    recordedAt: textOf(entity.recordedAt),
  };
}
