import type { KpiStatus } from '@planboard/contracts';
import { assertNever } from '../util/assert-never';
import type { KpiRule } from './model';
import type { StoredPoint } from './model';

/** Shortfalls are rounded to 9 decimals so that 10 % computed in floating point is exactly 10. */
const round = (value: number): number => (Number.isFinite(value) ? Math.round(value * 1e9) / 1e9 : value);

/** `gap` as a percentage of `base`; any gap against a zero base is infinitely far off. */
function relative(gap: number, base: number): number {
  if (gap <= 0) return 0;
  if (base === 0) return Number.POSITIVE_INFINITY;
  return round((gap * 100) / base);
}

/**
 * How far `value` is worse than its target, in percent (0 when met): of |target| for "higher/lower
 * is better", of the range's width for "within range" (the point's own target is not used then).
 * `undefined` when the KPI needs a target the point does not carry, or a range it does not define.
 */
export function shortfallPct(kpi: KpiRule, value: number, target?: number): number | undefined {
  switch (kpi.targetType) {
    case 'higherIsBetter':
      return target === undefined ? undefined : relative(target - value, Math.abs(target));
    case 'lowerIsBetter':
      return target === undefined ? undefined : relative(value - target, Math.abs(target));
    case 'withinRange': {
      const { rangeMin: min, rangeMax: max } = kpi;
      if (min === undefined || max === undefined) return undefined;
      const gap = value < min ? min - value : value > max ? value - max : 0;
      return relative(gap, max - min);
    }
    default:
      return assertNever(kpi.targetType);
  }
}

/** On track up to `atRiskPct` shortfall, at risk up to `offTrackPct`, off track beyond; `noData` if unratable. */
export function pointStatus(kpi: KpiRule, point: { value: number; target?: number }): KpiStatus {
  const shortfall = shortfallPct(kpi, point.value, point.target);
  if (shortfall === undefined) return 'noData';
  if (shortfall <= kpi.thresholds.atRiskPct) return 'onTrack';
  if (shortfall <= kpi.thresholds.offTrackPct) return 'atRisk';
  return 'offTrack';
}

/** Plain code-unit order: ISO dates and times sort correctly without locale rules. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest period first; for the same start, the point recorded last comes last. */
export function byPeriod(a: StoredPoint, b: StoredPoint): number {
  return compare(a.periodStart, b.periodStart) || compare(a.recordedAt, b.recordedAt) || compare(a.period, b.period);
}

/** The point of the latest period (the one the KPI is rated by), if any. */
export function latestPoint(points: readonly StoredPoint[]): StoredPoint | undefined {
  let latest: StoredPoint | undefined;
  for (const point of points) if (!latest || byPeriod(latest, point) < 0) latest = point;
  return latest;
}

/** A KPI's status: that of its latest period's point, or `noData` without points. */
export function kpiStatus(kpi: KpiRule, points: readonly StoredPoint[]): KpiStatus {
  const latest = latestPoint(points);
  return latest ? pointStatus(kpi, latest) : 'noData';
}

/** A number as people read it in the app's en-US formatting (`250,000`, `2.5`). */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

const withUnit = (value: number, unit: string): string => (unit ? `${formatNumber(value)} ${unit}` : formatNumber(value));

/** What "on track" means, in words: `≥ 95 %`, `≤ 3 days`, `between 2 and 4 °C`. */
export function targetText(kpi: KpiRule, target?: number): string {
  switch (kpi.targetType) {
    case 'higherIsBetter':
      return target === undefined ? 'no target set' : `≥ ${withUnit(target, kpi.unit)}`;
    case 'lowerIsBetter':
      return target === undefined ? 'no target set' : `≤ ${withUnit(target, kpi.unit)}`;
    case 'withinRange':
      return kpi.rangeMin === undefined || kpi.rangeMax === undefined
        ? 'no range set'
        : `between ${formatNumber(kpi.rangeMin)} and ${withUnit(kpi.rangeMax, kpi.unit)}`;
    default:
      return assertNever(kpi.targetType);
  }
}

/**
 * Why a point cannot be recorded for this KPI, if it cannot: "higher/lower is better" KPIs are
 * rated against the period's target, so it is required there.
 */
export function targetProblem(kpi: KpiRule, point: { target?: number }): string | undefined {
  switch (kpi.targetType) {
    case 'higherIsBetter':
    case 'lowerIsBetter':
      return point.target === undefined
        ? `A target is required: this KPI is "${kpi.targetType === 'higherIsBetter' ? 'higher' : 'lower'} is better".`
        : undefined;
    case 'withinRange':
      return undefined;
    default:
      return assertNever(kpi.targetType);
  }
}
