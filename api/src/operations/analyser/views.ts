import type { CountPoint, FailureRate, PerformanceWindow } from '@planboard/contracts';
import { assertNever } from '@planboard/server';
import type { RollupRow } from './rollup-store';
import type { ModelInScope } from './scope';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** The window's start (null: all stored history) and the chart's bucket. */
export function windowOf(window: PerformanceWindow, nowMs: number): { fromMs: number | null; bucket: 'hour' | 'day' } {
  switch (window) {
    case '24h':
      return { fromMs: nowMs - dayMs, bucket: 'hour' };
    case '7d':
      return { fromMs: nowMs - 7 * dayMs, bucket: 'day' };
    case 'all':
      return { fromMs: null, bucket: 'day' };
    default:
      return assertNever(window);
  }
}

type Counts = Record<string, number>;

/**
 * Each rollup row's status counts within the window: for an hourly window only the hours that
 * overlap it (a day row holds its hours), else the whole day. `at` is the bucket's start.
 */
export function* countsInWindow(rows: readonly RollupRow[], bucket: 'hour' | 'day', fromMs: number | null) {
  for (const row of rows) {
    if (bucket === 'day') {
      yield { row, at: Date.parse(`${row.day}T00:00:00.000Z`), counts: row.counts as Counts };
      continue;
    }
    for (const [hour, counts] of Object.entries(row.hours)) {
      const at = Date.parse(`${row.day}T${hour}:00:00.000Z`);
      if (fromMs === null || at + hourMs > fromMs) yield { row, at, counts };
    }
  }
}

/** Refresh counts per bucket and environment, stacked by status; empty buckets filled in so bars line up. */
export function countSeries(
  rows: readonly RollupRow[],
  models: ReadonlyMap<string, ModelInScope>,
  bucket: 'hour' | 'day',
  fromMs: number | null,
  nowMs: number,
): CountPoint[] {
  const step = bucket === 'hour' ? hourMs : dayMs;
  const points = new Map<string, CountPoint>();
  const environments = new Set<string>();
  let first = fromMs === null ? Number.POSITIVE_INFINITY : Math.floor(fromMs / step) * step;
  for (const { row, at, counts } of countsInWindow(rows, bucket, fromMs)) {
    const environment = models.get(row.datasetId)?.environment ?? 'Unassigned';
    environments.add(environment);
    first = Math.min(first, at);
    const key = `${at}|${environment}`;
    const point = points.get(key) ?? { at: new Date(at).toISOString(), environment, completed: 0, failed: 0, cancelled: 0, disabled: 0 };
    point.completed += counts.Completed ?? 0;
    point.failed += counts.Failed ?? 0;
    point.cancelled += counts.Cancelled ?? 0;
    point.disabled += counts.Disabled ?? 0;
    points.set(key, point);
  }
  if (environments.size === 0 || !Number.isFinite(first)) return [];
  const out: CountPoint[] = [];
  for (let at = first; at <= nowMs; at += step)
    for (const environment of [...environments].sort())
      out.push(
        points.get(`${at}|${environment}`) ?? {
          at: new Date(at).toISOString(),
          environment,
          completed: 0,
          failed: 0,
          cancelled: 0,
          disabled: 0,
        },
      );
  return out;
}

/** Failure rates per environment and per model within the window. */
export function failureRates(
  rows: readonly RollupRow[],
  models: ReadonlyMap<string, ModelInScope>,
  bucket: 'hour' | 'day',
  fromMs: number | null,
): { byEnvironment: FailureRate[]; byModel: FailureRate[] } {
  const byEnvironment = new Map<string, FailureRate>();
  const byModel = new Map<string, FailureRate>();
  const add = (target: Map<string, FailureRate>, key: string, label: string, counts: Counts) => {
    const rate = target.get(key) ?? { key, label, refreshes: 0, failed: 0, rate: 0 };
    rate.refreshes += Object.values(counts).reduce((sum, value) => sum + value, 0);
    rate.failed += counts.Failed ?? 0;
    target.set(key, rate);
  };
  for (const { row, counts } of countsInWindow(rows, bucket, fromMs)) {
    const model = models.get(row.datasetId);
    if (!model) continue;
    add(byEnvironment, model.environment, model.environment, counts);
    add(byModel, model.datasetId, `${model.modelName} (${model.workspaceName})`, counts);
  }
  const finish = (rates: Iterable<FailureRate>) =>
    [...rates]
      .map((rate) => ({ ...rate, rate: rate.refreshes > 0 ? rate.failed / rate.refreshes : 0 }))
      .sort((a, b) => b.rate - a.rate || b.failed - a.failed || a.label.localeCompare(b.label, 'en'));
  return { byEnvironment: finish(byEnvironment.values()), byModel: finish(byModel.values()).slice(0, 50) };
}
