import type { CatalogStore, PowerBiClient } from '@planboard/server';
import type { CapacityReading, CapacityStore } from './capacity-store';

/** The Fabric Capacity Metrics model's utilisation table, one row per capacity per interval. */
export const capacityQuery = "EVALUATE 'CapacityUtilisation'";
/** Catalog models read as capacity metrics (the Fabric app names its model "Fabric Capacity Metrics"). */
const metricsName = /capacity metrics/i;

export interface CapacityIngestDeps {
  powerBi: Pick<PowerBiClient, 'queries'>;
  catalog: Pick<CatalogStore, 'list'>;
  capacity: Pick<CapacityStore, 'putAll'>;
}

export interface CapacityIngestReport {
  models: number;
  readings: number;
  /** Models that did not answer the query (another model of that name, no access …), with why. */
  skipped: string[];
}

/** A column of an executeQueries row, whether it came back as `Table[Col]` or `[Col]`. */
function column(row: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(row).find((candidate) => candidate.endsWith(`[${name}]`));
  return key === undefined ? undefined : row[key];
}

export function readingsOf(rows: readonly Record<string, unknown>[]): CapacityReading[] {
  return rows.flatMap((row): CapacityReading[] => {
    const capacityId = column(row, 'CapacityId');
    const at = Date.parse(String(column(row, 'Timestamp') ?? ''));
    const utilisation = Number(column(row, 'UtilisationPercent'));
    if (typeof capacityId !== 'string' || !capacityId || Number.isNaN(at) || !Number.isFinite(utilisation)) return [];
    const name = column(row, 'CapacityName');
    return [
      {
        capacityId: capacityId.toLowerCase(),
        capacityName: typeof name === 'string' && name ? name : 'Capacity',
        at: new Date(at).toISOString(),
        utilisation,
      },
    ];
  });
}

/**
 * Reads capacity utilisation from every capacity-metrics model in the catalog through
 * `executeQueries` and stores it (rows keyed by capacity and time: re-reading overwrites, so two
 * hosts ingesting at once store the same rows).
 */
export async function ingestCapacity(deps: CapacityIngestDeps): Promise<CapacityIngestReport> {
  const models = (await deps.catalog.list()).filter((dataset) => dataset.workspaceId && metricsName.test(dataset.datasetName));
  const report: CapacityIngestReport = { models: 0, readings: 0, skipped: [] };
  for (const model of models) {
    try {
      const readings = readingsOf(await deps.powerBi.queries.rows(model.workspaceId, model.datasetId, capacityQuery));
      if (readings.length === 0) {
        report.skipped.push(`${model.datasetName} (${model.workspaceName}): no utilisation rows`);
        continue;
      }
      report.readings += await deps.capacity.putAll(readings);
      report.models += 1;
    } catch (error) {
      // Dev and Test copies of a metrics model may lack the table: the others are still read.
      report.skipped.push(`${model.datasetName} (${model.workspaceName}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return report;
}
