import { odata, type TableClient } from '@azure/data-tables';
import type { StoredRefresh } from '@planboard/contracts';
import { ensureTable, findOutliers, keyPart, tolerate, type StoredSchedule } from '@planboard/server';
import { invertedTimeKey, operationsTable, operationsTableNames } from '../tables';
import { addToRollup, dayOf, emptyRollup, type Rollup } from './rollup';
import { startDelayMs } from './start-delay';

/** One model's rollup of one day, as read for a view. */
export interface RollupRow extends Rollup {
  datasetId: string;
  day: string;
}

/** A failed or outlier refresh in the index. */
export interface IndexedRefresh {
  datasetId: string;
  requestId: string;
  refreshType: string;
  startTime: string;
  durationMs: number | null;
  errorCode: string | null;
  errorDescription: string | null;
  medianMs: number | null;
  thresholdMs: number | null;
}

export type IndexKind = 'f' | 'o';

const jsonFields = ['ids', 'counts', 'hours', 'durations', 'delays', 'codes', 'top'] as const;

/** A rollup row as stored (exported for the benchmark, which seeds a year of rollups directly). */
export function rollupEntity(datasetId: string, day: string, rollup: Rollup) {
  const entity: Record<string, unknown> & { partitionKey: string; rowKey: string } = {
    partitionKey: `d|${day}`,
    rowKey: keyPart(datasetId),
    datasetId,
    day,
    durationTotalMs: rollup.durationTotalMs,
  };
  // Table properties are scalars: the maps are JSON text (a day's rollup stays far below 32K characters).
  for (const field of jsonFields) entity[field] = JSON.stringify(rollup[field]);
  return entity;
}

function fromEntity(row: Record<string, unknown>): RollupRow & { etag: string } {
  const parse = <K extends (typeof jsonFields)[number]>(field: K): Rollup[K] =>
    typeof row[field] === 'string' ? (JSON.parse(row[field] as string) as Rollup[K]) : emptyRollup()[field];
  return {
    etag: String(row.etag ?? ''),
    datasetId: String(row.datasetId ?? ''),
    day: String(row.day ?? ''),
    durationTotalMs: typeof row.durationTotalMs === 'number' ? row.durationTotalMs : 0,
    ids: parse('ids'),
    counts: parse('counts'),
    hours: parse('hours'),
    durations: parse('durations'),
    delays: parse('delays'),
    codes: parse('codes'),
    top: parse('top'),
  };
}

const text = (row: Record<string, unknown>, key: string): string | null =>
  typeof row[key] === 'string' && row[key] !== '' ? (row[key] as string) : null;
const number = (row: Record<string, unknown>, key: string): number | null => (typeof row[key] === 'number' ? (row[key] as number) : null);

/**
 * Rollups and the failure/outlier index, kept as history is stored. Every write is idempotent: a
 * rollup row remembers which refreshes it counted and is replaced only through its ETag (a second
 * host re-reads and merges again), and index rows are keyed by the refresh itself.
 */
export class RollupStore {
  private readonly rollups: TableClient;
  private readonly index: TableClient;

  constructor(connectionString: string) {
    this.rollups = operationsTable(connectionString, operationsTableNames.rollups);
    this.index = operationsTable(connectionString, operationsTableNames.refreshIndex);
  }

  /**
   * Counts final refreshes of a model into their days' rollups, and indexes its failures and
   * outliers. `completedBefore` is the model's stored completed history (any order) the outlier
   * rule compares with.
   */
  async record(
    datasetId: string,
    refreshes: readonly StoredRefresh[],
    options: { schedule?: StoredSchedule; completedBefore?: readonly StoredRefresh[] } = {},
  ): Promise<void> {
    const final = refreshes.filter((refresh) => refresh.status !== 'Unknown');
    if (final.length === 0) return;
    await Promise.all([ensureTable(this.rollups), ensureTable(this.index)]);
    const byDay = new Map<string, StoredRefresh[]>();
    for (const refresh of final) byDay.set(dayOf(refresh.startTime), [...(byDay.get(dayOf(refresh.startTime)) ?? []), refresh]);
    for (const [day, group] of byDay) await this.mergeDay(datasetId, day, group, options.schedule);
    const failed = final.filter((refresh) => refresh.status === 'Failed');
    const batch = new Set(final.map((refresh) => refresh.requestId));
    const known = new Map([...(options.completedBefore ?? []), ...final].map((refresh) => [refresh.requestId, refresh]));
    const outliers = findOutliers([...known.values()]).filter((verdict) => batch.has(verdict.refresh.requestId));
    for (const refresh of failed) await this.putIndex('f', datasetId, refresh);
    for (const verdict of outliers) await this.putIndex('o', datasetId, verdict.refresh, verdict.baseline);
  }

