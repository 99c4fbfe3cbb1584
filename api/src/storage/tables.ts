import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';

/** Every table the app uses. Names are alphanumeric, as Table Storage requires. */
export const tableNames = {
  health: 'health',
  users: 'users',
  scopes: 'scopes',
  grants: 'grants',
  /** Budget lines and their audit entries share partitions so a change and its audit commit together. */
  budget: 'budget',
} as const;
export type TableName = (typeof tableNames)[keyof typeof tableNames];

/** A client for one table; plain-http endpoints (Azurite) are allowed only when the connection string uses them. */
export function tableClient(connectionString: string, table: TableName, options: TableServiceClientOptions = {}): TableClient {
  const insecure = /DefaultEndpointsProtocol=http;|TableEndpoint=http:/i.test(connectionString);
  return TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: insecure, ...options });
}

/** Creates the tables that do not exist yet (creating an existing table is a no-op in the SDK). */
export async function ensureTables(connectionString: string, tables: readonly TableName[] = Object.values(tableNames)): Promise<void> {
  await Promise.all(tables.map((table) => tableClient(connectionString, table).createTable()));
}
