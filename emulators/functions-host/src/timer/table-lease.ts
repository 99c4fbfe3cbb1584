import { TableClient } from '@azure/data-tables';

/** Table that holds singleton locks and timer schedule status (one row per lock, per host id). */
export const HOST_TABLE = 'AzureWebJobsHosts';

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | undefined)?.statusCode;
}

/** The host table on a storage account, plus a memoised "create it if missing" step (retried after failures). */
export interface HostTable {
  client: TableClient;
  ensure(): Promise<void>;
}

/** Connects to the host table without touching the network yet. */
export function hostTable(connectionString: string): HostTable {
  const insecure = /DefaultEndpointsProtocol=http;|=http:\/\//i.test(connectionString);
  const client = TableClient.fromConnectionString(connectionString, HOST_TABLE, { allowInsecureConnection: insecure });
  let created: Promise<void> | undefined;
  const ensure = (): Promise<void> => {
    created ??= client.createTable().catch((error: unknown) => {
      if (statusOf(error) === 409) return;
      created = undefined;
      throw error;
    });
    return created;
  };
  return { client, ensure };
}

interface LeaseEntity {
  partitionKey: string;
  rowKey: string;
  owner: string;
  expiresAt: string;
}

/**
 * A singleton lease in Table Storage, standing in for the blob lease Azure takes on
 * `azure-webjobs-hosts/locks/<hostId>/<lockId>` (@azure/storage-blob is not available here).
 * The row names its owner and an expiry; every change is conditional on the ETag (If-Match), so
 * of two hosts racing for a free or expired lease exactly one wins. The holder renews well before
 * expiry; a crashed holder's lease is taken over once it expires.
 */
export class TableLease {
  #etag?: string;

  private readonly client: TableClient;

  constructor(
    private readonly table: HostTable,
    readonly partitionKey: string,
    readonly rowKey: string,
    readonly owner: string,
    readonly durationMs: number,
  ) {
    this.client = table.client;
  }

  /** True while this instance believes it holds the lease. */
  get held(): boolean {
    return this.#etag !== undefined;
  }

  private entity(): LeaseEntity {
    return {
      partitionKey: this.partitionKey,
      rowKey: this.rowKey,
      owner: this.owner,
      expiresAt: new Date(Date.now() + this.durationMs).toISOString(),
    };
  }

  /** Takes the lease if it is free, expired or already ours. */
  async tryAcquire(): Promise<boolean> {
    await this.table.ensure();
    let existing: (LeaseEntity & { etag: string }) | undefined;
    try {
      existing = await this.client.getEntity<LeaseEntity>(this.partitionKey, this.rowKey);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    try {
      if (!existing) {
        this.#etag = (await this.client.createEntity(this.entity())).etag;
        return true;
      }
      if (existing.owner !== this.owner && Date.parse(existing.expiresAt) > Date.now()) return false;
      this.#etag = (await this.client.updateEntity(this.entity(), 'Replace', { etag: existing.etag })).etag;
      return true;
    } catch (error) {
      // 409: another host created the row first; 412: another host changed it since we read it.
      if (statusOf(error) === 409 || statusOf(error) === 412) return false;
      throw error;
    }
  }

  /** Extends a held lease; false means it was lost (taken over after expiry) and must not be used. */
  async renew(): Promise<boolean> {
    if (!this.#etag) return false;
    try {
      this.#etag = (await this.client.updateEntity(this.entity(), 'Replace', { etag: this.#etag })).etag;
      return true;
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 412) {
        this.#etag = undefined;
        return false;
      }
      throw error;
    }
  }

  /** Gives the lease up so another host can take it immediately (graceful shutdown). */
  async release(): Promise<void> {
    const etag = this.#etag;
    this.#etag = undefined;
    if (!etag) return;
    try {
      await this.client.deleteEntity(this.partitionKey, this.rowKey, { etag });
    } catch {
      // Already taken over or gone: nothing to give back.
    }
  }
}
