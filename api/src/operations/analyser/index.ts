import type { PerformanceQuery, PerformanceReport } from '@planboard/contracts';
import { config } from '../../config';
import { getServices, opsClock, opsStores } from '../context';
import { ingestCapacity, type CapacityIngestReport } from './capacity-ingest';
import { CapacityStore } from './capacity-store';
import { performanceReport } from './report';
import { RollupStore } from './rollup-store';

let stores: { rollups: RollupStore; capacity: CapacityStore } | undefined;

/** The Performance view for the route (storage clients built once per process; they hold no state). */
export async function performanceView(query: PerformanceQuery): Promise<PerformanceReport> {
  const connection = config().AzureWebJobsStorage;
  stores ??= { rollups: new RollupStore(connection), capacity: new CapacityStore(connection) };
  const all = opsStores();
  return performanceReport({ stores: all, history: all.history, ...stores, nowMs: await opsClock().now() }, query);
}

/** Capacity utilisation from the Fabric Capacity Metrics model into Table Storage (timer and admin route). */
export async function ingestCapacityNow(): Promise<CapacityIngestReport> {
  const connection = config().AzureWebJobsStorage;
  stores ??= { rollups: new RollupStore(connection), capacity: new CapacityStore(connection) };
  return ingestCapacity({ powerBi: getServices().powerBi, catalog: opsStores().catalog, capacity: stores.capacity });
}