  private async mergeDay(datasetId: string, day: string, group: StoredRefresh[], schedule: StoredSchedule | undefined): Promise<void> {
    const inputs = group.map((refresh) => {
      const delayMs = startDelayMs(refresh, schedule);
      return delayMs === undefined ? { refresh } : { refresh, delayMs };
    });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const row = await tolerate(() => this.rollups.getEntity(`d|${day}`, keyPart(datasetId)), 404);
      const existing = row ? fromEntity(row) : undefined;
      const { rollup, added } = addToRollup(existing ?? emptyRollup(), inputs);
      if (added.length === 0) return;
      const entity = rollupEntity(datasetId, day, rollup);
      const written = existing
        ? await tolerate(async () => (await this.rollups.updateEntity(entity, 'Replace', { etag: existing.etag }), true), 412)
        : await tolerate(async () => (await this.rollups.createEntity(entity), true), 409);
      if (written) return;
    }
    throw new Error(`The rollup of ${datasetId} on ${day} kept changing under concurrent writes`);
  }

  private async putIndex(kind: IndexKind, datasetId: string, refresh: StoredRefresh, baseline?: { medianMs: number; thresholdMs: number }) {
    await this.index.upsertEntity(
      {
        partitionKey: kind,
        rowKey: `${invertedTimeKey(Date.parse(refresh.startTime))}|${keyPart(datasetId)}|${keyPart(refresh.requestId)}`,
        datasetId,
        requestId: refresh.requestId,
        refreshType: refresh.refreshType,
        startTime: refresh.startTime,
        ...(refresh.durationMs === null ? {} : { durationMs: refresh.durationMs }),
        errorCode: refresh.errorCode ?? '',
        errorDescription: (refresh.errorDescription ?? '').slice(0, 8000),
        ...(baseline ? { medianMs: baseline.medianMs, thresholdMs: baseline.thresholdMs } : {}),
      },
      'Replace',
    );
  }

  /** Rollup rows of the days [fromDay, toDay] (inclusive), for the given models or all. */
  async days(fromDay: string, toDay: string, datasetIds?: ReadonlySet<string>): Promise<{ rows: RollupRow[]; read: number }> {
    await ensureTable(this.rollups);
    const filter = odata`PartitionKey ge ${`d|${fromDay}`} and PartitionKey le ${`d|${toDay}`}`;
    const rows: RollupRow[] = [];
    let read = 0;
    for await (const row of this.rollups.listEntities({ queryOptions: { filter } })) {
      read += 1;
      const parsed = fromEntity(row);
      if (!datasetIds || datasetIds.has(parsed.datasetId)) rows.push(parsed);
    }
    return { rows, read };
  }

  /** Indexed failures or outliers that started at or after `from`, newest first, at most `top` of the given models. */
  async indexed(kind: IndexKind, from: string | undefined, top: number, datasetIds?: ReadonlySet<string>) {
    await ensureTable(this.index);
    let filter = odata`PartitionKey eq ${kind}`;
    if (from) filter += ` and ${odata`RowKey lt ${invertedTimeKey(Date.parse(from) - 1)}`}`;
    const rows: IndexedRefresh[] = [];
    let read = 0;
    for await (const row of this.index.listEntities({ queryOptions: { filter } })) {
      read += 1;
      const datasetId = String(row.datasetId ?? '');
      if (datasetIds && !datasetIds.has(datasetId)) continue;
      rows.push({
        datasetId,
        requestId: String(row.requestId ?? ''),
        refreshType: String(row.refreshType ?? 'Unknown'),
        startTime: String(row.startTime ?? ''),
        durationMs: number(row, 'durationMs'),
        errorCode: text(row, 'errorCode'),
        errorDescription: text(row, 'errorDescription'),
        medianMs: number(row, 'medianMs'),
        thresholdMs: number(row, 'thresholdMs'),
      });
      if (rows.length >= top) break;
    }
    return { rows, read };
  }
}
