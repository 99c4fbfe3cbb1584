import { Client, GraphError, ResponseType } from '@microsoft/microsoft-graph-client';
import type { TokenSource } from '@planboard/server';

/** A workbook of the folder as delta reports it. */
export interface DriveFile {
  id: string;
  name: string;
  /** Changes when the content changes (eTag also changes on renames and metadata). */
  cTag: string;
  size: number;
  lastModifiedDateTime: string;
}

export interface DeltaRound {
  /** Files of the folder created or changed since the previous round (all of them on the first). */
  changed: DriveFile[];
  /** Ids (and names) of items deleted since; they may or may not have been files of the folder. */
  deleted: { id: string; name: string }[];
  /** Where the next round starts. */
  deltaLink: string;
  /** True when the saved link had expired (410 resyncRequired) and the round started from scratch. */
  resynced: boolean;
  /** Graph requests made (pages). */
  pages: number;
}

interface DeltaItem {
  id: string;
  name?: string;
  cTag?: string;
  size?: number;
  lastModifiedDateTime?: string;
  file?: unknown;
  deleted?: unknown;
  parentReference?: { path?: string };
}
interface DeltaPage {
  value: DeltaItem[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface GraphDriveOptions {
  /** `https://graph.microsoft.com/v1.0`, or the emulator's HTTPS listener. */
  apiUrl: string;
  driveId: string;
  /** Folder path from the drive's root, without leading or trailing slashes. */
  folder: string;
  tokens: TokenSource;
}

/** Graph's error in words for run reports (`itemNotFound: …`). */
export function graphErrorText(error: unknown): string {
  if (error instanceof GraphError) return `Microsoft Graph answered ${error.statusCode} ${error.code ?? ''}: ${error.message}`.trim();
  return error instanceof Error ? error.message : String(error);
}

const onlyWorkbooks = /\.(xlsx|csv)$/i;

/**
 * The OneDrive / SharePoint folder of weekly workbooks, read through the Graph SDK. Changes come
 * from `root/delta` (OneDrive for Business serves delta on the root only) narrowed to the folder;
 * the SDK's middleware adds the app-only token, retries 429/503 after `Retry-After` and follows the
 * content endpoint's 302 to the pre-authenticated download URL.
 */
export class GraphDriveSource {
  private readonly client: Client;
  private readonly folderPath: string;

  constructor(private readonly options: GraphDriveOptions) {
    const url = new URL(options.apiUrl);
    this.client = Client.initWithMiddleware({
      authProvider: { getAccessToken: () => options.tokens.getToken() },
      baseUrl: url.origin,
      defaultVersion: url.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0',
      // The SDK only sends the token to Graph's own hosts unless told about others (the emulator).
      customHosts: url.hostname === 'graph.microsoft.com' ? undefined : new Set([url.hostname]),
    });
    this.folderPath = `/drives/${options.driveId}/root:/${options.folder}`;
  }

  get description(): string {
    return `OneDrive: ${this.options.folder}`;
  }

  /** One delta round from `deltaLink` (or from the beginning), following every `@odata.nextLink`. */
  async delta(deltaLink: string | undefined): Promise<DeltaRound> {
    try {
      return await this.round(deltaLink, false);
    } catch (error) {
      // An expired token: Graph asks for a full resync, which the file table makes harmless (unchanged cTags are skipped).
      if (deltaLink && error instanceof GraphError && error.statusCode === 410) return this.round(undefined, true);
      throw error;
    }
  }

  private async round(deltaLink: string | undefined, resynced: boolean): Promise<DeltaRound> {
    const changed = new Map<string, DriveFile>();
    const deleted = new Map<string, { id: string; name: string }>();
    let next: string | undefined = deltaLink ?? `/drives/${this.options.driveId}/root/delta`;
    let pages = 0;
    for (;;) {
      const page = (await this.client.api(next).get()) as DeltaPage;
      pages += 1;
      for (const item of page.value ?? []) {
        // An item can appear more than once in a round: the last state wins.
        if (item.deleted) {
          changed.delete(item.id);
          deleted.set(item.id, { id: item.id, name: item.name ?? item.id });
        } else if (item.file && item.name && onlyWorkbooks.test(item.name) && this.inFolder(item)) {
          deleted.delete(item.id);
          changed.set(item.id, {
            id: item.id,
            name: item.name,
            cTag: item.cTag ?? '',
            size: item.size ?? 0,
            lastModifiedDateTime: item.lastModifiedDateTime ?? '',
          });
        }
      }
      if (page['@odata.nextLink']) next = page['@odata.nextLink'];
      else if (page['@odata.deltaLink'])
        return { changed: [...changed.values()], deleted: [...deleted.values()], deltaLink: page['@odata.deltaLink'], resynced, pages };
      else throw new Error('Microsoft Graph ended a delta round without @odata.deltaLink');
    }
  }

  private inFolder(item: DeltaItem): boolean {
    const path = item.parentReference?.path;
    if (!path) return false;
    const decoded = decodeURIComponent(path);
    // Graph names the drive as `/drive/root:` or `/drives/{id}/root:`.
    return decoded === this.folderPath || decoded === `/drive/root:/${this.options.folder}`;
  }

  /** The file's bytes (`/content` answers 302; the SDK follows it), refusing files over `maxBytes`. */
  async download(file: DriveFile, maxBytes: number): Promise<Buffer> {
    if (file.size > maxBytes) throw new Error(`${file.name} is ${file.size} bytes; at most ${maxBytes} are read`);
    const bytes = (await this.client
      .api(`/drives/${this.options.driveId}/items/${file.id}/content`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    if (bytes.byteLength > maxBytes) throw new Error(`${file.name} is larger than ${maxBytes} bytes`);
    return Buffer.from(bytes);
  }
}
