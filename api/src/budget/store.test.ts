import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { ensureTables, blockRowKey, compactAt, newPlanBlocks, packJson } from '@planboard/server';
import { planEvent } from './plan-state';
import { saveEdits } from './save';
import { BudgetStore, planHeaderRowKey } from './store';

// Runs against the Azurite started by the jest global setup (tests/support/global-setup.js).
const connection = (): string => {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set: run through the root jest config');
  return value;
};

describe('budget store', () => {
  it('archives a block audit that grew past its inline budget without losing or doubling an entry', async () => {
    await ensureTables(connection());
    const store = new BudgetStore(connection());
    const planId = `s${randomUUID().slice(0, 8)}`;
    const partitionKey = `${planId}|sales-north`;
    const lineId = 'laptops.europe.q1';
    const base = {
      category: 'Laptops',
      region: 'Europe',
      quarter: 'Q1',
      budgetAmount: 1,
      forecastSales: 2,
      comments: '',
      rev: 0,
      changes: {},
    };
    for (const entity of newPlanBlocks(partitionKey, [{ lineId, ...base }])) await store.table.createEntity(entity);

    // Long comments fill the inline audit quickly (each entry holds old and new text).
    const saves = Math.ceil(compactAt.chars / 3000) + 5;
    for (let index = 0; index < saves; index += 1) {
      const line = (await store.read(partitionKey)).lines.get(lineId);
      const result = await saveEdits(store, {
        planId,
        scopeId: 'sales-north',
        actor: 'erik',
        patch: {
          idempotencyKey: randomUUID(),
          action: 'edit',
          edits: [{ lineId, field: 'comments', value: `${index} ${'x'.repeat(1500)}`, baseRev: line?.rev ?? 0 }],
        },
      });
      expect(result.applied).toBe(1);
    }

    const archives = store.table.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey ge 'audit|' and RowKey lt 'audit}'` },
    });
    let archiveRows = 0;
    for await (const row of archives) if (row.rowKey) archiveRows += 1;
    expect(archiveRows).toBeGreaterThanOrEqual(1);
    const history = await store.lineHistory(partitionKey);
    expect(history.map((entry) => entry.r).sort((a, b) => a - b)).toEqual(Array.from({ length: saves }, (_, i) => i + 1));
    const snapshot = await store.read(partitionKey);
    expect(snapshot.lines.get(lineId)?.rev).toBe(saves);
    expect([...snapshot.blocks.values()][0]?.auditChars).toBeLessThanOrEqual(compactAt.chars + 4000);
  });

  it('keeps 200 plan events with long reasons in properties Table Storage accepts', async () => {
    const store = new BudgetStore(connection());
    const partitionKey = `h${randomUUID().slice(0, 8)}|sales-north`;
    const history = Array.from({ length: 200 }, (_, i) =>
      planEvent('unlock', 'alex', `2026-11-21T10:00:${String(i % 60).padStart(2, '0')}Z`, 'live', `draft: ${'reason '.repeat(60)}${i}`),
    );
    await store.writeHeader(partitionKey, { status: 'draft' }, undefined, history);
    const header = await store.table.getEntity<Record<string, unknown>>(partitionKey, planHeaderRowKey);
    for (const value of Object.values(header)) if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(32_000);
    expect((await store.readHeader(partitionKey)).history).toEqual(history);
  });

  it('cuts a save into transactions of at most 4 MiB on the wire, counting UTF-8 bytes', async () => {
    await ensureTables(connection());
    const store = new BudgetStore(connection());
    const partitionKey = `w${randomUUID().slice(0, 8)}|sales-north`;
    // 50 blocks of 25 lines whose comments are 1,000 '€' (3 bytes each in UTF-8): ≈ 3.75 MB in all,
    // under 100 operations, so only the byte count can split it.
    const line = (i: number) => ({
      lineId: `c${String(i).padStart(5, '0')}.r.q`,
      category: 'C',
      region: 'R',
      quarter: 'Q1',
      budgetAmount: 1,
      forecastSales: 2,
      comments: '',
      rev: 0,
      changes: {},
    });
    for (let b = 0; b < 50; b += 1) {
      const lines = Array.from({ length: 25 }, (_, i) => line(b * 25 + i));
      await store.table.createEntity({ partitionKey, rowKey: blockRowKey(b), rev: 0, saves: '[]', ...packJson('d', lines) });
    }
    const blocks = [...(await store.read(partitionKey)).blocks.values()].map((block) => ({
      block,
      lines: block.lines.map((item) => ({ ...item, comments: '€'.repeat(1000) })),
      entries: [],
    }));
    expect(blocks).toHaveLength(50);
    expect(await store.writeBlocks(partitionKey, blocks, 'big-save')).toBeGreaterThanOrEqual(2);
    expect([...(await store.read(partitionKey)).lines.values()].every((item) => item.comments.length === 1000)).toBe(true);
  });
});
