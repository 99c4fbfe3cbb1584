import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import { ensureTable, statusOf, tableClient, tolerate } from '@planboard/server';
import { pipelineTableNames } from './run-store';

/** How long a run may hold the pipeline before another may take it over (a crashed host's lease runs out). */
export const leaseMs = 15 * 60_000;

/** A file the pipeline has loaded: which version, from which run. */
export interface LoadedFile {
  itemId: string;
  name: string;
  cTag: string;
  rows: number;
  runId: string;
  loadedAt: string;
}

export interface SourceStatus {
  kind: 'onedrive' | 'dataverse';
  name: string;
  lastReadAt: string;
  items: number;
  lastError: string;
}

const lost = (error: unknown) => [409, 412].includes(statusOf(error) ?? 0);
const key = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);

/**
 * What the pipeline remembers between runs, shared by every host through Table Storage: a lease
 * (one run reads the delta at a time; the winner is decided by ETags, not by a process lock),
 * the Graph delta link, the version of each file loaded, one claim per file version (so a file
 * is loaded once even if two runs see it), and each source's last read.
 */
export class PipelineState {
  readonly table: TableClient;

  constructor(connectionString: string) {
    this.table = tableClient(connectionString, pipelineTableNames.state);
  }

  /** Takes the lease for `runId` unless another run holds it unexpired; answers the holder when refused. */
  async acquireLease(runId: string, nowMs: number): Promise<{ won: true } | { won: false; holder: string }> {
    await ensureTable(this.table);
    const entity = { partitionKey: 'lease', rowKey: 'pipeline', holder: runId, expiresAt: nowMs + leaseMs };
    const current = await tolerate(() => this.table.getEntity<{ holder: string; expiresAt: number }>('lease', 'pipeline'), 404);
    try {
      if (!current) await this.table.createEntity(entity);
      else if (current.holder === runId || Number(current.expiresAt) < nowMs)
        await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
      else return { won: false, holder: current.holder };
      return { won: true };
    } catch (error) {
      if (!lost(error)) throw error;
      const holder = await tolerate(() => this.table.getEntity<{ holder: string }>('lease', 'pipeline'), 404);
      return { won: false, holder: holder?.holder ?? 'another run' };
    }
  }

  /** Lets the next run in (only if we still hold it). */
  async releaseLease(runId: string): Promise<void> {
    const current = await tolerate(() => this.table.getEntity<{ holder: string }>('lease', 'pipeline'), 404);
    if (current?.holder === runId) await tolerate(() => this.table.deleteEntity('lease', 'pipeline', { etag: current.etag }), 404, 412);
  }

  async deltaLink(): Promise<string | undefined> {
    await ensureTable(this.table);
    const row = await tolerate(() => this.table.getEntity<{ link: string }>('cursor', 'graph'), 404);
    return row?.link || undefined;
  }

  async saveDeltaLink(link: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'cursor', rowKey: 'graph', link }, 'Replace');
  }

  async loadedFile(itemId: string): Promise<LoadedFile | undefined> {
    await ensureTable(this.table);
    const row = await tolerate(() => this.table.getEntity<LoadedFile>('file', key(itemId)), 404);
    return row
      ? { itemId: row.itemId, name: row.name, cTag: row.cTag, rows: Number(row.rows), runId: row.runId, loadedAt: row.loadedAt }
      : undefined;
  }

  async recordFile(file: LoadedFile): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'file', rowKey: key(file.itemId), ...file }, 'Replace');
  }

  async forgetFile(itemId: string): Promise<void> {
    await tolerate(() => this.table.deleteEntity('file', key(itemId)), 404);
  }

  async loadedFiles(): Promise<LoadedFile[]> {
    await ensureTable(this.table);
    const files: LoadedFile[] = [];
    for await (const row of this.table.listEntities<LoadedFile>({ queryOptions: { filter: odata`PartitionKey eq 'file'` } }))
      files.push({ itemId: row.itemId, name: row.name, cTag: row.cTag, rows: Number(row.rows), runId: row.runId, loadedAt: row.loadedAt });
    return files;
  }

  /**
   * Claims one version of a file (`cTag`, or `deleted`) for a run: inserting the claim row is
   * atomic, so of two runs that see the same version only one gets it. A claim left unfinished by
   * a crashed run can be taken over after the lease time.
   */
  async claim(itemId: string, version: string, runId: string, nowMs: number): Promise<boolean> {
    await ensureTable(this.table);
    const rowKey = key(`${itemId}|${version}`);
    const entity = { partitionKey: 'claim', rowKey, runId, claimedAt: nowMs, done: false };
    try {
      await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (!lost(error)) throw error;
    }
    const current = await tolerate(() => this.table.getEntity<{ runId: string; claimedAt: number; done: boolean }>('claim', rowKey), 404);
    if (!current || current.done || (current.runId !== runId && Number(current.claimedAt) + leaseMs > nowMs)) return false;
    try {
      await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
      return true;
    } catch (error) {
      if (lost(error)) return false;
      throw error;
    }
  }

  async finishClaim(itemId: string, version: string): Promise<void> {
    await this.table.updateEntity({ partitionKey: 'claim', rowKey: key(`${itemId}|${version}`), done: true }, 'Merge');
  }

  /** A failed file's claim is dropped so the next run tries that version again. */
  async dropClaim(itemId: string, version: string): Promise<void> {
    await tolerate(() => this.table.deleteEntity('claim', key(`${itemId}|${version}`)), 404);
  }

  async recordSource(status: SourceStatus): Promise<void> {
    await ensureTable(this.table);
    await this.table.upsertEntity({ partitionKey: 'source', rowKey: status.kind, ...status }, 'Replace');
  }

  async sources(): Promise<SourceStatus[]> {
    await ensureTable(this.table);
    const rows: SourceStatus[] = [];
    for await (const row of this.table.listEntities<SourceStatus>({ queryOptions: { filter: odata`PartitionKey eq 'source'` } }))
      rows.push({ kind: row.kind, name: row.name, lastReadAt: row.lastReadAt, items: Number(row.items), lastError: row.lastError ?? '' });
    return rows;
  }
}
