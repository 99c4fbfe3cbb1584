/**
 * Saving 1,000 changed rows of a budget, measured against Azurite in this process:
 * - storage round trips of a save (target ≤ 11), counted by a proxy in front of Azurite;
 * - the same changes written as per-row upserts (the baseline), side by side (target ≥ 5× faster).
 */
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CellEdit } from '@planboard/contracts';
import { planPartitionKey } from '../../server/src/budget/line-entity';
import { saveEdits } from '../../api/src/budget/save';
import { BudgetStore } from '../../api/src/budget/store';
import { ensureTables, tableClient, tableNames } from '../../server/src/storage/tables';
import { azuriteConnectionString, startAzurite } from '../../emulators/stack/dist/azurite';
import { freePort } from '../../emulators/stack/dist/ports';
import { bigPlan } from '../integration/support/big-plan';

const rows = 1000;

/** A pass-through HTTP proxy that counts requests (each is one storage round trip). */
async function countingProxy(target: number): Promise<{ port: number; count: () => number; reset: () => void; close: () => void }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    const upstream = httpRequest(
      { host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: req.headers },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, count: () => requests, reset: () => (requests = 0), close: () => server.close() };
}

export async function run(): Promise<boolean> {
  const ports = { blob: await freePort(), queue: await freePort(), table: await freePort() };
  const azurite = await startAzurite({ ports });
  const proxy = await countingProxy(ports.table);
  try {
    const direct = azurite.connectionString;
    await ensureTables(direct);
    const counted = azuriteConnectionString({ ...ports, table: proxy.port });

    // Ours: read the partition, merge, write changed blocks in transactions of ≤100 (audit inside).
    const { planId: planA, lineIds } = await bigPlan(direct, rows);
    const edits: CellEdit[] = lineIds.map((lineId) => ({ lineId, field: 'budgetAmount', value: 42, baseRev: 0 }));
    proxy.reset();
    const startedA = performance.now();
    const result = await saveEdits(new BudgetStore(counted), {
      planId: planA,
      scopeId: 'sales-north',
      actor: 'bench',
      patch: { idempotencyKey: randomUUID(), action: 'paste', edits },
    });
    const batchedMs = performance.now() - startedA;
    const roundTrips = proxy.count();

    // Baseline: the same change as one upsert per row (what a naive save does), audit not even included.
    const { planId: planB } = await bigPlan(direct, rows);
    const store = new BudgetStore(direct);
    const snapshot = await store.read(planPartitionKey(planB, 'sales-north'));
    const table = tableClient(direct, tableNames.budget);
    const startedB = performance.now();
    for (const line of snapshot.lines.values())
      await table.upsertEntity(
        { partitionKey: planPartitionKey(planB, 'sales-north'), rowKey: `line|${line.lineId}`, ...line, changes: '{}', budgetAmount: 42 },
        'Replace',
      );
    const perRowMs = performance.now() - startedB;

    const ratio = perRowMs / batchedMs;
    console.log(`  saved ${result.applied} rows in ${batchedMs.toFixed(0)} ms with ${roundTrips} storage round trips (target ≤ 11)`);
    console.log(`  per-row upserts: ${perRowMs.toFixed(0)} ms → batched save is ${ratio.toFixed(1)}× faster (target ≥ 5×)`);
    return result.applied === rows && roundTrips <= 11 && ratio >= 5;
  } finally {
    proxy.close();
    await azurite.stop();
  }
}
