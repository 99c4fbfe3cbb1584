import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { chunk, ensureTable, keyPart } from '@planboard/server';
import { operationsTable, operationsTableNames } from '../tables';

/** One utilisation reading of a capacity (from the Fabric Capacity Metrics model). */
export interface CapacityReading {
  capacityId: string;
  capacityName: string;
  /** Start of the reading's interval (ISO, UTC). */
  at: string;
  utilisation: number;
}

/** Sortable time key (oldest first: a chart reads forward). */
const timeKey = (iso: string): string => String(Date.parse(iso)).padStart(15, '0');

/** Capacity utilisation over time: one partition per capacity, one row per interval (re-ingesting overwrites). */
export class CapacityStore {
  private readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = operationsTable(connectionString, operationsTableNames.capacity);
  }

  async putAll(readings: readonly CapacityReading[]): Promise<number> {
    await ensureTable(this.table);
    const byCapacity = new Map<string, CapacityReading[]>();
    for (const reading of readings) byCapacity.set(reading.capacityId, [...(byCapacity.get(reading.capacityId) ?? []), reading]);
    for (const [capacityId, group] of byCapacity)
      for (const part of chunk(group, 100))
        await this.table.submitTransaction(
          part.map((reading): TransactionAction => [
            'upsert',
            {
              partitionKey: keyPart(capacityId.toLowerCase()),
              rowKey: timeKey(reading.at),
              capacityId: capacityId.toLowerCase(),
              capacityName: reading.capacityName,
              at: reading.at,
              utilisation: reading.utilisation,
            },
            'Replace',
          ]),
        );
    return readings.length;
  }

  /** Readings in [from, to] of every capacity (or the given ones), oldest first. */
  async window(
    from: string | undefined,
    to: string,
    capacityIds?: ReadonlySet<string>,
  ): Promise<{ readings: CapacityReading[]; read: number }> {
    await ensureTable(this.table);
    let filter = odata`RowKey le ${timeKey(to)}`;
    if (from) filter += ` and ${odata`RowKey ge ${timeKey(from)}`}`;
    const readings: CapacityReading[] = [];
    let read = 0;
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
      read += 1;
      const capacityId = String(row.capacityId ?? '');
      if (capacityIds && !capacityIds.has(capacityId)) continue;
      readings.push({
        capacityId,
        capacityName: String(row.capacityName ?? ''),
        at: String(row.at ?? ''),
        utilisation: Number(row.utilisation ?? 0),
      });
    }
    readings.sort((a, b) => a.at.localeCompare(b.at) || a.capacityId.localeCompare(b.capacityId));
    return { readings, read };
  }
}
