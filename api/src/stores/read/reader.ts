import { odata, type TableClient } from '@azure/data-tables';
import { statusOf, storeTable, storeTableNames, type StoreMasterEntity } from '@planboard/server';
import type { SalesRow } from './aggregate';

/** Any row key of a date sorts below this suffix (`<date>|<dayPart>`, day parts being lower-case words). */
const afterAnyDayPart = '|~';

/**
 * Reads the store tables the pipeline writes. Holds table clients only: every answer comes
 * from storage, so any number of hosts answer alike.
 */
export class StoreReader {
  private readonly master: TableClient;
  private readonly sales: TableClient;

  constructor(connectionString: string) {
    this.master = storeTable(connectionString, storeTableNames.master);
    this.sales = storeTable(connectionString, storeTableNames.sales);
  }

  /** The store master by six-digit number (empty before the first Dataverse sync: the table may not exist yet). */
  async masterData(): Promise<Map<string, StoreMasterEntity>> {
    const byNumber = new Map<string, StoreMasterEntity>();
    try {
      const rows = this.master.listEntities<StoreMasterEntity>({ queryOptions: { filter: odata`PartitionKey eq 'store'` } });
      for await (const row of rows) byNumber.set(row.rowKey, row);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    return byNumber;
  }

  /** One store's rows from `from` to `to` inclusive: a range query on the store's own partition. */
  async salesRows(storeNumber: string, from: string, to: string): Promise<SalesRow[]> {
    const rows: SalesRow[] = [];
    try {
      const filter = odata`PartitionKey eq ${storeNumber} and RowKey ge ${from} and RowKey lt ${to + afterAnyDayPart}`;
      const select = ['date', 'dayPart', 'netSales', 'transactions', 'labourHours'];
      for await (const row of this.sales.listEntities<SalesRow>({ queryOptions: { filter, select } })) {
        rows.push({
          date: String(row.date),
          dayPart: String(row.dayPart),
          netSales: Number(row.netSales) || 0,
          transactions: Number(row.transactions) || 0,
          labourHours: Number(row.labourHours) || 0,
        });
      }
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    return rows;
  }
}

let reader: { connectionString: string; reader: StoreReader } | undefined;

/** The reader of this process's storage account (clients only, built once). */
export function storeReader(connectionString: string): StoreReader {
  if (reader?.connectionString !== connectionString) reader = { connectionString, reader: new StoreReader(connectionString) };
  return reader.reader;
}
