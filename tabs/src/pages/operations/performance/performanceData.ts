import type { CapacityPoint, CountPoint, PerformanceWindow } from '@planboard/contracts';

export const windowLabels: Record<PerformanceWindow, string> = { '24h': 'Last 24 hours', '7d': 'Last 7 days', all: 'All stored history' };

export const countStatuses = [
  { key: 'completed', label: 'Completed' },
  { key: 'failed', label: 'Failed' },
  { key: 'cancelled', label: 'Cancelled' },
  { key: 'disabled', label: 'Disabled' },
] as const;
export type CountStatus = (typeof countStatuses)[number]['key'];

/** The bucket's label: the hour for 24 hours, the day otherwise (UTC, as the API buckets). */
export function bucketLabel(iso: string, bucket: 'hour' | 'day'): string {
  const date = new Date(iso);
  return bucket === 'hour'
    ? date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Count points grouped by environment (one stacked chart each), environments in name order. */
export function countsByEnvironment(points: readonly CountPoint[]): [string, CountPoint[]][] {
  const groups = new Map<string, CountPoint[]>();
  for (const point of points) groups.set(point.environment, [...(groups.get(point.environment) ?? []), point]);
  return [...groups].sort((a, b) => a[0].localeCompare(b[0], 'en'));
}

/** Capacity readings grouped by capacity (one line each). */
export function capacityLines(points: readonly CapacityPoint[]): [string, CapacityPoint[]][] {
  const groups = new Map<string, CapacityPoint[]>();
  for (const point of points) groups.set(point.capacityName, [...(groups.get(point.capacityName) ?? []), point]);
  return [...groups];
}

/** A summary in words for screen readers and the chart's caption. */
export function countsSummary(points: readonly CountPoint[]): string {
  const total = (key: CountStatus) => points.reduce((sum, point) => sum + point[key], 0);
  const all = countStatuses.reduce((sum, status) => sum + total(status.key), 0);
  if (all === 0) return 'No refreshes in this window.';
  return `${all} refreshes: ${countStatuses
    .filter((status) => total(status.key) > 0)
    .map((status) => `${total(status.key)} ${status.label.toLowerCase()}`)
    .join(', ')}.`;
}

export const percentText = (rate: number): string => `${Math.round(rate * 1000) / 10} %`;
