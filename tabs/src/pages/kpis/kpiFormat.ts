import type { KpiDataPoint, KpiPeriod, KpiStatus, KpiSummary, KpiTargetType } from '@planboard/contracts';

/** A KPI's status in words (badges, labels, summaries): the words carry the meaning, colour only reinforces it. */
// "onTrack" covers a missed target inside the tolerance band, so it is never called "on track":
// a manager must not read "on track" beside 29.4 % against "at least 30 %".
export const statusLabels: Record<KpiStatus, string> = {
  onTrack: 'Within tolerance',
  atRisk: 'At risk',
  offTrack: 'Off track',
  noData: 'No data',
};

/** Statuses in the order people scan for trouble: worst first. */
export const statusOrder: readonly KpiStatus[] = ['offTrack', 'atRisk', 'onTrack', 'noData'];

/** The target types in words (forms, detail header). */
export const targetTypeLabels: Record<KpiTargetType, string> = {
  higherIsBetter: 'Higher is better',
  lowerIsBetter: 'Lower is better',
  withinRange: 'Within a range',
};

/** The periods in words (forms). */
export const periodLabels: Record<KpiPeriod, string> = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly' };

const periodUnits: Record<KpiPeriod, [string, string]> = {
  daily: ['day', 'days'],
  weekly: ['week', 'weeks'],
  monthly: ['month', 'months'],
  quarterly: ['quarter', 'quarters'],
};

/** A number for people: grouping, at most 2 decimals (`1,234.5`). */
export function formatNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale || undefined, { maximumFractionDigits: 2 }).format(value);
}

/** An axis label: compact from ten thousand up (`12K`, `1.5M`), else like formatNumber. */
export function formatTick(value: number, locale?: string): string {
  const compact = Math.abs(value) >= 10_000;
  return new Intl.NumberFormat(locale || undefined, {
    notation: compact ? 'compact' : 'standard',
    maximumFractionDigits: compact ? 1 : 2,
  }).format(value);
}

/** Joins a number and its unit so they never wrap apart. */
export const NBSP = '\u00a0';

/** A value with its unit (`97 %`, `1,250 EUR`, joined by a no-break space); an em dash when there is none. */
export function formatValue(value: number | undefined, unit: string, locale?: string): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const number = formatNumber(value, locale);
  return unit ? `${number}${NBSP}${unit}` : number;
}

type TargetKpi = Pick<KpiSummary, 'targetType' | 'unit' | 'rangeMin' | 'rangeMax'>;

/**
 * The target in words: "At least 95 %", "At most 2 days", "Between 40 and 60 h"; without a target
 * value, the direction alone ("Higher is better").
 */
export function targetText(kpi: TargetKpi, target?: number, locale?: string): string {
  if (kpi.targetType === 'withinRange') {
    if (kpi.rangeMin === undefined || kpi.rangeMax === undefined) return targetTypeLabels.withinRange;
    return `Between ${formatNumber(kpi.rangeMin, locale)} and ${formatValue(kpi.rangeMax, kpi.unit, locale)}`;
  }
  if (target === undefined) return targetTypeLabels[kpi.targetType];
  return `${kpi.targetType === 'higherIsBetter' ? 'At least' : 'At most'} ${formatValue(target, kpi.unit, locale)}`;
}

