import { outlierRuleText, medianOf } from '@planboard/server';
import type { PerformanceQuery, PerformanceReport, SlowRefresh } from '@planboard/contracts';
import type { HistoryStore } from '../history-store';
import type { OperationsStores } from '../stores';
import type { CapacityStore } from './capacity-store';
import { emptyRollup, mergeRollups, percentileOf, type TopRefresh } from './rollup';
import type { RollupStore } from './rollup-store';
import { placeOf, scopeOf, sharedCapacity } from './scope';
import { countSeries, failureRates, windowOf } from './views';

export interface AnalyserDeps {
  stores: Pick<OperationsStores, 'catalog' | 'workspaces' | 'categories'>;
  history: HistoryStore;
  rollups: RollupStore;
  capacity: CapacityStore;
  nowMs: number;
}

/** How many refreshes the slowest/failed/outlier lists show. */
export const listSize = 25;

/**
 * The Performance view of one window and filter. Reads one rollup row per model per day, the
 * failure/outlier index newest first up to the list size, and raw history only for the typical
 * duration of the models in the slowest list: what it reads grows with models × days, never with
 * the number of refreshes.
 */
export async function performanceReport(deps: AnalyserDeps, query: PerformanceQuery): Promise<PerformanceReport> {
  const { nowMs } = deps;
  const { fromMs, bucket } = windowOf(query.window, nowMs);
  const from = fromMs === null ? undefined : new Date(fromMs).toISOString();
  const to = new Date(nowMs).toISOString();
  const scope = await scopeOf(deps.stores, query);
  const ids = new Set(scope.models.keys());
  const [rollups, failedIndex, outlierIndex, capacity] = await Promise.all([
    deps.rollups.days(from?.slice(0, 10) ?? '0000-00-00', to.slice(0, 10), ids),
    deps.rollups.indexed('f', from, query.window === '24h' ? 1000 : listSize, ids),
    deps.rollups.indexed('o', from, listSize, ids),
    deps.capacity.window(from, to),
  ]);
  const rows = rollups.rows;
  const place = (datasetId: string) => placeOf(scope.models.get(datasetId)!);

  // Slowest: each row keeps its day's slowest few, so the window's slowest are among them.
  const candidates: (TopRefresh & { datasetId: string })[] = rows
    .flatMap((row) => row.top.map((top) => ({ ...top, datasetId: row.datasetId })))
    .filter((top) => !from || top.startTime >= from)
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, listSize);
  let raw = 0;
  const typical = new Map<string, number | null>();
  await Promise.all(
    [...new Set(candidates.map((top) => top.datasetId))].map(async (datasetId) => {
      const recent = await deps.history.window(datasetId, { status: 'Completed', top: 30 });
      raw += recent.length;
      typical.set(datasetId, medianOf(recent.flatMap((row) => (row.durationMs === null ? [] : [row.durationMs]))) ?? null);
    }),
  );
  const slowest: SlowRefresh[] = candidates.map((top) => ({
    ...place(top.datasetId),
    ...top,
    typicalMs: typical.get(top.datasetId) ?? null,
  }));

  // Most common codes: from the failures themselves for 24 hours (rollups hold whole days), else from rollups.
  const codes = new Map<string, number>();
  if (query.window === '24h')
    for (const failure of failedIndex.rows)
      codes.set(failure.errorCode ?? 'Unknown error', (codes.get(failure.errorCode ?? 'Unknown error') ?? 0) + 1);
  else for (const row of rows) for (const [code, count] of Object.entries(row.codes)) codes.set(code, (codes.get(code) ?? 0) + count);

  // Start delay per capacity, from the scheduled refreshes' delay histograms.
  const delays = new Map<string, ReturnType<typeof emptyRollup>>();
  for (const row of rows) {
    const capacityId = scope.models.get(row.datasetId)?.capacityId ?? sharedCapacity;
    delays.set(capacityId, mergeRollups(delays.get(capacityId) ?? emptyRollup(), { ...emptyRollup(), delays: row.delays }));
  }
  const capacityNames = new Map(capacity.readings.map((reading) => [reading.capacityId, reading.capacityName]));
  const capacityName = (capacityId: string) =>
    capacityId === sharedCapacity ? 'Shared capacity' : (capacityNames.get(capacityId) ?? 'Dedicated capacity');
  const inScopeCapacities = new Set([...scope.models.values()].map((model) => model.capacityId));

  return {
    window: query.window,
    from: from ?? null,
    to,
    bucket,
    outlierRule: outlierRuleText,
    filters: scope.filters,
    slowest,
    failed: {
      recent: failedIndex.rows.slice(0, listSize).map((failure) => ({ ...place(failure.datasetId), ...failure })),
      ...failureRates(rows, scope.models, bucket, fromMs),
      codes: [...codes]
        .map(([errorCode, count]) => ({ errorCode, count }))
        .sort((a, b) => b.count - a.count || a.errorCode.localeCompare(b.errorCode))
        .slice(0, 10),
    },
    outliers: outlierIndex.rows.map((outlier) => ({
      ...place(outlier.datasetId),
      requestId: outlier.requestId,
      refreshType: outlier.refreshType,
      startTime: outlier.startTime,
      durationMs: outlier.durationMs ?? 0,
      medianMs: outlier.medianMs ?? 0,
      thresholdMs: outlier.thresholdMs ?? 0,
      ratio: outlier.medianMs ? (outlier.durationMs ?? 0) / outlier.medianMs : 0,
    })),
    counts: countSeries(rows, scope.models, bucket, fromMs, nowMs),
    startDelay: [...delays]
      .map(([capacityId, rollup]) => ({
        capacityId,
        capacityName: capacityName(capacityId),
        scheduled: Object.values(rollup.delays).reduce((sum, value) => sum + value, 0),
        p50Ms: percentileOf(rollup.delays, 0.5) ?? null,
        p95Ms: percentileOf(rollup.delays, 0.95) ?? null,
      }))
      .sort((a, b) => a.capacityName.localeCompare(b.capacityName, 'en')),
    capacity: capacity.readings
      .filter((reading) => inScopeCapacities.has(reading.capacityId))
      .map((reading) => ({ ...reading, capacityName: capacityName(reading.capacityId) })),
    read: { rollups: rollups.read, index: failedIndex.read + outlierIndex.read, raw, capacity: capacity.read },
  };
}
