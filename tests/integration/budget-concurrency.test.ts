import { randomUUID } from 'node:crypto';
import { auditEntrySchema, budgetGridSchema, budgetPatchResultSchema, type BudgetLine, type CellEdit } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { storageConnection, tokenFor } from './support/env';
import { freshPlan } from './support/plans';

/**
 * Many people, two API processes, one BU: afterwards every accepted edit is in storage, every
 * rejected one was reported as a conflict, and replaying the audit gives exactly the stored state.
 */
const editors = ['nora.lindqvist', 'erik.hansen', 'maja.berg'].map((name) => `${name}@contoso.onmicrosoft.com`);
const writers = 20;
const rounds = 3;
let hosts: ApiHost[];
let planId: string;
const tokens = new Map<string, string>();

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  planId = await freshPlan();
  hosts = await Promise.all([startApiHost(), startApiHost()]);
  for (const upn of editors) tokens.set(upn, await tokenFor(upn));
}, 90_000);
afterAll(() => Promise.all(hosts.map((host) => host.stop())));

type Field = 'budgetAmount' | 'forecastSales';
interface Sent {
  upn: string;
  edit: CellEdit;
  outcome: 'applied' | 'conflict' | 'unchanged';
}

test('20 concurrent writers through 2 hosts: no lost update, conflicts reported, audit replays to the stored state', async () => {
  const path = `/budget/${planId}/sales-north`;
  const initial = budgetGridSchema.parse(await (await hosts[0]!.call(path, { token: tokens.get(editors[0]!) })).json()).lines;
  const hot = initial.slice(0, 8); // a few lines, so writers collide on the same cells and rows
  const sent: Sent[] = [];

  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const upn = editors[writer % editors.length]!;
      for (let round = 0; round < rounds; round += 1) {
        const host = hosts[(writer + round) % hosts.length]!;
        const view = budgetGridSchema.parse(await (await host.call(path, { token: tokens.get(upn) })).json()).lines;
        const edits: CellEdit[] = [0, 1, 2].map((k) => {
          const line = hot[(writer * 3 + round * 5 + k * 7) % hot.length]!;
          const field: Field = (writer + k) % 2 === 0 ? 'budgetAmount' : 'forecastSales';
          const baseRev = view.find((candidate) => candidate.lineId === line.lineId)!.rev;
          return { lineId: line.lineId, field, value: 1_000_000 + writer * 1000 + round * 10 + k, baseRev };
        });
        const unique = [...new Map(edits.map((edit) => [`${edit.lineId}/${edit.field}`, edit])).values()];
        const response = await host.call(path, {
          token: tokens.get(upn),
          method: 'PATCH',
          json: { idempotencyKey: randomUUID(), action: 'edit', edits: unique },
        });
        expect([200, 409]).toContain(response.status);
        const result = budgetPatchResultSchema.parse(await response.json());
        for (const edit of unique) {
          const conflicted = result.conflicts.some((c) => c.lineId === edit.lineId && c.field === edit.field && c.mine === edit.value);
          sent.push({ upn, edit, outcome: conflicted ? 'conflict' : 'applied' });
        }
        expect(result.applied + result.unchanged + result.conflicts.length).toBe(unique.length);
      }
    }),
  );

  const final = budgetGridSchema.parse(await (await hosts[1]!.call(path, { token: tokens.get(editors[0]!) })).json()).lines;
  const audit = (
    (await (await hosts[0]!.call(`${path}/audit?pageSize=500`, { token: tokens.get(editors[0]!) })).json()) as { entries: unknown[] }
  ).entries.map((entry) => auditEntrySchema.parse(entry));

  // Every accepted edit is recorded in the audit, by its author, with its value.
  for (const { upn, edit } of sent.filter((item) => item.outcome === 'applied')) {
    expect(
      audit.some((entry) => entry.lineId === edit.lineId && entry.field === edit.field && entry.new === edit.value && entry.by === upn),
    ).toBe(true);
  }
  // Nothing is in the audit that nobody was told was saved.
  for (const entry of audit) {
    expect(
      sent.some(
        (item) =>
          item.outcome === 'applied' &&
          item.edit.lineId === entry.lineId &&
          item.edit.field === entry.field &&
          item.edit.value === entry.new,
      ),
    ).toBe(true);
  }
  // Replaying the audit (oldest first) from the initial values gives exactly the stored state.
  const replayed = new Map<string, BudgetLine>(initial.map((line) => [line.lineId, { ...line }]));
  for (const entry of [...audit].sort((a, b) => a.rev - b.rev)) {
    const line = replayed.get(entry.lineId!)!;
    expect(line[entry.field as Field]).toBe(entry.old);
    (line as unknown as Record<string, unknown>)[entry.field] = entry.new;
  }
  for (const line of final) {
    expect([line.budgetAmount, line.forecastSales]).toEqual([
      replayed.get(line.lineId)!.budgetAmount,
      replayed.get(line.lineId)!.forecastSales,
    ]);
  }
  const conflicts = sent.filter((item) => item.outcome === 'conflict').length;
  expect(conflicts).toBeGreaterThan(0);
  expect(sent.filter((item) => item.outcome === 'applied').length).toBeGreaterThan(0);
}, 120_000);
