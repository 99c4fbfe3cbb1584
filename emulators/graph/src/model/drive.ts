import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** One file or folder, with the change sequence delta queries read. */
export interface DriveItemRecord {
  id: string;
  /** The GUID inside `eTag` / `cTag` (SharePoint's unique id). */
  uniqueId: string;
  name: string;
  /** Undefined for the root. */
  parentId?: string;
  kind: 'folder' | 'file';
  content?: Buffer;
  mimeType?: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Content/metadata version: grows on every change of the item itself. */
  version: number;
  /** Position in the drive's change log: grows on every change of the item or of anything below it. */
  sequence: number;
  deleted: boolean;
}

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An item id shaped like OneDrive for Business's (`01` + 32 base32 characters). */
export function newItemId(): string {
  return `01${[...randomBytes(32)].map((byte) => base32[byte % 32]).join('')}`;
}

/** A drive id shaped like SharePoint's (`b!` + base64url). */
export function driveIdOf(name: string): string {
  return `b!${createHash('sha256').update(name).digest('base64url').slice(0, 64)}`;
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Splits `/a/b/c.xlsx` (or `a/b/c.xlsx`) into names; refuses empty, `.` and `..` segments. */
export function pathSegments(path: string): string[] {
  const segments = path.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '.' || segment === '..')) throw new Error(`Invalid path ${path}`);
  return segments;
}

/** A document library or OneDrive in memory: items, tombstones and a change sequence. */
export class Drive {
  private readonly items = new Map<string, DriveItemRecord>();
  private sequence = 0;
  /** Delta tokens carry it; bumping it makes older tokens answer 410 resyncRequired. */
  epoch = 1;
  readonly rootId: string;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly webUrl: string,
  ) {
    this.rootId = newItemId();
    const created = now();
    this.items.set(this.rootId, {
      id: this.rootId,
      uniqueId: randomUUID(),
      name: 'root',
      kind: 'folder',
      createdDateTime: created,
      lastModifiedDateTime: created,
      version: 1,
      sequence: ++this.sequence,
      deleted: false,
    });
  }

  get latestSequence(): number {
    return this.sequence;
  }

  item(id: string): DriveItemRecord | undefined {
    const item = this.items.get(id);
    return item && !item.deleted ? item : undefined;
  }

  /** Any item, deleted ones too (delta reports tombstones). */
  record(id: string): DriveItemRecord | undefined {
    return this.items.get(id);
  }

  /** The live child of a folder with that name (names compare case-insensitively, as in OneDrive). */
  child(folderId: string, name: string): DriveItemRecord | undefined {
    return [...this.items.values()].find(
      (item) => !item.deleted && item.parentId === folderId && item.name.toLowerCase() === name.toLowerCase(),
    );
  }

  /** Live children ordered by name. */
  children(folderId: string): DriveItemRecord[] {
    return [...this.items.values()]
      .filter((item) => !item.deleted && item.parentId === folderId)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  itemByPath(path: string): DriveItemRecord | undefined {
    let current = this.item(this.rootId);
    for (const segment of pathSegments(path)) {
      if (!current || current.kind !== 'folder') return undefined;
      current = this.child(current.id, segment);
    }
    return current;
  }

  /** `/drive/root:/Folder/Sub` style path of an item's parent folder, for `parentReference.path`. */
  folderPath(folderId: string): string {
    const names: string[] = [];
    for (let item = this.record(folderId); item?.parentId; item = this.record(item.parentId)) names.unshift(item.name);
    return `/drives/${this.id}/root:${names.length ? `/${names.join('/')}` : ''}`;
  }

  /** Whether `id` is `ancestorId` or lies below it (tombstones keep their parent). */
  isWithin(id: string, ancestorId: string): boolean {
    for (let item = this.record(id); item; item = item.parentId ? this.record(item.parentId) : undefined) {
      if (item.id === ancestorId) return true;
    }
    return false;
  }

  /** Moves an item and every folder above it to the end of the change log (delta lists changed folders too). */
  private touch(item: DriveItemRecord, modified: string): void {
    item.version += 1;
    item.lastModifiedDateTime = modified;
    for (let current: DriveItemRecord | undefined = item; current; current = current.parentId ? this.record(current.parentId) : undefined) {
      current.sequence = ++this.sequence;
    }
  }

  private ensureFolder(segments: string[]): DriveItemRecord {
    let folder = this.item(this.rootId) as DriveItemRecord;
    for (const name of segments) {
      const existing = this.child(folder.id, name);
      if (existing && existing.kind !== 'folder') throw new Error(`${name} is a file, not a folder`);
      folder = existing ?? this.create(folder, name, 'folder');
    }
    return folder;
  }

  private create(parent: DriveItemRecord, name: string, kind: DriveItemRecord['kind'], modified = now()): DriveItemRecord {
    const item: DriveItemRecord = {
      id: newItemId(),
      uniqueId: randomUUID(),
      name,
      parentId: parent.id,
      kind,
      createdDateTime: modified,
      lastModifiedDateTime: modified,
      version: 0,
      sequence: 0,
      deleted: false,
    };
    this.items.set(item.id, item);
    this.touch(item, modified);
    return item;
  }

  /** Creates or replaces the file at `path` (folders on the way are created). */
  putFile(path: string, content: Buffer, mimeType: string, modified = now()): DriveItemRecord {
    const segments = pathSegments(path);
    const name = segments.pop();
    if (!name) throw new Error('A file path needs a file name');
    const folder = this.ensureFolder(segments);
    const existing = this.child(folder.id, name);
    if (existing?.kind === 'folder') throw new Error(`${path} is a folder`);
    const item = existing ?? this.create(folder, name, 'file', modified);
    item.content = content;
    item.mimeType = mimeType;
    if (existing) this.touch(item, modified);
    return item;
  }

  /** Deletes an item and everything below it (tombstones stay for delta). */
  delete(id: string): boolean {
    const item = this.item(id);
    if (!item || item.id === this.rootId) return false;
    const below = [...this.items.values()].filter((candidate) => !candidate.deleted && this.isWithin(candidate.id, id));
    const modified = now();
    for (const candidate of below) {
      candidate.deleted = true;
      this.touch(candidate, modified);
    }
    return true;
  }

  /**
   * Changes below a folder with a sequence in `(after, upTo]`, oldest first. The first
   * enumeration (`includeDeleted` false) lists only what exists now.
   */
  changes(folderId: string, after: number, upTo: number, includeDeleted: boolean): DriveItemRecord[] {
    return [...this.items.values()]
      .filter(
        (item) => item.sequence > after && item.sequence <= upTo && (includeDeleted || !item.deleted) && this.isWithin(item.id, folderId),
      )
      .sort((a, b) => a.sequence - b.sequence);
  }
}
