import { createHash } from 'node:crypto';
import type { StoredRefresh } from '@planboard/contracts';

/**
 * One model's refreshes of one UTC day, summarised so that a 7-day or all-time view reads one row
 * per model per day instead of every refresh. Every field merges by addition (or by a bounded
 * union for `top`), so adding refreshes in any order and in any batches gives the same row as
 * summarising them at once; `ids` makes adding the same refresh twice a no-op.
 */
export interface Rollup {
  /** Short hashes of the request ids counted, sorted (the idempotency set). */
  ids: string[];
  /** Final refreshes by status. */
  counts: Record<string, number>;
  /** UTC hour (`00`…`23`) → status → count, for the hourly 24-hour chart. */
  hours: Record<string, Record<string, number>>;
  /** Completed refreshes' durations as a log histogram (bucket → count). */
  durations: Record<string, number>;
  durationTotalMs: number;
  /** Scheduled refreshes' start delay behind their slot, same histogram. */
  delays: Record<string, number>;
  /** Failed refreshes by error code. */
  codes: Record<string, number>;
  /** The day's slowest completed refreshes (a top-N list over any window stays exact up to this many per row). */
  top: TopRefresh[];
}

export interface TopRefresh {
  requestId: string;
  startTime: string;
  durationMs: number;
  refreshType: string;
}

export const topPerRollup = 5;
/** Histogram buckets grow by 10 %, so a percentile read from them is within 5 % of the exact one. */
const bucketGrowth = 1.1;
const bucketBaseMs = 1000;

export function emptyRollup(): Rollup {
  return { ids: [], counts: {}, hours: {}, durations: {}, durationTotalMs: 0, delays: {}, codes: {}, top: [] };
}

/** The bucket of a duration: 0 below one second, then one per 10 % step. */
export function bucketOf(ms: number): number {
  if (!(ms >= bucketBaseMs)) return 0;
  return 1 + Math.floor(Math.log(ms / bucketBaseMs) / Math.log(bucketGrowth) + 1e-9);
}

/** The value a bucket stands for: the geometric middle of its bounds. */
export function bucketValue(bucket: number): number {
  // Below one second counts as no time at all (a refresh that started on its slot has no delay).
  if (bucket <= 0) return 0;
  return bucketBaseMs * bucketGrowth ** (bucket - 0.5);
}

/** The nearest-rank percentile (0 < p ≤ 1) of a histogram, or undefined when it is empty. */
export function percentileOf(histogram: Record<string, number>, p: number): number | undefined {
  const buckets = Object.entries(histogram)
    .map(([bucket, count]) => [Number(bucket), count] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [bucket, count] of buckets) {
    seen += count;
    if (seen >= rank) return bucketValue(bucket);
  }
  return undefined;
}

export function idOf(requestId: string): string {
  return createHash('sha1').update(requestId).digest('base64url').slice(0, 12);
}

/** The UTC day (`yyyy-mm-dd`) a refresh belongs to: the day it started. */
export const dayOf = (startTime: string): string => startTime.slice(0, 10);

function bump(target: Record<string, number>, key: string, by = 1): void {
  target[key] = (target[key] ?? 0) + by;
}

function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) bump(out, key, value);
  return out;
}

const byDuration = (a: TopRefresh, b: TopRefresh) => b.durationMs - a.durationMs || a.requestId.localeCompare(b.requestId);

/** A refresh with the start delay the caller computed (scheduled refreshes with a known slot). */
export interface RollupInput {
  refresh: StoredRefresh;
  delayMs?: number;
}

/**
 * Adds final refreshes to a rollup (running ones are left for when they end). Returns the new
 * rollup and the refreshes that were not yet counted.
 */
export function addToRollup(rollup: Rollup, inputs: readonly RollupInput[]): { rollup: Rollup; added: StoredRefresh[] } {
  const ids = new Set(rollup.ids);
  const next: Rollup = structuredClone(rollup);
  const added: StoredRefresh[] = [];
  for (const { refresh, delayMs } of inputs) {
    const id = idOf(refresh.requestId);
    if (refresh.status === 'Unknown' || ids.has(id)) continue;
    ids.add(id);
    added.push(refresh);
    bump(next.counts, refresh.status);
    const hour = refresh.startTime.slice(11, 13);
    next.hours[hour] = next.hours[hour] ?? {};
    bump(next.hours[hour], refresh.status);
    if (refresh.status === 'Completed' && refresh.durationMs !== null) {
      bump(next.durations, String(bucketOf(refresh.durationMs)));
      next.durationTotalMs += refresh.durationMs;
      next.top.push({
        requestId: refresh.requestId,
        startTime: refresh.startTime,
        durationMs: refresh.durationMs,
        refreshType: refresh.refreshType,
      });
    }
    if (refresh.status === 'Failed') bump(next.codes, refresh.errorCode ?? 'Unknown error');
    if (delayMs !== undefined) bump(next.delays, String(bucketOf(delayMs)));
  }
  next.ids = [...ids].sort();
  next.top = next.top.sort(byDuration).slice(0, topPerRollup);
  return { rollup: next, added };
}

/** Two rollups of disjoint refreshes as one (rows of several days or models in a view). */
export function mergeRollups(a: Rollup, b: Rollup): Rollup {
  const hours: Rollup['hours'] = { ...a.hours };
  for (const [hour, counts] of Object.entries(b.hours)) hours[hour] = mergeCounts(hours[hour] ?? {}, counts);
  return {
    ids: [...new Set([...a.ids, ...b.ids])].sort(),
    counts: mergeCounts(a.counts, b.counts),
    hours,
    durations: mergeCounts(a.durations, b.durations),
    durationTotalMs: a.durationTotalMs + b.durationTotalMs,
    delays: mergeCounts(a.delays, b.delays),
    codes: mergeCounts(a.codes, b.codes),
    top: [...a.top, ...b.top].sort(byDuration).slice(0, topPerRollup),
  };
}

export const totalOf = (counts: Record<string, number>): number => Object.values(counts).reduce((sum, value) => sum + value, 0);
