import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { ensureTables } from '../storage/tables';
import { compactAt, newPlanBlocks } from './blocks';
import { saveEdits } from './save';
import { BudgetStore } from './store';

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
});
