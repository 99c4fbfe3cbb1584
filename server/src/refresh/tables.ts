import type { TableClient } from '@azure/data-tables';
import { ensureTable, statusOf, tableClient } from '../storage/tables';

/**
 * Tables of refresh failure detection (kept apart from `storage/tables.ts`, which lists the
 * tables the sample seed creates). Names are alphanumeric, as Table Storage requires.
 */
export const refreshTableNames = {
  /** The dataset catalog: names, environment, schedule, what was already examined. */
  datasets: 'refreshdatasets',
  /** What the next poll looks at (`watch` partition) and the next schedule slot per dataset (`slot`). */
  watch: 'refreshwatch',
  /** Every failure found, keyed by dataset and refresh: the idempotency record. */
  failures: 'refreshfailures',
  /** Schedule-health alerts sent (once per streak, disabling or staleness episode), snoozes, scan turns. */
  health: 'refreshhealth',
} as const;
export type RefreshTableName = (typeof refreshTableNames)[keyof typeof refreshTableNames];

/** A client for one of the tables; plain-http endpoints (Azurite) only when the connection string uses them. */
export function refreshTable(connectionString: string, table: RefreshTableName): TableClient {
  return tableClient(connectionString, table);
}

export { ensureTable, statusOf };

/** Runs a storage write whose "already done" answers (given statuses) are success. */
export async function tolerate<T>(work: () => Promise<T>, ...statuses: number[]): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (statuses.includes(statusOf(error) ?? 0)) return undefined;
    throw error;
  }
}

/** Characters Table Storage refuses in keys (`/ \ # ?` and control characters) become `_`. */
export function keyPart(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[/\\#?\u0000-\u001f\u007f-\u009f]/g, '_');
}
