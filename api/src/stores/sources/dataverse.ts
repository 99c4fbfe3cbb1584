import type { TokenSource } from '@planboard/server';

/** A store as the master table holds it (Dataverse `pb_store`). */
export interface MasterStore {
  storeNumber: string;
  name: string;
  location: string;
  region: string;
  businessUnit: string;
  manager: string;
  managerEmail: string;
}

interface StoreRecord {
  pb_storenumber?: string;
  pb_name?: string;
  pb_location?: string;
  pb_region?: string;
  pb_businessunit?: string;
  pb_manager?: string;
  pb_manageremail?: string;
}

export interface DataverseOptions {
  /** `https://<env>.crm.dynamics.com/api/data/v9.2`. */
  apiUrl: string;
  tokens: TokenSource;
  /** Records per page (`Prefer: odata.maxpagesize`). */
  pageSize?: number;
  /** How many 429s in a row are waited out before the read gives up. */
  maxThrottleRetries?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** A Dataverse refusal, with its `0x…` code and message in words. */
export class DataverseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`Dataverse answered ${status}${code ? ` ${code}` : ''}: ${message}`);
  }
}

const columns = ['pb_storenumber', 'pb_name', 'pb_location', 'pb_region', 'pb_businessunit', 'pb_manager', 'pb_manageremail'];
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The Dataverse Web API's store master table (OData v4): active stores with `$select`/`$filter`,
 * paged with `Prefer: odata.maxpagesize` and `@odata.nextLink` (sent again with the same header,
 * as the docs ask), service-protection 429s waited out after `Retry-After`.
 */
export class DataverseStoreSource {
  constructor(private readonly options: DataverseOptions) {}

  get description(): string {
    return `Dataverse: store master (${new URL(this.options.apiUrl).host})`;
  }

  async activeStores(): Promise<{ stores: MasterStore[]; pages: number }> {
    const query = new URLSearchParams({ $select: columns.join(','), $filter: 'statecode eq 0', $orderby: 'pb_storenumber' });
    let next: string | undefined = `${this.options.apiUrl.replace(/\/+$/, '')}/pb_stores?${query.toString()}`;
    const stores: MasterStore[] = [];
    let pages = 0;
    while (next) {
      const page = (await this.get(next)) as { value?: StoreRecord[]; '@odata.nextLink'?: string };
      pages += 1;
      for (const record of page.value ?? []) {
        if (!/^\d{6}$/.test(record.pb_storenumber ?? '')) continue; // not a six-digit store: not addressable by the pipeline
        stores.push({
          storeNumber: record.pb_storenumber ?? '',
          name: record.pb_name ?? '',
          location: record.pb_location ?? '',
          region: record.pb_region ?? '',
          businessUnit: record.pb_businessunit ?? '',
          manager: record.pb_manager ?? '',
          managerEmail: record.pb_manageremail ?? '',
        });
      }
      next = page['@odata.nextLink'];
    }
    return { stores, pages };
  }

  private async get(url: string): Promise<unknown> {
    const fetchImpl = this.options.fetch ?? fetch;
    const maxRetries = this.options.maxThrottleRetries ?? 3;
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetchImpl(url, {
        headers: {
          Authorization: `Bearer ${await this.options.tokens.getToken()}`,
          Accept: 'application/json',
          'OData-MaxVersion': '4.0',
          'OData-Version': '4.0',
          Prefer: `odata.maxpagesize=${this.options.pageSize ?? 500}`,
        },
        signal: AbortSignal.timeout(30_000),
      });
      if (response.ok) return response.json();
      const text = await response.text();
      if (response.status === 429 && attempt < maxRetries) {
        const seconds = Number(response.headers.get('retry-after') ?? 1);
        await (this.options.sleep ?? pause)(Math.min(Number.isFinite(seconds) ? seconds : 1, 300) * 1000);
        continue;
      }
      let code = '';
      let message = text || response.statusText;
      try {
        const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
        code = body.error?.code ?? '';
        message = body.error?.message ?? message;
      } catch {
        // Not JSON (a 401 has an empty body): the status says enough.
      }
      throw new DataverseError(response.status, code, message);
    }
  }
}
