import { randomUUID } from 'node:crypto';
import type { CellEdit } from '@planboard/contracts';
import type { HistoryEntry, StoredLine } from '../../server/src/budget/line-entity';
import { BudgetStore } from '../../api/src/budget/store';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { bigPlan } from './support/big-plan';
import { storageConnection, tokenFor } from './support/env';

/**
 * Kill the API process in the middle of a large save, again and again: what is stored is always a
 * prefix of whole transactions (100 lines each), every changed line carries its audit entry, and
 * retrying the same save (same idempotency key) completes it without applying anything twice.
 */
const kills = 20;
const size = 1000;
const nora = 'nora.lindqvist@contoso.onmicrosoft.com';

async function readLines(partitionKey: string): Promise<Map<string, StoredLine>> {
  return (await new BudgetStore(storageConnection()).read(partitionKey)).lines;
}

/** Every stored audit entry (inline and archived), by line, oldest first. */
async function auditByLine(partitionKey: string): Promise<Map<string, HistoryEntry[]>> {
  const byLine = new Map<string, HistoryEntry[]>();
  for (const entry of await new BudgetStore(storageConnection()).lineHistory(partitionKey))
    byLine.set(entry.l ?? '', [...(byLine.get(entry.l ?? '') ?? []), entry]);
  for (const entries of byLine.values()) entries.sort((a, b) => a.r - b.r);
  return byLine;
}

test(`a save killed ${kills} times mid-way leaves whole transactions only, and its retry completes exactly once`, async () => {
  await seedSampleTenant(storageConnection());
  const { planId, lineIds } = await bigPlan(storageConnection(), size);
  const partitionKey = `${planId}|sales-north`;
  const token = await tokenFor(nora);
  let host: ApiHost | undefined;
  const survivor = await startApiHost();
  const prefixes: number[] = [];
  // Calibrate: how long does this save take here? Kills are then spread over that time.
  const calibration = await readLines(partitionKey);
  const started = Date.now();
  const warm = await survivor.call(`/budget/${planId}/sales-north`, {
    token,
    method: 'PATCH',
    json: {
      idempotencyKey: randomUUID(),
      action: 'paste',
      edits: lineIds.map((lineId) => ({ lineId, field: 'forecastSales', value: 3000, baseRev: calibration.get(lineId)!.rev })),
    },
  });
  expect(warm.status).toBe(200);
  const saveMs = Date.now() - started;
  try {
    for (let round = 0; round < kills; round += 1) {
      const key = randomUUID();
      const before = await readLines(partitionKey);
      const edits: CellEdit[] = lineIds.map((lineId) => ({
        lineId,
        field: 'budgetAmount',
        value: 10_000 + round,
        baseRev: before.get(lineId)!.rev,
      }));
      host = await startApiHost();
      const request = host
        .call(`/budget/${planId}/sales-north`, { token, method: 'PATCH', json: { idempotencyKey: key, action: 'paste', edits } })
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, Math.round(((round % 10) / 10) * saveMs * 1.1)));
      await host.process.stop('SIGKILL');
      host = undefined;
      await request;

      const after = await readLines(partitionKey);
      const audit = await auditByLine(partitionKey);
      const applied = lineIds.filter((lineId) => after.get(lineId)!.budgetAmount === 10_000 + round);
      // Whole transactions of 100 lines, in order: a prefix of the save.
      expect(applied.length % 100 === 0 || applied.length === size).toBe(true);
      expect(applied).toEqual(lineIds.slice(0, applied.length));
      for (const lineId of applied) expect(audit.get(lineId)!.at(-1)).toMatchObject({ s: key, n: 10_000 + round, f: 'budgetAmount' });
      prefixes.push(applied.length);

      // Retrying the same save (on another process) completes it; nothing is applied twice.
      const retry = await survivor.call(`/budget/${planId}/sales-north`, {
        token,
        method: 'PATCH',
        json: { idempotencyKey: key, action: 'paste', edits },
      });
      expect(retry.status).toBe(200);
      const done = await readLines(partitionKey);
      const doneAudit = await auditByLine(partitionKey);
      for (const lineId of lineIds) {
        const line = done.get(lineId)!;
        expect(line.budgetAmount).toBe(10_000 + round);
        expect(doneAudit.get(lineId)!.filter((entry) => entry.s === key)).toHaveLength(1);
        expect(line.rev).toBe(before.get(lineId)!.rev + 1);
      }
    }
  } finally {
    await host?.stop();
    await survivor.stop();
  }
  // The kills landed at different points (otherwise the test proves little).
  expect(new Set(prefixes).size).toBeGreaterThan(1);
  console.log(`crash test: a ${size}-line save takes ${saveMs} ms; lines committed when killed: ${prefixes.join(', ')}`);
}, 300_000);
