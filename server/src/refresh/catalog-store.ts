import { odata, type TableClient } from '@azure/data-tables';
import type { StoredSchedule } from './slots';
import { ensureTable, refreshTable, refreshTableNames, statusOf, tolerate } from './tables';

/** One dataset as detection and the bot know it. */
export interface DatasetRecord {
  datasetId: string;
  workspaceId: string;
  workspaceName: string;
  datasetName: string;
  /** Dev, Test, Prod … from the workspace's name; `Unassigned` otherwise. */
  environment: string;
  /** Push datasets cannot be refreshed. */
  refreshable: boolean;
  configuredBy?: string;
  schedule?: StoredSchedule;
  /** Row key of this dataset's next-slot row in the watch table. */
  slotKey?: string;
  /** Refreshes that ended before this (service time, ISO) were already examined. */
  seenUntil: string;
  lastSuccessAt?: string;
  /** Scopes the dataset serves (personal subscribers only see failures of their scopes). */
  scopeIds?: string[];
  /** Power BI's `targetStorageMode` (Abf, PremiumFiles …), for the Operations page. */
  storageMode?: string;
  /** The newest refresh in the stored history (written by the Operations history fetch). */
  lastRefresh?: LastRefresh;
}

/** The newest stored refresh of a dataset, kept on its catalog row so overviews need no history reads. */
export interface LastRefresh {
  status: string;
  startTime: string;
  endTime: string | null;
  durationMs: number | null;
}

const partition = 'ds';
const meta = { partitionKey: 'meta', rowKey: 'catalog' } as const;

function toRecord(row: Record<string, unknown>): DatasetRecord {
  const text = (key: string): string | undefined => (typeof row[key] === 'string' && row[key] !== '' ? (row[key] as string) : undefined);
  const schedule = text('schedule');
  const scopeIds = text('scopeIds');
  const lastRefresh = text('lastRefresh');
  return {
    datasetId: String(row.rowKey),
    workspaceId: text('workspaceId') ?? '',
    workspaceName: text('workspaceName') ?? '',
    datasetName: text('datasetName') ?? '',
    environment: text('environment') ?? 'Unassigned',
    refreshable: row.refreshable !== false,
    seenUntil: text('seenUntil') ?? new Date(0).toISOString(),
    ...(text('configuredBy') ? { configuredBy: text('configuredBy') } : {}),
    ...(schedule ? { schedule: JSON.parse(schedule) as StoredSchedule } : {}),
    ...(text('slotKey') ? { slotKey: text('slotKey') } : {}),
    ...(text('lastSuccessAt') ? { lastSuccessAt: text('lastSuccessAt') } : {}),
    ...(scopeIds ? { scopeIds: JSON.parse(scopeIds) as string[] } : {}),
    ...(text('storageMode') ? { storageMode: text('storageMode') } : {}),
    ...(lastRefresh ? { lastRefresh: JSON.parse(lastRefresh) as LastRefresh } : {}),
  };
}

function toEntity(
  record: Partial<DatasetRecord> & { datasetId: string },
): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const { datasetId, schedule, scopeIds, lastRefresh, ...rest } = record;
  const entity: Record<string, unknown> & { partitionKey: string; rowKey: string } = { partitionKey: partition, rowKey: datasetId };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) entity[key] = value;
  // Objects are stored as JSON text: table properties are scalars. '' clears a schedule on Merge.
  if ('schedule' in record) entity.schedule = schedule ? JSON.stringify(schedule) : '';
  if (scopeIds) entity.scopeIds = JSON.stringify(scopeIds);
  if (lastRefresh) entity.lastRefresh = JSON.stringify(lastRefresh);
  return entity;
}

/** The dataset catalog in Table Storage (one small partition; a few thousand rows at most). */
export class CatalogStore {
  private readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = refreshTable(connectionString, refreshTableNames.datasets);
  }

  async get(datasetId: string): Promise<DatasetRecord | undefined> {
    await ensureTable(this.table);
    try {
      return toRecord(await this.table.getEntity(partition, datasetId));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** The datasets of one workspace (the bulk fetch's per-workspace sync): a filtered query, not the whole catalog. */
  async listInWorkspace(workspaceId: string): Promise<DatasetRecord[]> {
    await ensureTable(this.table);
    const records: DatasetRecord[] = [];
    const filter = odata`PartitionKey eq ${partition} and workspaceId eq ${workspaceId}`;
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) records.push(toRecord(row));
    return records;
  }

  /** Every dataset (bot name search, catalog sync). */
  async list(): Promise<DatasetRecord[]> {
    await ensureTable(this.table);
    const records: DatasetRecord[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partition}` } })) {
      records.push(toRecord(row));
    }
    return records;
  }

  /** Writes the given fields and leaves the others as they are. */
  async merge(record: Partial<DatasetRecord> & { datasetId: string }): Promise<void> {
    await ensureTable(this.table);
    await this.table.upsertEntity(toEntity(record), 'Merge');
  }

  async remove(datasetId: string): Promise<void> {
    await tolerate(() => this.table.deleteEntity(partition, datasetId), 404);
  }

  /** When the catalog was last synced from Power BI (undefined: never). */
  async syncedAt(): Promise<string | undefined> {
    await ensureTable(this.table);
    const row = await tolerate(() => this.table.getEntity(meta.partitionKey, meta.rowKey), 404);
    return typeof row?.syncedAt === 'string' ? row.syncedAt : undefined;
  }

  async markSynced(at: string): Promise<void> {
    await this.table.upsertEntity({ ...meta, syncedAt: at }, 'Replace');
  }
}
