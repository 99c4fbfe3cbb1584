import type { KpiDataPoint, KpiSummary } from '@planboard/contracts';

/**
 * Geometry of the KPI trend charts (the sparkline and the detail chart), as plain numbers and SVG
 * path strings so it can be tested without a DOM. Points are evenly spaced by period, oldest first;
 * values go up. Targets are drawn as a line through each period's target; a "within range" KPI
 * gets a band from rangeMin to rangeMax instead.
 */
export interface Point {
  x: number;
  y: number;
}

/** A range of values (min ≤ max). */
export interface Domain {
  min: number;
  max: number;
}

/** A rectangle in SVG user units (y grows downwards). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

type TrendPoint = Pick<KpiDataPoint, 'value' | 'target'>;
type GeometryKpi = Pick<KpiSummary, 'targetType' | 'rangeMin' | 'rangeMax'>;

/** Maps `domain` linearly onto `from`…`to`; a zero-width domain maps to the middle. */
export function linearScale(domain: Domain, from: number, to: number): (value: number) => number {
  const span = domain.max - domain.min;
  return (value) => (span === 0 ? (from + to) / 2 : from + ((value - domain.min) / span) * (to - from));
}

/** The smallest domain showing every value, widened by `padRatio` so lines do not touch the edges. */
export function valueDomain(values: readonly number[], padRatio = 0.08): Domain {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { min: 0, max: 1 };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (min === max) {
    const spread = Math.abs(min) * 0.1 || 1;
    return { min: min - spread, max: max + spread };
  }
  const pad = (max - min) * padRatio;
  return { min: min - pad, max: max + pad };
}

/** Rounds away floating-point noise (0.1 + 0.2) without losing real precision. */
const clean = (value: number) => Number(value.toPrecision(12));

/** The round step (1, 2 or 5 × 10^k) closest to splitting `span` into `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normal = raw / magnitude;
  const distance = (factor: number) => Math.abs(Math.log(factor / normal));
  const factor = [1, 2, 5, 10].reduce((best, candidate) => (distance(candidate) < distance(best) ? candidate : best));
  return clean(factor * magnitude);
}

/** The domain widened to round tick values at both ends, and those ticks (lowest first). */
export function niceAxis(domain: Domain, count = 5): { domain: Domain; ticks: number[] } {
  const step = niceStep(domain.max - domain.min, count);
  const min = clean(Math.floor(domain.min / step) * step);
  const max = clean(Math.ceil(domain.max / step) * step);
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step / 1e6; i++) ticks.push(clean(min + i * step));
  return { domain: { min, max: max === min ? min + step : max }, ticks };
}

/** An SVG path through the points; `null` breaks the line (a period without a target). */
export function linePath(points: readonly (Point | null)[]): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (!point) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${round(point.x)},${round(point.y)}`;
    drawing = true;
  }
  return path;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Every number the value axis must show: values, targets, and the range of a "within range" KPI. */
export function domainValues(trend: readonly TrendPoint[], kpi: GeometryKpi): number[] {
  const values = trend.flatMap((point) => (point.target === undefined ? [point.value] : [point.value, point.target]));
  if (kpi.targetType === 'withinRange') {
    if (kpi.rangeMin !== undefined) values.push(kpi.rangeMin);
    if (kpi.rangeMax !== undefined) values.push(kpi.rangeMax);
  }
  return values;
}

/** What both charts draw. */
export interface TrendGeometry {
  /** Where each point is, oldest first. */
  points: Point[];
  /** The values' line. */
  line: string;
  /** The targets' line ('' when there are none, and for "within range" KPIs). */
  target: string;
  /** The target range of a "within range" KPI, as y coordinates. */
  band?: { top: number; bottom: number };
}

/** Lays the trend out in `box` with values in `domain` at the bottom…top. */
export function trendGeometry(trend: readonly TrendPoint[], kpi: GeometryKpi, box: Box, domain: Domain): TrendGeometry {
  const y = linearScale(domain, box.bottom, box.top);
  const n = trend.length;
  const x = (index: number) => (n <= 1 ? (box.left + box.right) / 2 : box.left + (index * (box.right - box.left)) / (n - 1));
  const points = trend.map((point, index) => ({ x: x(index), y: y(point.value) }));
  const within = kpi.targetType === 'withinRange';
  const targets = within ? [] : trend.map((point, index) => (point.target === undefined ? null : { x: x(index), y: y(point.target) }));
  // One period's target is still a target: draw it across the whole width.
  const single =
    n === 1 && targets[0]
      ? [
          { x: box.left, y: targets[0].y },
          { x: box.right, y: targets[0].y },
        ]
      : targets;
  const band =
    within && kpi.rangeMin !== undefined && kpi.rangeMax !== undefined ? { top: y(kpi.rangeMax), bottom: y(kpi.rangeMin) } : undefined;
  return { points, line: linePath(points), target: linePath(single), band };
}

/** The sparkline: the trend filling a small box (no axes), with a little room for the end marker. */
export function sparklineGeometry(trend: readonly TrendPoint[], kpi: GeometryKpi, width: number, height: number, pad = 4): TrendGeometry {
  const box = { left: pad, top: pad, right: width - pad, bottom: height - pad };
  return trendGeometry(trend, kpi, box, valueDomain(domainValues(trend, kpi)));
}

/**
 * Which of `n` evenly spaced points get an axis label: at most `max`, evenly spaced back from the
 * latest period (always labelled); the first only when it has room.
 */
export function tickIndexes(n: number, max: number): number[] {
  if (n <= 0) return [];
  if (n <= Math.max(1, max)) return Array.from({ length: n }, (_, index) => index);
  if (max <= 1) return [n - 1];
  const step = Math.ceil((n - 1) / (max - 1));
  const indexes: number[] = [];
  for (let index = n - 1; index >= 0; index -= step) indexes.unshift(index);
  return indexes;
}

/** The detail chart: a plot area inside margins for the axes, round value ticks and spaced period labels. */
export interface ChartGeometry extends TrendGeometry {
  plot: Box;
  yTicks: { value: number; y: number }[];
  xTicks: { index: number; x: number }[];
}

/** The detail chart's size and the room its axes take. */
export interface ChartSize {
  width: number;
  height: number;
  margin: { left: number; right: number; top: number; bottom: number };
  /** Room one period label needs on the x axis. */
  labelWidth?: number;
  yTickCount?: number;
}

/** Lays out the detail chart. */
export function lineChartGeometry(trend: readonly TrendPoint[], kpi: GeometryKpi, size: ChartSize): ChartGeometry {
  const { width, height, margin, labelWidth = 72, yTickCount = 5 } = size;
  const plot = {
    left: margin.left,
    top: margin.top,
    right: Math.max(margin.left + 1, width - margin.right),
    bottom: height - margin.bottom,
  };
  const axis = niceAxis(valueDomain(domainValues(trend, kpi), 0.04), yTickCount);
  const geometry = trendGeometry(trend, kpi, plot, axis.domain);
  const y = linearScale(axis.domain, plot.bottom, plot.top);
  const yTicks = axis.ticks.map((value) => ({ value, y: y(value) }));
  const fit = Math.max(1, Math.floor((plot.right - plot.left) / labelWidth));
  const xTicks = tickIndexes(trend.length, fit).map((index) => ({ index, x: geometry.points[index]?.x ?? plot.left }));
  return { ...geometry, plot, yTicks, xTicks };
}
