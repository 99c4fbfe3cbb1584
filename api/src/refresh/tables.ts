import { TableClient } from '@azure/data-tables';

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
} as const;
export type RefreshTableName = (typeof refreshTableNames)[keyof typeof refreshTableNames];

const created = new Map<string, Promise<unknown>>();

/** A client for one of the tables; plain-http endpoints (Azurite) only when the connection string uses them. */
export function refreshTable(connectionString: string, table: RefreshTableName): TableClient {
  const insecure = /DefaultEndpointsProtocol=http;|TableEndpoint=http:/i.test(connectionString);
  return TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: insecure });
}

/** Creates the table once per process (a fresh storage account has none of them). */
export async function ensureTable(client: TableClient): Promise<void> {
  const key = `${client.url}/${client.tableName}`;
  let pending = created.get(key);
  if (!pending) {
    pending = client.createTable();
    created.set(key, pending);
    pending.catch(() => created.delete(key));
  }
  await pending;
}

/** The HTTP status of a storage error (409 exists, 404 missing, 412 ETag moved), if any. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

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
