import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { StoreSalesRow } from '@planboard/contracts';
import { chunk, ensureTable, storeSalesRowKey, type StoreSalesEntity } from '@planboard/server';

export interface LoadCounts {
  /** Rows written: new, or with changed figures. */
  rowsLoaded: number;
  /** Rows already there with the same figures (not written). */
  rowsUnchanged: number;
  /** Rows of the source's previous version that are gone from it (deleted). */
  rowsRemoved: number;
  /** Storage requests made (query pages and transactions). */
  roundTrips: number;
}

/** Transactions of different partitions in flight at once (one partition's run in order). */
const parallelPartitions = 8;

const figures = (row: { netSales: unknown; transactions: unknown; labourHours: unknown }) =>
  `${Number(row.netSales)}|${Number(row.transactions)}|${Number(row.labourHours)}`;

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Makes `storesales` hold exactly `rows` for `source` (a file name, or `upload:<name>`): rows with
 * the same figures are left alone, new or changed ones upserted, rows of the source that are no
 * longer in it deleted — each partition (store) in transactions of at most 100 operations. Running
 * it again with the same rows writes nothing; an interrupted load is completed by the next one.
 */
export async function replaceSourceRows(
  table: TableClient,
  source: string,
  rows: readonly StoreSalesRow[],
  stamp: { runId: string; loadedAt: string },
): Promise<LoadCounts> {
  await ensureTable(table);
  const counts: LoadCounts = { rowsLoaded: 0, rowsUnchanged: 0, rowsRemoved: 0, roundTrips: 0 };
  // What the source loaded before: key → figures.
  const existing = new Map<string, { partitionKey: string; rowKey: string; figures: string }>();
  const pages = table
    .listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`source eq ${source}`, select: ['PartitionKey', 'RowKey', 'netSales', 'transactions', 'labourHours'] },
    })
    .byPage({ maxPageSize: 1000 });
  for await (const page of pages) {
    counts.roundTrips += 1;
    for (const entity of page)
      existing.set(`${entity.partitionKey}|${entity.rowKey}`, {
        partitionKey: String(entity.partitionKey),
        rowKey: String(entity.rowKey),
        figures: figures(entity as never),
      });
  }
  const actions = new Map<string, TransactionAction[]>();
  const add = (partitionKey: string, action: TransactionAction) => {
    const list = actions.get(partitionKey) ?? [];
    list.push(action);
    actions.set(partitionKey, list);
  };
  for (const row of rows) {
    const rowKey = storeSalesRowKey(row.date, row.dayPart);
    const key = `${row.storeNumber}|${rowKey}`;
    const before = existing.get(key);
    existing.delete(key);
    if (before && before.figures === figures(row)) {
      counts.rowsUnchanged += 1;
      continue;
    }
    const entity: StoreSalesEntity = {
      partitionKey: row.storeNumber,
      rowKey,
      storeNumber: row.storeNumber,
      date: row.date,
      dayPart: row.dayPart,
      netSales: row.netSales,
      transactions: row.transactions,
      labourHours: row.labourHours,
      source,
      runId: stamp.runId,
      loadedAt: stamp.loadedAt,
    };
    add(row.storeNumber, ['upsert', { ...entity }, 'Replace']);
    counts.rowsLoaded += 1;
  }
  for (const gone of existing.values()) {
    add(gone.partitionKey, ['delete', { partitionKey: gone.partitionKey, rowKey: gone.rowKey }]);
    counts.rowsRemoved += 1;
  }
  await inParallel([...actions.values()], parallelPartitions, async (list) => {
    for (const batch of chunk(list)) {
      await table.submitTransaction(batch);
      counts.roundTrips += 1;
    }
  });
  return counts;
}
