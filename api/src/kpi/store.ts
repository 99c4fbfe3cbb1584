import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import {
  chunk,
  ensureTable,
  statusOf,
  tableClient,
  tableNames,
  definitionEntity,
  kpiRowKey,
  kpiRowPrefix,
  pointEntity,
  pointRowPrefix,
  pointsPartitionKey,
  toDefinition,
  toPoint,
  type DefinitionStamp,
  type KpiDefinition,
  type StoredPoint,
} from '@planboard/server';

/** A definition as read, with what a conditional write needs. */
export interface StoredDefinition {
  kpi: KpiDefinition;
  stamp: DefinitionStamp;
  etag: string;
}

/** Outcome of a conditional write: `missing` (no such KPI) or `changed` (its ETag moved). */
export type WriteOutcome = 'ok' | 'missing' | 'changed';

const upperBound = (prefix: string): string => `${prefix.slice(0, -1)}}`; // '|' + 1 = '}'

/**
 * KPI definitions and data points in Table Storage. Stateless (clients and the per-process
 * "table exists" cache only), so any number of API instances share it safely.
 */
export class KpiStore {
  readonly definitions: TableClient;
  readonly points: TableClient;

  constructor(connectionString: string) {
    this.definitions = tableClient(connectionString, tableNames.kpis);
    this.points = tableClient(connectionString, tableNames.kpiPoints);
  }

  /** A fresh storage account has no tables; creating them is cached per process. */
  private async ready(): Promise<void> {
    await Promise.all([ensureTable(this.definitions), ensureTable(this.points)]);
  }

  /** Every KPI of a department (one partition query). */
  async listDefinitions(departmentId: string): Promise<StoredDefinition[]> {
    await this.ready();
    const filter = odata`PartitionKey eq ${departmentId} and RowKey ge ${kpiRowPrefix} and RowKey lt ${upperBound(kpiRowPrefix)}`;
    const result: StoredDefinition[] = [];
    for await (const entity of this.definitions.listEntities({ queryOptions: { filter } })) {
      const parsed = toDefinition(entity);
      if (parsed) result.push({ kpi: withoutStamp(parsed), stamp: parsed.stamp, etag: String(entity.etag) });
    }
    return result;
  }

  async getDefinition(departmentId: string, kpiId: string): Promise<StoredDefinition | undefined> {
    await this.ready();
    try {
      const entity = await this.definitions.getEntity<Record<string, unknown>>(departmentId, kpiRowKey(kpiId));
      const parsed = toDefinition(entity);
      return parsed && { kpi: withoutStamp(parsed), stamp: parsed.stamp, etag: String(entity.etag) };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** Creates a definition and answers its ETag; `false` when the id is taken in that department. */
  async createDefinition(kpi: KpiDefinition, stamp: DefinitionStamp): Promise<{ etag: string } | false> {
    await this.ready();
    try {
      const created = await this.definitions.createEntity(definitionEntity(kpi, stamp));
      return { etag: String(created.etag) };
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  /** Replaces a definition, if it exists (and still has `etag`, when given); answers the new ETag. */
  async replaceDefinition(kpi: KpiDefinition, stamp: DefinitionStamp, etag = '*'): Promise<Exclude<WriteOutcome, 'ok'> | { etag: string }> {
    await this.ready();
    try {
      const replaced = await this.definitions.updateEntity(definitionEntity(kpi, stamp), 'Replace', { etag });
      return { etag: String(replaced.etag) };
    } catch (error) {
      return failedWrite(error);
    }
  }

  /** Deletes a definition (if it still has `etag`, when given); its points go with {@link deletePoints}. */
  async deleteDefinition(departmentId: string, kpiId: string, etag = '*'): Promise<WriteOutcome> {
    await this.ready();
    try {
      await this.definitions.deleteEntity(departmentId, kpiRowKey(kpiId), { etag });
      return 'ok';
    } catch (error) {
      return failedWrite(error);
    }
  }

  /** A KPI's points in period order (one partition range query). */
  async listPoints(departmentId: string, kpiId: string): Promise<StoredPoint[]> {
    await this.ready();
    const partition = pointsPartitionKey(departmentId, kpiId);
    const filter = odata`PartitionKey eq ${partition} and RowKey ge ${pointRowPrefix} and RowKey lt ${upperBound(pointRowPrefix)}`;
    const points: StoredPoint[] = [];
    for await (const entity of this.points.listEntities({ queryOptions: { filter } })) {
      const point = toPoint(entity);
      if (point) points.push(point);
    }
    return points;
  }

  /**
   * Writes points of one KPI, replacing those of the same period, in transactions of ≤100
   * operations (one partition). Each transaction is all-or-nothing; a retry after a failure is
   * safe because an upsert of the same point changes nothing more.
   */
  async upsertPoints(departmentId: string, kpiId: string, points: readonly StoredPoint[]): Promise<void> {
    await this.ready();
    for (const batch of chunk(points)) {
      await this.points.submitTransaction(
        batch.map((point): TransactionAction => ['upsert', pointEntity(departmentId, kpiId, point), 'Replace']),
      );
    }
  }

  /** Deletes every point of a KPI (≤100 per transaction); returns how many. */
  async deletePoints(departmentId: string, kpiId: string): Promise<number> {
    await this.ready();
    const partitionKey = pointsPartitionKey(departmentId, kpiId);
    const keys: string[] = [];
    const rows = this.points.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] } });
    for await (const row of rows) keys.push(String(row.rowKey));
    for (const batch of chunk(keys)) {
      try {
        await this.points.submitTransaction(batch.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]));
      } catch (error) {
        // Another delete got there first (a transaction fails as a whole): finish one by one.
        if (statusOf(error) !== 404) throw error;
        for (const rowKey of batch) await this.points.deleteEntity(partitionKey, rowKey).catch(ignoreMissing);
      }
    }
    return keys.length;
  }
}

function withoutStamp(parsed: KpiDefinition & { stamp: DefinitionStamp }): KpiDefinition {
  const { stamp: _stamp, ...kpi } = parsed;
  return kpi;
}

function ignoreMissing(error: unknown): void {
  if (statusOf(error) !== 404) throw error;
}

function failedWrite(error: unknown): Exclude<WriteOutcome, 'ok'> {
  if (statusOf(error) === 404) return 'missing';
  if (statusOf(error) === 412) return 'changed';
  throw error;
}
