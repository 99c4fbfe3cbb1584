import { randomBytes } from 'node:crypto';
import { odata, RestError, type TableTransaction } from '@azure/data-tables';
import type { ImportChange } from '@planboard/contracts';
import { ApiError, notFound } from '../errors';
import { packedText, packText } from '@planboard/server';
import type { BudgetStore } from './store';

/**
 * An entity holds at most 1 MiB and strings count two bytes a character: a preview's JSON is
 * split over part rows of 420,000 characters (14 properties of 30,000 each).
 */
const partChars = 420_000;
/** A 60,000-row file changing every cell needs ~48 parts. */
const maxParts = 64;
/** Parts are written a few at a time (each is up to ~1 MB on the wire). */
const partConcurrency = 4;
/**
 * Every preview has a row here (`<expiresAt>|<plan partition>|<previewId>`), so the expiry timer
 * finds expired previews with one range query instead of scanning every plan partition. Plan
 * partitions are `<planId>|<scopeId>` and plan ids never start with `~`.
 */
export const expiryPartition = '~import-expiry';
/** Storage transactions hold at most 100 operations, all in one partition. */
const batchSize = 100;

export interface StoredPreview {
  createdBy: string;
  expiresAt: string;
  changes: ImportChange[];
}

const headerKey = (previewId: string): string => `import|${previewId}`;
const partKey = (previewId: string, part: number): string => `import|${previewId}|${String(part).padStart(4, '0')}`;

/**
 * A new preview id: a UUIDv7 (RFC 9562), whose first 48 bits are its creation time in ms. A
 * preview the timer has already deleted is then still known to have expired (410, not 404),
 * without keeping anything of it.
 */
export function newPreviewId(now = new Date()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now.getTime(), 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** When a UUIDv7 preview id was made; undefined for other ids. */
function createdAt(previewId: string): number | undefined {
  const hex = previewId.replace(/-/g, '');
  return hex[12] === '7' ? parseInt(hex.slice(0, 12), 16) : undefined;
}

const expired = (): ApiError => new ApiError(410, 'Gone', 'This import preview has expired. Import the file again.');
const missing = (): ApiError => notFound('This import preview was not found. Import the file again.');

/**
 * Import previews are stored in the plan's partition (not in process memory), so the apply may
 * reach any API instance. The expiry row is written first (the timer then finds whatever part of a
 * preview was written), the parts next and the header last: a preview whose write was interrupted
 * has no header and cannot be applied half-read.
 */
export async function savePreview(
  store: BudgetStore,
  partitionKey: string,
  previewId: string,
  createdBy: string,
  changes: ImportChange[],
  ttlMs: number,
  now = new Date(),
): Promise<string> {
  const json = JSON.stringify(changes);
  const parts = Math.max(1, Math.ceil(json.length / partChars));
  if (parts > maxParts)
    throw new ApiError(413, 'PayloadTooLarge', 'This import changes too many cells at once. Split the file and import the parts.');
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await store.table.createEntity({
    partitionKey: expiryPartition,
    rowKey: `${expiresAt}|${partitionKey}|${previewId}`,
    planPartition: partitionKey,
    previewId,
    parts,
  });
  const pending = Array.from({ length: parts }, (_, part) => part);
  const writeNext = async (): Promise<void> => {
    for (let part = pending.shift(); part !== undefined; part = pending.shift()) {
      const text = json.slice(part * partChars, (part + 1) * partChars);
      await store.table.createEntity({ partitionKey, rowKey: partKey(previewId, part), ...packText('c', text) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(partConcurrency, parts) }, writeNext));
  await store.table.createEntity({ partitionKey, rowKey: headerKey(previewId), createdBy, expiresAt, parts });
  return expiresAt;
}

/**
 * The preview, if it exists, belongs to `user` and has not expired. An expired preview, or a
 * deleted one whose id says it would have expired, is 410 Gone; anything else missing is 404.
 */
export async function loadPreview(
  store: BudgetStore,
  partitionKey: string,
  previewId: string,
  user: string,
  ttlMs: number,
  now = new Date(),
): Promise<StoredPreview> {
  let header: Record<string, unknown>;
  try {
    header = await store.table.getEntity(partitionKey, headerKey(previewId));
  } catch (error) {
    if (!(error instanceof RestError && error.statusCode === 404)) throw error;
    const created = createdAt(previewId);
    throw created !== undefined && created + ttlMs <= now.getTime() ? expired() : missing();
  }
  if (header.createdBy !== user) throw missing();
  if (String(header.expiresAt) <= now.toISOString()) throw expired();
  const first = partKey(previewId, 0);
  const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${first} and RowKey lt ${`${headerKey(previewId)}|~`}`;
  const texts: string[] = [];
  for await (const row of store.table.listEntities({ queryOptions: { filter } })) texts.push(packedText(row, 'c'));
  if (texts.length !== Number(header.parts)) throw notFound('This import preview is incomplete. Import the file again.');
  return {
    createdBy: String(header.createdBy),
    expiresAt: String(header.expiresAt),
    changes: JSON.parse(texts.join('')) as ImportChange[],
  };
}

/** Deletes rows of one partition in transactions of up to 100; rows already gone are fine. */
async function deleteRows(store: BudgetStore, partitionKey: string, rowKeys: readonly string[]): Promise<void> {
  for (let start = 0; start < rowKeys.length; start += batchSize) {
    const actions: TableTransaction['actions'] = rowKeys
      .slice(start, start + batchSize)
      .map((rowKey) => ['delete', { partitionKey, rowKey }] as const);
    try {
      await store.table.submitTransaction(actions);
    } catch (error) {
      if (!(error instanceof RestError && error.statusCode === 404)) throw error;
      // One row of the batch was already gone (a concurrent run): delete one by one, ignoring 404s.
      for (const [, entity] of actions)
        await store.table.deleteEntity(entity.partitionKey, entity.rowKey).catch((failure: unknown) => {
          if (!(failure instanceof RestError && failure.statusCode === 404)) throw failure;
        });
    }
  }
}

/**
 * Deletes previews that expired before `now`, oldest first, at most `limit` per call (the timer
 * calls again next time). Their plan rows go before their expiry row, so an interrupted run is
 * finished by the next. Returns how many previews were deleted.
 */
export async function deleteExpiredPreviews(store: BudgetStore, now = new Date(), limit = 1000): Promise<number> {
  const filter = odata`PartitionKey eq ${expiryPartition} and RowKey lt ${now.toISOString()}`;
  const due: { rowKey: string; planPartition: string; previewId: string; parts: number }[] = [];
  for await (const row of store.table.listEntities({ queryOptions: { filter } })) {
    due.push({ rowKey: row.rowKey!, planPartition: String(row.planPartition), previewId: String(row.previewId), parts: Number(row.parts) });
    if (due.length >= limit) break;
  }
  for (const preview of due) {
    const rows = [headerKey(preview.previewId), ...Array.from({ length: preview.parts }, (_, part) => partKey(preview.previewId, part))];
    await deleteRows(store, preview.planPartition, rows);
  }
  await deleteRows(
    store,
    expiryPartition,
    due.map((preview) => preview.rowKey),
  );
  return due.length;
}
