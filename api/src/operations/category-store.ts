import { randomUUID } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { CategoryAuditEntry } from '@planboard/contracts';
import { ensureTable, keyPart } from '@planboard/server';
import { invertedTimeKey, operationsTable, operationsTableNames, textOf } from './tables';

/** What an admin assigned to a workspace (either part may still be the name-based guess). */
export interface AssignedCategory {
  environment?: string;
  module?: string;
}

/** One partition holds every assignment and its audit, so a bulk assignment and its audit entry commit together. */
const partitionKey = 'cat';
const workspaceRow = (workspaceId: string): string => `ws|${keyPart(workspaceId)}`;
const auditPrefix = 'audit|';

/** Admin-assigned categories of workspaces, and the audit of every assignment. */
export class CategoryStore {
  private readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = operationsTable(connectionString, operationsTableNames.categories);
  }

  /** Assignments by workspace id. */
  async all(): Promise<Map<string, AssignedCategory>> {
    await ensureTable(this.table);
    const assigned = new Map<string, AssignedCategory>();
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge 'ws|' and RowKey lt 'ws}'`;
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
      const environment = textOf(row, 'environment');
      const module = textOf(row, 'module');
      assigned.set(textOf(row, 'workspaceId') ?? '', { ...(environment ? { environment } : {}), ...(module ? { module } : {}) });
    }
    return assigned;
  }

  /**
   * Sets the environment and/or module of up to 99 workspaces and writes one audit entry, in one
   * entity-group transaction: all of it is stored or none. Merge keeps the part not given.
   */
  async assign(workspaceIds: readonly string[], change: AssignedCategory, by: string, at: Date = new Date()): Promise<CategoryAuditEntry> {
    await ensureTable(this.table);
    const entry: CategoryAuditEntry = {
      at: at.toISOString(),
      by,
      workspaceIds: [...workspaceIds],
      environment: change.environment ?? null,
      module: change.module ?? null,
    };
    const stamp = { assignedBy: by, assignedAt: entry.at };
    const actions: TransactionAction[] = workspaceIds.map((workspaceId) => [
      'upsert',
      { partitionKey, rowKey: workspaceRow(workspaceId), workspaceId, ...change, ...stamp },
      'Merge',
    ]);
    actions.push([
      'create',
      {
        partitionKey,
        rowKey: `${auditPrefix}${invertedTimeKey(at.getTime())}|${randomUUID()}`,
        ...stamp,
        by,
        at: entry.at,
        workspaceIds: JSON.stringify(entry.workspaceIds),
        environment: entry.environment ?? '',
        module: entry.module ?? '',
      },
    ]);
    await this.table.submitTransaction(actions);
    return entry;
  }

  /** Audit entries, newest first. */
  async audit(limit = 100): Promise<CategoryAuditEntry[]> {
    await ensureTable(this.table);
    const entries: CategoryAuditEntry[] = [];
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge 'audit|' and RowKey lt 'audit}'`;
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
      entries.push({
        at: textOf(row, 'at') ?? '',
        by: textOf(row, 'by') ?? '',
        workspaceIds: JSON.parse(textOf(row, 'workspaceIds') ?? '[]') as string[],
        environment: textOf(row, 'environment') ?? null,
        module: textOf(row, 'module') ?? null,
      });
      if (entries.length >= limit) break;
    }
    return entries;
  }
}
