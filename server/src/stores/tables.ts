import type { TableClient } from '@azure/data-tables';
import { tableClient } from '../storage/tables';

/**
 * Tables of store data (SPEC §4): written by the store-data pipeline (`api/src/stores`), read by the
 * store data API and by the Power BI store model bound to them. Shared here because the pipeline,
 * the read routes and the Power BI emulator's bound-table import all agree on one layout.
 */
export const storeTableNames = {
  /** Sales facts: one partition per store (its six-digit number), rows `<yyyy-mm-dd>|<dayPart>`. */
  sales: 'storesales',
  /** Store master data synced from Dataverse: partition `store`, row key the six-digit store number. */
  master: 'storemaster',
} as const;
export type StoreTableName = (typeof storeTableNames)[keyof typeof storeTableNames];

export const dayParts = ['breakfast', 'lunch', 'dinner', 'late'] as const;
export type DayPart = (typeof dayParts)[number];

/** The access scope of a store (the directory names stores `store-<number>`). */
export const storeScopeId = (storeNumber: string): string => `store-${storeNumber}`;

/** The row key of one store/date/day part: the load is an idempotent upsert on it. */
export const storeSalesRowKey = (date: string, dayPart: DayPart): string => `${date}|${dayPart}`;

/** One loaded row of `storesales`. */
export interface StoreSalesEntity {
  partitionKey: string;
  rowKey: string;
  storeNumber: string;
  /** `yyyy-mm-dd`, the store's local business date. */
  date: string;
  dayPart: DayPart;
  netSales: number;
  transactions: number;
  labourHours: number;
  /** Where the row came from: a OneDrive file name or `upload:<file name>`. */
  source: string;
  runId: string;
  loadedAt: string;
}

/** One store of `storemaster` (Dataverse `pb_store`). */
export interface StoreMasterEntity {
  partitionKey: 'store';
  rowKey: string;
  storeNumber: string;
  name: string;
  location: string;
  region: string;
  /** The business unit scope the store belongs to (`sales-north`, ...). */
  businessUnit: string;
  manager: string;
  managerEmail: string;
  active: boolean;
  syncedAt: string;
}

export function storeTable(connectionString: string, table: StoreTableName): TableClient {
  return tableClient(connectionString, table);
}
