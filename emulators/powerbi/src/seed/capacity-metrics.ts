import type { EmulatorState } from '../model/state';
import type { DataRow } from '../model/types';
import { seededRandom } from './random';
import { datasetIdOf } from './sample-ids';

const hourMs = 3_600_000;

/**
 * The Fabric Capacity Metrics semantic model of the sample tenant: the Operations (Prod)
 * workspace's "Capacity Metrics" model gets the utilisation table the analyser ingests.
 */
export const capacityMetrics = {
  datasetId: datasetIdOf('capacity-metrics', 'Prod'),
  /** One row per capacity per hour: `CapacityId`, `CapacityName`, `Timestamp` (ISO, UTC), `UtilisationPercent`. */
  table: 'CapacityUtilisation',
} as const;

/**
 * Hourly utilisation of every dedicated capacity over the last 30 days. The hours in which a
 * seeded refresh on that capacity ran far slower than its model's usual duration are busy (85–99 %),
 * so the Performance view's capacity line peaks where its slow refreshes are; other hours sit at
 * 20–50 %. Call after the sample datasets have their history.
 */
export function seedCapacityMetrics(state: EmulatorState, now: number): void {
  const random = seededRandom('capacity-metrics');
  const busy = new Set<string>();
  for (const dataset of state.datasets.values()) {
    const capacity = state.capacityOf(dataset.workspaceId);
    if (!capacity) continue;
    for (const refresh of dataset.history) {
      const duration = (refresh.endTime ?? refresh.plannedEnd) - refresh.startTime;
      if (duration <= 3 * dataset.refreshDurationMs) continue;
      for (let at = Math.floor(refresh.startTime / hourMs) * hourMs; at < refresh.startTime + duration; at += hourMs)
        busy.add(`${capacity.id}|${at}`);
    }
  }
  const rows: DataRow[] = [];
  const first = Math.floor((now - 30 * 24 * hourMs) / hourMs) * hourMs;
  for (const capacity of state.capacities.values())
    for (let at = first; at <= now; at += hourMs)
      rows.push({
        CapacityId: capacity.id,
        CapacityName: capacity.displayName,
        Timestamp: new Date(at).toISOString(),
        UtilisationPercent: Math.round((busy.has(`${capacity.id}|${at}`) ? 85 + random() * 14 : 20 + random() * 30) * 10) / 10,
      });
  const dataset = state.dataset(capacityMetrics.datasetId);
  if (!dataset) return;
  dataset.model.tables.push({
    name: capacityMetrics.table,
    columns: [
      { name: 'CapacityId', dataType: 'String' },
      { name: 'CapacityName', dataType: 'String' },
      { name: 'Timestamp', dataType: 'String' },
      { name: 'UtilisationPercent', dataType: 'Double' },
    ],
    rows,
  });
}