/** A `YYYY-MM-DD` calendar date as a UTC Date (periods are calendar dates, not instants). */
export function calendarDate(isoDate: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const utc = (options: Intl.DateTimeFormatOptions, locale?: string) =>
  new Intl.DateTimeFormat(locale || undefined, { ...options, timeZone: 'UTC' });
const quarterOf = (date: Date) => Math.floor(date.getUTCMonth() / 3) + 1;

/** The period in words: "2 Nov 2026", "Week of 2 Nov 2026", "November 2026", "Q4 2026". */
export function periodText(period: KpiPeriod, periodStart: string, locale?: string): string {
  const date = calendarDate(periodStart);
  if (!date) return periodStart;
  switch (period) {
    case 'daily':
      return utc({ dateStyle: 'medium' }, locale).format(date);
    case 'weekly':
      return `Week of ${utc({ dateStyle: 'medium' }, locale).format(date)}`;
    case 'monthly':
      return utc({ month: 'long', year: 'numeric' }, locale).format(date);
    case 'quarterly':
      return `Q${quarterOf(date)} ${date.getUTCFullYear()}`;
  }
}

/** A short period label for a chart axis: "2 Nov", "Nov 2026", "Q4 2026". */
export function shortPeriodText(period: KpiPeriod, periodStart: string, locale?: string): string {
  const date = calendarDate(periodStart);
  if (!date) return periodStart;
  if (period === 'monthly') return utc({ month: 'short', year: 'numeric' }, locale).format(date);
  if (period === 'quarterly') return `Q${quarterOf(date)} ${date.getUTCFullYear()}`;
  return utc({ day: 'numeric', month: 'short' }, locale).format(date);
}

/** The start of the period after `periodStart` (`YYYY-MM-DD`): the default for the next data point. */
export function nextPeriodStart(period: KpiPeriod, periodStart: string): string {
  const date = calendarDate(periodStart);
  if (!date) return periodStart;
  if (period === 'daily') date.setUTCDate(date.getUTCDate() + 1);
  else if (period === 'weekly') date.setUTCDate(date.getUTCDate() + 7);
  else date.setUTCMonth(date.getUTCMonth() + (period === 'monthly' ? 1 : 3));
  return date.toISOString().slice(0, 10);
}

/** How long a run of points spans in words: "12 weeks", "1 month", "5 data points" (mixed periods). */
export function spanText(points: readonly Pick<KpiDataPoint, 'period'>[]): string {
  const periods = new Set(points.map((point) => point.period));
  const only = periods.size === 1 ? points[0]?.period : undefined;
  const [one, many] = only ? periodUnits[only] : ['data point', 'data points'];
  return `${points.length} ${points.length === 1 ? one : many}`;
}

type RatedPoint = Pick<KpiDataPoint, 'value' | 'target' | 'status'>;

/**
 * How far a point misses its target, in the KPI's unit: 0 when met, `undefined` when it cannot be
 * rated (no target, no range). The tolerance band is what makes a missed target still "onTrack".
 */
export function gapToTarget(kpi: TargetKpi, point: Pick<KpiDataPoint, 'value' | 'target'>): number | undefined {
  const { value, target } = point;
  switch (kpi.targetType) {
    case 'higherIsBetter':
      return target === undefined ? undefined : Math.max(0, target - value);
    case 'lowerIsBetter':
      return target === undefined ? undefined : Math.max(0, value - target);
    case 'withinRange':
      if (kpi.rangeMin === undefined || kpi.rangeMax === undefined) return undefined;
      return value < kpi.rangeMin ? kpi.rangeMin - value : value > kpi.rangeMax ? value - kpi.rangeMax : 0;
  }
}

/** A point's status in words: "Target met" only when it is, "Within tolerance" when missed inside the band. */
export function statusWord(kpi: TargetKpi, point: RatedPoint | undefined): string {
  if (!point) return statusLabels.noData;
  if (point.status === 'onTrack' && gapToTarget(kpi, point) === 0) return 'Target met';
  return statusLabels[point.status];
}

/** The gap in words: "Target met", "0.6 % short of the target", "1 day over the target", "5 h outside the range". */
export function gapText(kpi: TargetKpi, point: RatedPoint, locale?: string): string | undefined {
  const gap = gapToTarget(kpi, point);
  if (gap === undefined) return undefined;
  if (gap === 0) return 'Target met';
  const amount = formatValue(gap, kpi.unit, locale);
  if (kpi.targetType === 'withinRange') return `${amount} outside the range`;
  return `${amount} ${kpi.targetType === 'higherIsBetter' ? 'short of' : 'over'} the target`;
}

type TrendKpi = Pick<KpiSummary, 'trend' | 'status' | 'unit'> & TargetKpi;

/** What a sparkline shows, for screen readers: "Trend over 12 weeks: 91 to 97 %, latest target met". */
export function trendSummary(kpi: TrendKpi, locale?: string): string {
  const { trend } = kpi;
  const first = trend[0];
  const last = trend[trend.length - 1];
  if (!first || !last) return 'No data yet';
  const values =
    trend.length === 1
      ? formatValue(last.value, kpi.unit, locale)
      : `${formatNumber(first.value, locale)} to ${formatValue(last.value, kpi.unit, locale)}`;
  return `Trend over ${spanText(trend)}: ${values}, latest ${statusWord(kpi, last).toLowerCase()}`;
}

/** One data point in words (chart points, announcements): "Week of 2 Nov 2026: 97 %, target at least 95 %, target met". */
export function pointText(point: KpiDataPoint, kpi: TargetKpi, locale?: string): string {
  const target =
    kpi.targetType === 'withinRange' || point.target !== undefined ? `, target ${lowerFirst(targetText(kpi, point.target, locale))}` : '';
  return `${periodText(point.period, point.periodStart, locale)}: ${formatValue(point.value, kpi.unit, locale)}${target}, ${statusWord(kpi, point).toLowerCase()}`;
}

/** "At least 95 %" → "at least 95 %" (units keep their case). */
export const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "2 within tolerance", "1 at risk": a count with its status, for badges and filters. */
export function countText(count: number, status: KpiStatus): string {
  return `${count} ${statusLabels[status].toLowerCase()}`;
}

/** How the status is decided, in words: "At risk from 5 % short of the target, off track beyond 10 %." */
export function thresholdText(kpi: Pick<KpiSummary, 'targetType' | 'thresholds'>, locale?: string): string {
  const { atRiskPct, offTrackPct } = kpi.thresholds;
  const pct = (value: number) => formatValue(value, '%', locale);
  return kpi.targetType === 'withinRange'
    ? `At risk when outside the range by more than ${pct(atRiskPct)} of its width, off track beyond ${pct(offTrackPct)}.`
    : `At risk when more than ${pct(atRiskPct)} short of the target, off track beyond ${pct(offTrackPct)}.`;
}
