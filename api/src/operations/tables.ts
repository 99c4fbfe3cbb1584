import type { TableClient } from '@azure/data-tables';
import { tableClient } from '@planboard/server';

/**
 * Tables of the Operations page (kept apart from `storage/tables.ts`, which lists the tables the
 * sample seed creates, and from `refresh/tables.ts`: the dataset catalog itself lives there and is
 * shared with detection and the bot). Names are alphanumeric, as Table Storage requires.
 */
export const operationsTableNames = {
  /** Workspaces (`ws` partition) and their reports (one partition per workspace, `rep|<workspaceId>`). */
  workspaces: 'opsworkspaces',
  /** Admin-assigned environment/module per workspace and the audit of bulk assignments (one partition). */
  categories: 'opscategories',
  /** Stored refresh history: one partition per dataset, newest first. */
  refreshes: 'opsrefreshes',
  /** Bulk fetch jobs: the current job's pointer, and one partition per job (its row and one row per finished workspace). */
  fetchJobs: 'opsfetchjobs',
  /** Per model per UTC day rollups of the stored history (partition `d|<day>`, row per model). */
  rollups: 'opsrollups',
  /** Failed and outlier refreshes, newest first (partitions `f` and `o`), so lists over any window are one range query. */
  refreshIndex: 'opsrefreshindex',
  /** Capacity utilisation from the Fabric Capacity Metrics model (one partition per capacity, rows by time). */
  capacity: 'opscapacity',
} as const;

/** The queue that fans a bulk fetch out: one message per workspace (infra declares it and its poison queue). */
export const fetchQueueName = 'ops-fetch';
export type OperationsTableName = (typeof operationsTableNames)[keyof typeof operationsTableNames];

export function operationsTable(connectionString: string, table: OperationsTableName): TableClient {
  return tableClient(connectionString, table);
}

/** Row keys that sort newest first (a fixed-width inverted millisecond count). */
export function invertedTimeKey(ms: number): string {
  return String(8_640_000_000_000_000 - ms).padStart(16, '0');
}

/** Reads a string property, treating '' as absent (Merge cannot delete properties). */
export function textOf(row: Record<string, unknown>, key: string): string | undefined {
  const value = row[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
