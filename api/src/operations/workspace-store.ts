import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { chunk, ensureTable, keyPart, tolerate } from '@planboard/server';
import { operationsTable, operationsTableNames, textOf } from './tables';

/** A workspace as the catalog last read it from Power BI. */
export interface WorkspaceRecord {
  workspaceId: string;
  name: string;
  capacityId?: string;
  /** Premium / Embedded / Fabric capacity; false on shared capacity (8 refreshes a day). */
  dedicated: boolean;
}

/** A report and the model it is bound to (which may live in another workspace). */
export interface ReportRecord {
  reportId: string;
  workspaceId: string;
  name: string;
  datasetId?: string;
}

const workspacePartition = 'ws';
const reportPartition = (workspaceId: string): string => `rep|${keyPart(workspaceId)}`;
const meta = { partitionKey: 'meta', rowKey: 'workspaces' } as const;

/** Workspaces and reports of the Operations catalog (datasets stay in the refresh catalog). */
export class WorkspaceStore {
  private readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = operationsTable(connectionString, operationsTableNames.workspaces);
  }

  async list(): Promise<WorkspaceRecord[]> {
    await ensureTable(this.table);
    const rows: WorkspaceRecord[] = [];
    const filter = odata`PartitionKey eq ${workspacePartition}`;
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) rows.push(toWorkspace(row));
    return rows;
  }

  async get(workspaceId: string): Promise<WorkspaceRecord | undefined> {
    await ensureTable(this.table);
    const row = await tolerate(() => this.table.getEntity(workspacePartition, keyPart(workspaceId)), 404);
    return row ? toWorkspace(row) : undefined;
  }

  async put(workspace: WorkspaceRecord): Promise<void> {
    await ensureTable(this.table);
    await this.table.upsertEntity(
      {
        partitionKey: workspacePartition,
        rowKey: keyPart(workspace.workspaceId),
        workspaceId: workspace.workspaceId,
        name: workspace.name,
        capacityId: workspace.capacityId ?? '',
        dedicated: workspace.dedicated,
      },
      'Replace',
    );
  }

  async remove(workspaceId: string): Promise<void> {
    await this.replaceReports(workspaceId, []);
    await tolerate(() => this.table.deleteEntity(workspacePartition, keyPart(workspaceId)), 404);
  }

  /** Reports of one workspace. */
  async reportsOf(workspaceId: string): Promise<ReportRecord[]> {
    await ensureTable(this.table);
    const rows: ReportRecord[] = [];
    const filter = odata`PartitionKey eq ${reportPartition(workspaceId)}`;
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) rows.push(toReport(row));
    return rows;
  }

  /** Every report (report dependencies across workspaces); a few thousand rows at most. */
  async allReports(): Promise<ReportRecord[]> {
    await ensureTable(this.table);
    const rows: ReportRecord[] = [];
    const filter = odata`PartitionKey ge 'rep|' and PartitionKey lt 'rep}'`;
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) rows.push(toReport(row));
    return rows;
  }

  /**
   * Makes a workspace's stored reports exactly `reports`: upserts first, then deletes the ones gone,
   * in ≤100-operation transactions of the workspace's partition (a reader never sees it empty).
   */
  async replaceReports(workspaceId: string, reports: readonly ReportRecord[]): Promise<void> {
    await ensureTable(this.table);
    const partitionKey = reportPartition(workspaceId);
    const keep = new Set(reports.map((report) => keyPart(report.reportId)));
    const upserts: TransactionAction[] = reports.map((report) => [
      'upsert',
      { partitionKey, rowKey: keyPart(report.reportId), ...report, datasetId: report.datasetId ?? '' },
      'Replace',
    ]);
    const stale = (await this.reportsOf(workspaceId)).filter((report) => !keep.has(keyPart(report.reportId)));
    const deletes: TransactionAction[] = stale.map((report) => ['delete', { partitionKey, rowKey: keyPart(report.reportId) }]);
    for (const actions of [...chunk(upserts, 100), ...chunk(deletes, 100)]) await this.table.submitTransaction(actions);
  }

  async syncedAt(): Promise<string | undefined> {
    await ensureTable(this.table);
    const row = await tolerate(() => this.table.getEntity(meta.partitionKey, meta.rowKey), 404);
    return typeof row?.syncedAt === 'string' ? row.syncedAt : undefined;
  }

  async markSynced(at: string): Promise<void> {
    await ensureTable(this.table);
    await this.table.upsertEntity({ ...meta, syncedAt: at }, 'Replace');
  }
}

function toWorkspace(row: Record<string, unknown>): WorkspaceRecord {
  const capacityId = textOf(row, 'capacityId');
  return {
    workspaceId: textOf(row, 'workspaceId') ?? String(row.rowKey),
    name: textOf(row, 'name') ?? String(row.rowKey),
    dedicated: row.dedicated === true,
    ...(capacityId ? { capacityId } : {}),
  };
}

function toReport(row: Record<string, unknown>): ReportRecord {
  const datasetId = textOf(row, 'datasetId');
  return {
    reportId: textOf(row, 'reportId') ?? String(row.rowKey),
    workspaceId: textOf(row, 'workspaceId') ?? '',
    name: textOf(row, 'name') ?? String(row.rowKey),
    ...(datasetId ? { datasetId } : {}),
  };
}
