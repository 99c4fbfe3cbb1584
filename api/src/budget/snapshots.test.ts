import { randomUUID } from 'node:crypto';
import type { BudgetLine } from '@planboard/contracts';
import { insertMissing, ensureTables, newPlanBlocks } from '@planboard/server';
import { saveEdits } from './save';
import { PlanSnapshots } from './snapshots';
import { BudgetStore } from './store';

// Runs against the Azurite started by the jest global setup (tests/support/global-setup.js).
const connection = (): string => {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set: run through the root jest config');
  return value;
};

const line = (i: number): BudgetLine => ({
  lineId: `c${String(i).padStart(5, '0')}.r.q1`,
  category: `C${i}`,
  region: 'R',
  quarter: 'Q1',
  budgetAmount: i,
  forecastSales: 0,
  comments: '',
  rev: 0,
  changes: {},
});

/** A store whose reads are counted: whole-plan reads and delta reads apart, with the blocks each returned. */
function countingStore(store: BudgetStore) {
  const reads = { full: 0, delta: 0, deltaBlocks: [] as number[] };
  const counted = {
    read: async (partitionKey: string, sinceIso?: string) => {
      const snapshot = await store.read(partitionKey, sinceIso);
      if (sinceIso) {
        reads.delta += 1;
        reads.deltaBlocks.push(snapshot.blocks.size);
      } else reads.full += 1;
      return snapshot;
    },
  };
  return { counted, reads };
}

async function newPlan(store: BudgetStore, lines: number): Promise<{ planId: string; partitionKey: string }> {
  const planId = `n${randomUUID().slice(0, 8)}`;
  const partitionKey = `${planId}|sales-north`;
  const entities = newPlanBlocks(
    partitionKey,
    Array.from({ length: lines }, (_, i) => line(i)),
  );
  await insertMissing(store.table, entities);
  return { planId, partitionKey };
}

const edit = (planId: string, lineId: string, value: number, baseRev = 0) => ({
  planId,
  scopeId: 'sales-north',
  actor: 'erik',
  patch: { idempotencyKey: randomUUID(), action: 'edit' as const, edits: [{ lineId, field: 'budgetAmount' as const, value, baseRev }] },
});

jest.setTimeout(60_000);

describe('plan snapshots for saves', () => {
  beforeAll(() => ensureTables(connection()));

  it('reads a plan whole once, then only the blocks any host wrote since', async () => {
    const store = new BudgetStore(connection());
    const { planId, partitionKey } = await newPlan(store, 6000);
    const { counted, reads } = countingStore(store);
    // No overlap window here: the plan was created a moment ago, inside any window.
    const hostA = new PlanSnapshots(counted, { overlapMs: 0 });
    const hostB = new PlanSnapshots(new BudgetStore(connection()));

    expect((await hostA.current(partitionKey)).lines.size).toBe(6000);
    // Another host saves two cells in different blocks.
    await saveEdits(store, edit(planId, line(7).lineId, 70), hostB);
    await saveEdits(store, edit(planId, line(5000).lineId, 50_000), hostB);

    const after = await hostA.current(partitionKey);
    expect(after.lines.get(line(7).lineId)?.budgetAmount).toBe(70);
    expect(after.lines.get(line(5000).lineId)?.budgetAmount).toBe(50_000);
    expect(after.lines.size).toBe(6000);
    expect(reads.full).toBe(1);
    expect(reads.delta).toBe(1);
    // The 2 changed blocks of 2,000, plus at most the last creation transaction (it carries the newest timestamp seen).
    expect(reads.deltaBlocks[0]).toBeGreaterThanOrEqual(2);
    expect(reads.deltaBlocks[0]).toBeLessThanOrEqual(102);
  });

  it('lets 40 concurrent saves of one plan share reads, losing no edit', async () => {
    const store = new BudgetStore(connection());
    const { planId, partitionKey } = await newPlan(store, 4000);
    const { counted, reads } = countingStore(store);
    const snapshots = new PlanSnapshots(counted);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => saveEdits(store, edit(planId, line(i * 100).lineId, 1_000_000 + i), snapshots)),
    );
    expect(results.every((result) => result.applied === 1 && result.conflicts.length === 0)).toBe(true);
    const stored = await store.read(partitionKey);
    for (let i = 0; i < 40; i += 1) expect(stored.lines.get(line(i * 100).lineId)?.budgetAmount).toBe(1_000_000 + i);
    // Without shared snapshots every attempt of every save read the whole plan (≥ 40 full reads).
    expect(reads.full).toBeLessThanOrEqual(2);
  });

  it('answers a burst of saves of one cell with one winner and conflicts, each attempt a delta read', async () => {
    const store = new BudgetStore(connection());
    const { planId, partitionKey } = await newPlan(store, 2000);
    const { counted, reads } = countingStore(store);
    const snapshots = new PlanSnapshots(counted);
    await snapshots.current(partitionKey);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => saveEdits(store, edit(planId, line(3).lineId, 100 + i), snapshots)),
    );
    expect(results.filter((result) => result.applied === 1)).toHaveLength(1);
    expect(results.filter((result) => result.conflicts.length === 1)).toHaveLength(29);
    expect(reads.full).toBe(1);
  });

  it('keeps only the most recently used plans', async () => {
    const store = new BudgetStore(connection());
    const first = await newPlan(store, 10);
    const second = await newPlan(store, 10);
    const { counted, reads } = countingStore(store);
    const snapshots = new PlanSnapshots(counted, { maxPlans: 1 });
    await snapshots.current(first.partitionKey);
    await snapshots.current(second.partitionKey);
    await snapshots.current(first.partitionKey);
    expect(reads).toMatchObject({ full: 3, delta: 0 });
    await snapshots.current(first.partitionKey);
    expect(reads).toMatchObject({ full: 3, delta: 1 });
  });
});
