import { odata, RestError } from '@azure/data-tables';
import type { ImportChange } from '@planboard/contracts';
import { ApiError, notFound } from '../errors';
import { packedText, packText } from './blocks';
import type { BudgetStore } from './store';

/** Previews live 30 minutes: long enough to read them, short enough not to apply stale intent. */
const previewTtlMs = 30 * 60_000;
/**
 * An entity holds at most 1 MiB and strings count two bytes a character: a preview's JSON is
 * split over part rows of 420,000 characters (14 properties of 30,000 each).
 */
const partChars = 420_000;
/** A 60,000-row file changing every cell needs ~48 parts. */
const maxParts = 64;
/** Parts are written a few at a time (each is up to ~1 MB on the wire). */
const partConcurrency = 4;

export interface StoredPreview {
  createdBy: string;
  expiresAt: string;
  changes: ImportChange[];
}

const headerKey = (previewId: string): string => `import|${previewId}`;
const partKey = (previewId: string, part: number): string => `import|${previewId}|${String(part).padStart(4, '0')}`;

/**
 * Import previews are stored in the plan's partition (not in process memory), so the apply may
 * reach any API instance. The parts are written first and the header last: a preview whose write
 * was interrupted has no header and cannot be applied half-read.
 */
export async function savePreview(
  store: BudgetStore,
  partitionKey: string,
  previewId: string,
  createdBy: string,
  changes: ImportChange[],
  now = new Date(),
): Promise<string> {
  const json = JSON.stringify(changes);
  const parts = Math.max(1, Math.ceil(json.length / partChars));
  if (parts > maxParts)
    throw new ApiError(413, 'PayloadTooLarge', 'This import changes too many cells at once. Split the file and import the parts.');
  const pending = Array.from({ length: parts }, (_, part) => part);
  const writeNext = async (): Promise<void> => {
    for (let part = pending.shift(); part !== undefined; part = pending.shift()) {
      const text = json.slice(part * partChars, (part + 1) * partChars);
      await store.table.createEntity({ partitionKey, rowKey: partKey(previewId, part), ...packText('c', text) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(partConcurrency, parts) }, writeNext));
  const expiresAt = new Date(now.getTime() + previewTtlMs).toISOString();
  await store.table.createEntity({ partitionKey, rowKey: headerKey(previewId), createdBy, expiresAt, parts });
  return expiresAt;
}

/** The preview, if it exists, belongs to `user` and has not expired; 404 otherwise. */
export async function loadPreview(
  store: BudgetStore,
  partitionKey: string,
  previewId: string,
  user: string,
  now = new Date(),
): Promise<StoredPreview> {
  let header: Record<string, unknown>;
  try {
    header = await store.table.getEntity(partitionKey, headerKey(previewId));
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) throw notFound('This import preview was not found. Import the file again.');
    throw error;
  }
  if (header.createdBy !== user) throw notFound('This import preview was not found. Import the file again.');
  if (String(header.expiresAt) < now.toISOString()) throw notFound('This import preview has expired. Import the file again.');
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
