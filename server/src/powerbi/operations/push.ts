import { datasetPath, groupPath, seg } from '../normalize';
import type { Dataset, ODataList } from '../types';
import type { CreatePushDatasetRequest, PushRow, RetentionPolicy, Table } from '../types-push';
import type { CallOptions, Send } from './send';

/** The service's documented maximum of rows per `POST …/rows`. */
export const maxRowsPerPost = 10_000;

/** Splits `rows` into consecutive batches of at most `size` rows (order kept; no empty batch). */
export function chunkRows<T>(rows: readonly T[], size = maxRowsPerPost): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Batch size must be a positive integer, got ${size}`);
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}

/** Push datasets: create, read and replace table schemas, add and clear rows. */
export class PushDatasetsApi {
  constructor(private readonly send: Send) {}

  /** `POST /groups/{groupId}/datasets?defaultRetentionPolicy=…` (201/202): creates a push dataset. */
  async create(
    groupId: string,
    request: CreatePushDatasetRequest,
    options: { retentionPolicy?: RetentionPolicy } & CallOptions = {},
  ): Promise<Dataset> {
    const { body } = await this.send<Dataset>({
      method: 'POST',
      path: `${groupPath(groupId)}/datasets`,
      query: { defaultRetentionPolicy: options.retentionPolicy },
      body: { defaultMode: 'Push', ...request },
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    });
    return body;
  }

  /** `GET …/tables`. */
  async tables(groupId: string, datasetId: string, options: CallOptions = {}): Promise<Table[]> {
    const { body } = await this.send<ODataList<Table>>({ method: 'GET', path: `${datasetPath(groupId, datasetId)}/tables`, ...options });
    return body.value;
  }

  /** `PUT …/tables/{tableName}`: replaces a table's schema (columns, measures). */
  async putTable(groupId: string, datasetId: string, table: Table, options: CallOptions = {}): Promise<Table> {
    const { body } = await this.send<Table>({
      method: 'PUT',
      path: `${datasetPath(groupId, datasetId)}/tables/${seg(table.name)}`,
      body: table,
      ...options,
    });
    return body ?? table;
  }

  /**
   * `POST …/tables/{tableName}/rows`, split into batches of ≤10,000 rows sent one after another:
   * the service allows only 5 pending row posts per dataset, and sequential batches keep the
   * table's order. A failure stops at that batch; `rowsSent` in the error's message says how far
   * it got, since row posts are not retried after a fault (that could duplicate rows).
   * @returns the number of batches sent
   */
  async addRows(
    groupId: string,
    datasetId: string,
    tableName: string,
    rows: readonly PushRow[],
    options: { batchSize?: number } & CallOptions = {},
  ): Promise<number> {
    const batches = chunkRows(rows, Math.min(options.batchSize ?? maxRowsPerPost, maxRowsPerPost));
    let sent = 0;
    for (const batch of batches) {
      try {
        await this.send({
          method: 'POST',
          path: `${datasetPath(groupId, datasetId)}/tables/${seg(tableName)}/rows`,
          body: { rows: batch },
          signal: options.signal,
          timeoutMs: options.timeoutMs,
        });
      } catch (error) {
        if (error instanceof Error) error.message += ` (rowsSent: ${sent} of ${rows.length})`;
        throw error;
      }
      sent += batch.length;
    }
    return batches.length;
  }

  /** `DELETE …/tables/{tableName}/rows`: removes every row of the table. */
  async deleteRows(groupId: string, datasetId: string, tableName: string, options: CallOptions = {}): Promise<void> {
    await this.send({ method: 'DELETE', path: `${datasetPath(groupId, datasetId)}/tables/${seg(tableName)}/rows`, ...options });
  }
}
