import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { storageConnection } from './connection';

/** Every table the app uses. Names are alphanumeric, as Table Storage requires. */
export const tableNames = {
  health: 'health',
  users: 'users',
  scopes: 'scopes',
  grants: 'grants',
  /** Budget lines and their audit entries share partitions so a change and its audit commit together. */
  budget: 'budget',
  /** KPI definitions: one partition per department (`kpi|<kpiId>` rows). */
  kpis: 'kpis',
  /** KPI data points: one partition per KPI (`<departmentId>|<kpiId>`), rows `pt|<periodStart>|<period>`. */
  kpiPoints: 'kpipoints',
  /** Training: one partition per tenant (days, recordings, audit, outbox) so a change and its audit commit together. */
  training: 'training',
  /** Training progress: one partition per learner (`<tid>|<oid>`), a `day|NN` row per day. */
  trainingProgress: 'trainingprogress',
} as const;
export type TableName = (typeof tableNames)[keyof typeof tableNames];

/**
 * A client for one table, from the `AzureWebJobsStorage` setting (see `storageSetting`): a connection
 * string locally — plain-http endpoints (Azurite) allowed only when it uses them — or the managed
 * identity in Azure.
 */
export function tableClient(setting: string, table: string, options: TableServiceClientOptions = {}): TableClient {
  const connection = storageConnection(setting);
  if (connection.kind === 'identity') return new TableClient(connection.tableUrl, table, connection.credential, options);
  const insecure = /DefaultEndpointsProtocol=http;|TableEndpoint=http:/i.test(connection.connectionString);
  return TableClient.fromConnectionString(connection.connectionString, table, { allowInsecureConnection: insecure, ...options });
}

const created = new Map<string, Promise<unknown>>();

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

/** Creates the tables that do not exist yet (creating an existing table is a no-op in the SDK). */
export async function ensureTables(connectionString: string, tables: readonly TableName[] = Object.values(tableNames)): Promise<void> {
  await Promise.all(tables.map((table) => tableClient(connectionString, table).createTable()));
}
