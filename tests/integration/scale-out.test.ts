import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { apiHealthSchema, budgetGridSchema } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startFunctionApp } from '../../emulators/stack/src/hosts';
import { freePort } from '../../emulators/stack/src/ports';
import type { ManagedProcess } from '../../emulators/stack/src/processes';
import { apiSettings, storageConnection, tokenFor } from './support/env';
import { freshPlan } from './support/plans';

describe('two API host processes against one Azurite', () => {
  const hosts: ManagedProcess[] = [];
  const bases: string[] = [];
  let planId: string;
  let token: string;

  beforeAll(async () => {
    await seedSampleTenant(storageConnection());
    planId = await freshPlan();
    token = await tokenFor('nora.lindqvist@contoso.onmicrosoft.com');
    const ports = [await freePort(), await freePort()];
    bases.push(...ports.map((port) => `http://127.0.0.1:${port}/api`));
    hosts.push(...(await Promise.all(ports.map((port) => startFunctionApp({ app: 'api', port, settings: apiSettings() })))));
  }, 90_000);
  afterAll(() => Promise.all(hosts.map((host) => host.stop())));

  const instanceOf = async (base: string) => apiHealthSchema.parse(await (await fetch(`${base}/health`)).json()).instanceId;

  it('are two processes, and each one served its storage probe into the one account', async () => {
    const ids = await Promise.all(bases.map(instanceOf));
    expect(new Set(ids).size).toBe(2);
    const results = await Promise.all(bases.map((base) => fetch(`${base}/health/storage`)));
    expect(results.map((response) => response.status)).toEqual([200, 200]);
    const health = TableClient.fromConnectionString(storageConnection(), 'health', { allowInsecureConnection: true });
    const probes = new Set<string>();
    for await (const entity of health.listEntities({ queryOptions: { filter: "PartitionKey eq 'probe'" } }))
      probes.add(String(entity.rowKey));
    // Each host probes under its own instance id: both rows are there, written by these two hosts.
    for (const id of ids) expect(probes.has(id)).toBe(true);
  });

  it('a save through one host is what the other reads, and a stale save through the other conflicts', async () => {
    const [first, second] = bases as [string, string];
    const read = async (base: string) => {
      const response = await fetch(`${base}/budget/${planId}/sales-north`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      return budgetGridSchema.parse(await response.json()).lines.find((line) => line.lineId === 'coffee.finland.q1')!;
    };
    const save = (base: string, value: number, baseRev: number) =>
      fetch(`${base}/budget/${planId}/sales-north`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          idempotencyKey: randomUUID(),
          action: 'edit',
          edits: [{ lineId: 'coffee.finland.q1', field: 'budgetAmount', value, baseRev }],
        }),
      });
    const before = await read(second);
    expect((await save(first, (before.budgetAmount ?? 0) + 7, before.rev)).status).toBe(200);
    expect(await read(second)).toMatchObject({ budgetAmount: (before.budgetAmount ?? 0) + 7, rev: before.rev + 1 });
    expect((await save(second, (before.budgetAmount ?? 0) + 9, before.rev)).status).toBe(409);
    expect(await read(first)).toMatchObject({ budgetAmount: (before.budgetAmount ?? 0) + 7 });
  });
});
