import { randomUUID } from 'node:crypto';
import type { BudgetLine } from '@planboard/contracts';
import { insertMissing } from '@planboard/server';
import { ensureTables } from '@planboard/server';
import { newPlanBlocks } from '@planboard/server';
import { SaveGroups } from './group-commit';
import { PlanSnapshots } from './snapshots';
import { BudgetStore } from './store';

// Runs against the Azurite started by the jest global setup (tests/support/global-setup.js).
const connection = (): string => {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set: run through the root jest config');
  return value;
};

const lineId = (i: number) => `c${String(i).padStart(5, '0')}.r.q1`;
const line = (i: number): BudgetLine => ({
  lineId: lineId(i),
  category: `C${i}`,
  region: 'R',
  quarter: 'Q1',
  budgetAmount: i,
  forecastSales: 0,
  comments: '',
  rev: 0,
  changes: {},
});

async function newPlan(store: BudgetStore, lines: number): Promise<{ planId: string; partitionKey: string }> {
  const planId = `g${randomUUID().slice(0, 8)}`;
  const partitionKey = `${planId}|sales-north`;
  await insertMissing(
    store.table,
    newPlanBlocks(
      partitionKey,
      Array.from({ length: lines }, (_, i) => line(i)),
    ),
  );
  return { planId, partitionKey };
}

const save = (
  planId: string,
  edits: { line: number; value: number; baseRev?: number }[],
  idempotencyKey = randomUUID(),
  actor = 'erik',
) => ({
  planId,
  scopeId: 'sales-north',
  actor,
  patch: {
    idempotencyKey,
    action: 'edit' as const,
    edits: edits.map((e) => ({ lineId: lineId(e.line), field: 'budgetAmount' as const, value: e.value, baseRev: e.baseRev ?? 0 })),
  },
});

/** A store whose block writes are counted. */
function countedWrites(store: BudgetStore): { writes: () => number } {
  let writes = 0;
  const original = store.writeBlocks.bind(store);
  store.writeBlocks = async (...args) => {
    writes += 1;
    return original(...args);
  };
  return { writes: () => writes };
}

jest.setTimeout(60_000);

describe('group commit of saves', () => {
  beforeAll(() => ensureTables(connection()));

  it('commits 40 concurrent saves of one plan in a few writes, each applied and audited under its own key', async () => {
    const store = new BudgetStore(connection());
    const { planId, partitionKey } = await newPlan(store, 200);
    const { writes } = countedWrites(store);
    const groups = new SaveGroups(store, new PlanSnapshots(store));
    const saves = Array.from({ length: 40 }, (_, i) => save(planId, [{ line: i * 5, value: 10_000 + i }], randomUUID(), `user${i}`));
    const results = await Promise.all(saves.map((request) => groups.save(request)));
    expect(results.every((result) => result.applied === 1 && result.conflicts.length === 0)).toBe(true);
    // The first save goes alone; the 39 that arrived meanwhile go in groups of at most 32.
    expect(writes()).toBeLessThanOrEqual(3);
    const stored = (await store.read(partitionKey)).lines;
    for (let i = 0; i < 40; i += 1) expect(stored.get(lineId(i * 5))?.budgetAmount).toBe(10_000 + i);
    const audit = await store.lineHistory(partitionKey);
    expect(audit.map((entry) => entry.s).sort()).toEqual(saves.map((request) => request.patch.idempotencyKey).sort());
    expect(new Set(audit.map((entry) => entry.by)).size).toBe(40);
  });

  it('gives saves of one cell in one group the results they would have had one by one', async () => {
    const store = new BudgetStore(connection());
    const { planId, partitionKey } = await newPlan(store, 20);
    const groups = new SaveGroups(store);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => groups.save(save(planId, [{ line: 3, value: 500 + i }]))));
    expect(results.filter((result) => result.applied === 1)).toHaveLength(1);
    expect(results.filter((result) => result.conflicts.length === 1)).toHaveLength(11);
    const winner = results.findIndex((result) => result.applied === 1);
    expect((await store.read(partitionKey)).lines.get(lineId(3))).toMatchObject({ budgetAmount: 500 + winner, rev: 1 });
    expect(await store.lineHistory(partitionKey)).toHaveLength(1);
  });

  it('in one group: an exact replay applies once, a reused key with another body is refused, a bad save fails alone', async () => {
    const store = new BudgetStore(connection());
    const { planId, partitionKey } = await newPlan(store, 20);
    const groups = new SaveGroups(store);
    const key = randomUUID();
    const other = randomUUID();
    const blocker = groups.save(save(planId, [{ line: 0, value: 1 }]));
    const [original, replay, reused, unknown, fine] = await Promise.allSettled([
      groups.save(save(planId, [{ line: 5, value: 55 }], key)),
      groups.save(save(planId, [{ line: 5, value: 55 }], key)),
      groups.save(save(planId, [{ line: 6, value: 66 }], key)),
      groups.save({
        ...save(planId, [{ line: 7, value: 1 }], other),
        patch: { ...save(planId, [], other).patch, edits: [{ lineId: 'nope.r.q1', field: 'budgetAmount', value: 1, baseRev: 0 }] },
      }),
      groups.save(save(planId, [{ line: 8, value: 88 }])),
    ]);
    await blocker;
    expect(original).toMatchObject({ status: 'fulfilled', value: { applied: 1 } });
    expect(replay).toMatchObject({ status: 'fulfilled', value: { applied: 1, conflicts: [] } });
    expect(reused).toMatchObject({ status: 'rejected', reason: { status: 422, code: 'IdempotencyKeyReused' } });
    expect(unknown).toMatchObject({ status: 'rejected', reason: { status: 400, code: 'ValidationFailed' } });
    expect(fine).toMatchObject({ status: 'fulfilled', value: { applied: 1 } });
    const lines = (await store.read(partitionKey)).lines;
    expect([lines.get(lineId(5))?.budgetAmount, lines.get(lineId(6))?.budgetAmount, lines.get(lineId(8))?.budgetAmount]).toEqual([
      55, 6, 88,
    ]);
    expect((await store.lineHistory(partitionKey)).filter((entry) => entry.s === key)).toHaveLength(1);
  });
});
