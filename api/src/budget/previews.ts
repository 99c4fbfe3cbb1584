import { RestError } from '@azure/data-tables';
import type { ImportChange } from '@planboard/contracts';
import { ApiError, notFound } from '../errors';
import type { BudgetStore } from './store';

/** Previews live 30 minutes: long enough to read them, short enough not to apply stale intent. */
const previewTtlMs = 30 * 60_000;
/** Table Storage strings hold 64 KiB; changes are split over properties of 30,000 characters. */
const chunkChars = 30_000;
const maxChunks = 30;

export interface StoredPreview {
  createdBy: string;
  expiresAt: string;
  changes: ImportChange[];
}

const rowKey = (previewId: string): string => `import|${previewId}`;

/**
 * Import previews are stored in the plan's partition (not in process memory), so the apply may
 * reach any API instance.
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
  const chunks = Math.ceil(json.length / chunkChars) || 1;
  if (chunks > maxChunks)
    throw new ApiError(413, 'PayloadTooLarge', 'This import changes too many cells at once. Split the file and import the parts.');
  const expiresAt = new Date(now.getTime() + previewTtlMs).toISOString();
  const entity: Record<string, unknown> & { partitionKey: string; rowKey: string } = {
    partitionKey,
    rowKey: rowKey(previewId),
    createdBy,
    expiresAt,
    chunks,
  };
  for (let index = 0; index < chunks; index += 1) entity[`c${index}`] = json.slice(index * chunkChars, (index + 1) * chunkChars);
  await store.table.createEntity(entity);
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
  let entity: Record<string, unknown>;
  try {
    entity = await store.table.getEntity(partitionKey, rowKey(previewId));
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) throw notFound('This import preview was not found. Import the file again.');
    throw error;
  }
  if (entity.createdBy !== user) throw notFound('This import preview was not found. Import the file again.');
  if (String(entity.expiresAt) < now.toISOString()) throw notFound('This import preview has expired. Import the file again.');
  let json = '';
  for (let index = 0; index < Number(entity.chunks); index += 1) json += String(entity[`c${index}`] ?? '');
  return { createdBy: String(entity.createdBy), expiresAt: String(entity.expiresAt), changes: JSON.parse(json) as ImportChange[] };
}
