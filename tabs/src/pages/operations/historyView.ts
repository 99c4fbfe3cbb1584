import type { StoredRefresh } from '@planboard/contracts';

export type HistorySortKey = 'startTime' | 'durationMs' | 'status' | 'refreshType';
export interface HistorySort {
  key: HistorySortKey;
  direction: 'ascending' | 'descending';
}

/** Sorts one page of refreshes; ties keep the newest first. Unknown durations sort last either way. */
export function sortRefreshes(rows: readonly StoredRefresh[], sort: HistorySort): StoredRefresh[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const value = (row: StoredRefresh): string | number | null =>
    sort.key === 'startTime' ? Date.parse(row.startTime) : sort.key === 'durationMs' ? row.durationMs : row[sort.key];
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    const order =
      x === null || y === null ? 0 : typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order * sign || Date.parse(b.startTime) - Date.parse(a.startTime);
  });
}

/** A point of the duration chart: completed refreshes and failures (marked), oldest first. */
export interface DurationPoint {
  at: number;
  minutes: number;
  failed: boolean;
  label: string;
}

export function durationPoints(rows: readonly StoredRefresh[]): DurationPoint[] {
  return rows
    .filter((row) => row.durationMs !== null && row.status !== 'Unknown')
    .map((row) => ({
      at: Date.parse(row.startTime),
      minutes: Math.round(((row.durationMs ?? 0) / 60_000) * 100) / 100,
      failed: row.status === 'Failed',
      label: row.status,
    }))
    .sort((a, b) => a.at - b.at);
}

/** Figures said in words next to the chart (and for screen readers). */
export function durationSummary(points: readonly DurationPoint[]): string {
  if (points.length === 0) return 'No finished refreshes in the last 30 days.';
  const done = points.filter((point) => !point.failed).map((point) => point.minutes);
  const failed = points.length - done.length;
  const sorted = [...done].sort((a, b) => a - b);
  const median = sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) : 0;
  const max = sorted.length ? (sorted[sorted.length - 1] ?? 0) : 0;
  return `${points.length} refreshes in the last 30 days, ${failed} failed. Median ${median.toFixed(1)} min, longest ${max.toFixed(1)} min.`;
}
