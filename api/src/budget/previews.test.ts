import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { ImportChange } from '@planboard/contracts';
import { ApiError } from '../errors';
import { ensureTables } from '@planboard/server';
import { deleteExpiredPreviews, expiryPartition, loadPreview, newPreviewId, savePreview } from './previews';
import { BudgetStore } from './store';

// Runs against the Azurite started by the jest global setup (tests/support/global-setup.js).
const connection = (): string => {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set: run through the root jest config');
  return value;
};
/** What Azure counts against its 1 MiB entity limit: strings are UTF-16 (2 bytes a character). */
const entityBytes = (entity: Record<string, unknown>) =>
  Object.entries(entity).reduce((sum, [key, value]) => sum + 2 * key.length + (typeof value === 'string' ? 2 * value.length : 8), 0);

const ttl = 24 * 3_600_000;
let store: BudgetStore;
beforeAll(async () => {
  await ensureTables(connection());
  store = new BudgetStore(connection());
});

describe('import previews', () => {
  const partitionKey = `p${randomUUID().slice(0, 8)}|sales-north`;
  // A big file: 30,000 changed cells with long comments (≈ 4 MB of JSON).
  const changes: ImportChange[] = Array.from({ length: 30_000 }, (_, i) => ({
    lineId: `c${i}.region-${i % 20}.q${(i % 4) + 1}`,
    field: 'comments',
    old: '',
    new: `Ändrad kommentar ${i} ${'x'.repeat(80)}`,
    baseRev: 0,
  }));

  it('stores a large preview in rows that each fit an Azure entity, and reads it back whole', async () => {
    const previewId = randomUUID();
    await savePreview(store, partitionKey, previewId, 'erik', changes, ttl);
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${`import|${previewId}`} and RowKey lt ${`import|${previewId}~`}`;
    const rows: Record<string, unknown>[] = [];
    for await (const row of store.table.listEntities({ queryOptions: { filter } })) rows.push(row);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(entityBytes(row)).toBeLessThan(1024 * 1024);
    expect((await loadPreview(store, partitionKey, previewId, 'erik', ttl)).changes).toEqual(changes);
    await expect(loadPreview(store, partitionKey, previewId, 'maja', ttl)).rejects.toMatchObject({ status: 404 });
  });

  it('never serves a preview whose write was interrupted (header missing, or a part missing)', async () => {
    const previewId = randomUUID();
    await savePreview(store, partitionKey, previewId, 'erik', changes, ttl);
    await store.table.deleteEntity(partitionKey, `import|${previewId}|0001`);
    const error = await loadPreview(store, partitionKey, previewId, 'erik', ttl).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/incomplete/);
    await expect(loadPreview(store, partitionKey, randomUUID(), 'erik', ttl)).rejects.toMatchObject({ status: 404 });
  });

  it('answers 410 once a preview has expired, and the timer deletes it (still 410 afterwards)', async () => {
    const made = new Date('2026-01-05T10:00:00Z');
    const previewId = newPreviewId(made);
    const rowsOf = async () => {
      const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${`import|${previewId}`} and RowKey lt ${`import|${previewId}~`}`;
      const keys: string[] = [];
      for await (const row of store.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) keys.push(row.rowKey!);
      return keys;
    };
    await savePreview(store, partitionKey, previewId, 'erik', changes.slice(0, 20_000), ttl, made);
    const justBefore = new Date(made.getTime() + ttl - 1);
    const expiry = new Date(made.getTime() + ttl);
    expect((await loadPreview(store, partitionKey, previewId, 'erik', ttl, justBefore)).changes).toHaveLength(20_000);
    await expect(loadPreview(store, partitionKey, previewId, 'erik', ttl, expiry)).rejects.toMatchObject({ status: 410, code: 'Gone' });

    // Not yet due: the timer leaves it alone.
    await deleteExpiredPreviews(store, justBefore);
    expect((await rowsOf()).length).toBeGreaterThan(1);
    expect(await deleteExpiredPreviews(store, new Date(expiry.getTime() + 1))).toBeGreaterThanOrEqual(1);
    expect(await rowsOf()).toEqual([]);
    const index: string[] = [];
    const filter = odata`PartitionKey eq ${expiryPartition}`;
    for await (const row of store.table.listEntities({ queryOptions: { filter } }))
      if (row.previewId === previewId) index.push(row.rowKey!);
    expect(index).toEqual([]);
    // Deleted, but its id says it expired: still 410, not 404. An unknown id is 404.
    await expect(loadPreview(store, partitionKey, previewId, 'erik', ttl, new Date())).rejects.toMatchObject({ status: 410 });
    await expect(loadPreview(store, partitionKey, newPreviewId(), 'erik', ttl)).rejects.toMatchObject({ status: 404 });
  });
});
