import { randomUUID } from 'node:crypto';
import { odata, type TransactionAction } from '@azure/data-tables';
import { storeSalesRowSchema, type StoreSalesRow } from '@planboard/contracts';
import { chunk, tolerate } from '@planboard/server';
import type { PipelineState } from './state';

/** Rows per stored chunk: ~100 bytes of JSON each keeps a chunk under Table Storage's 32K-character string. */
const rowsPerChunk = 250;

export interface StoredUpload {
  uploadId: string;
  fileName: string;
  uploadedBy: string;
  expiresAt: string;
  rows: StoreSalesRow[];
}

const partition = (uploadId: string) => `upload|${uploadId}`;

/**
 * Upload previews: the validated rows of an uploaded file, kept (in the pipeline's state table,
 * one partition per upload) until an admin loads them or they expire. Loading reads these rows;
 * the file is not parsed twice, and nothing touches `storesales` before "Load".
 */
export class UploadStore {
  constructor(private readonly state: PipelineState) {}

  static newId(): string {
    return randomUUID();
  }

  async save(upload: StoredUpload): Promise<void> {
    const table = this.state.table;
    const { rows, ...meta } = upload;
    const entities = [
      { partitionKey: partition(upload.uploadId), rowKey: 'meta', ...meta, chunks: Math.ceil(rows.length / rowsPerChunk) },
      ...chunk(rows, rowsPerChunk).map((part, index) => ({
        partitionKey: partition(upload.uploadId),
        rowKey: `chunk|${String(index).padStart(5, '0')}`,
        rows: JSON.stringify(part.map((row) => [row.storeNumber, row.date, row.dayPart, row.netSales, row.transactions, row.labourHours])),
      })),
    ];
    // The meta row is written last: a preview is loadable only once all its rows are stored.
    const [metaEntity, ...chunks] = entities;
    for (const batch of chunk(chunks))
      await table.submitTransaction(batch.map((entity): TransactionAction => ['upsert', entity, 'Replace']));
    if (metaEntity) await table.upsertEntity(metaEntity, 'Replace');
  }

  /** The upload, if it exists and has not expired. */
  async get(uploadId: string, now: Date): Promise<StoredUpload | undefined> {
    const table = this.state.table;
    const meta = await tolerate(
      () => table.getEntity<{ fileName: string; uploadedBy: string; expiresAt: string }>(partition(uploadId), 'meta'),
      404,
    );
    if (!meta || Date.parse(meta.expiresAt) < now.getTime()) return undefined;
    const rows: StoreSalesRow[] = [];
    const filter = odata`PartitionKey eq ${partition(uploadId)} and RowKey gt 'chunk|' and RowKey lt 'chunk|~'`;
    for await (const entity of table.listEntities<{ rows: string }>({ queryOptions: { filter } }))
      for (const [storeNumber, date, dayPart, netSales, transactions, labourHours] of JSON.parse(entity.rows) as unknown[][])
        rows.push(storeSalesRowSchema.parse({ storeNumber, date, dayPart, netSales, transactions, labourHours }));
    return { uploadId, fileName: meta.fileName, uploadedBy: meta.uploadedBy, expiresAt: meta.expiresAt, rows };
  }

  /** Marks the upload used: a second "Load" of the same preview is refused instead of starting another run. */
  async consume(uploadId: string): Promise<boolean> {
    const meta = await tolerate(() => this.state.table.getEntity(partition(uploadId), 'meta'), 404);
    if (!meta || meta.loadedBy) return false;
    try {
      await this.state.table.updateEntity({ partitionKey: partition(uploadId), rowKey: 'meta', loadedBy: 'run' }, 'Merge', {
        etag: meta.etag,
      });
      return true;
    } catch {
      return false;
    }
  }
}
