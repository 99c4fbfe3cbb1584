import { randomUUID } from 'node:crypto';
import { budgetGridSchema, errorEnvelopeSchema, type CellEdit } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { storageConnection, tokenFor } from './support/env';
import { startFaultProxy, tableEndpointPort, withTableEndpointPort, type FaultMode, type FaultProxy } from './support/fault-proxy';
import { freshPlan } from './support/plans';

/**
 * Storage drops connections and sheds load (503 ServerBusy) now and then, above all during a
 * failover: the API answers 503 DependencyUnavailable with Retry-After — never a 500 — writes
 * nothing half-way, and serves normally once storage answers again.
 */
const nora = 'nora.lindqvist@contoso.onmicrosoft.com';
const lineId = 'coffee.finland.q1';
let proxy: FaultProxy;
let api: ApiHost;
let planId: string;
let token: string;

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  planId = await freshPlan();
  proxy = await startFaultProxy(tableEndpointPort(storageConnection()));
  api = await startApiHost({ AzureWebJobsStorage: withTableEndpointPort(storageConnection(), proxy.port) });
  token = await tokenFor(nora);
});
afterAll(async () => {
  await api?.stop();
  await proxy?.close();
});

const grid = () => api.call(`/budget/${planId}/sales-north`, { token });
const lineOf = async () => budgetGridSchema.parse(await (await grid()).json()).lines.find((line) => line.lineId === lineId)!;
const save = (edits: CellEdit[], idempotencyKey: string) =>
  api.call(`/budget/${planId}/sales-north`, { token, method: 'PATCH', json: { idempotencyKey, action: 'edit', edits } });

async function expectUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = errorEnvelopeSchema.parse(await response.json());
  expect(body.error.code).toBe('DependencyUnavailable');
  expect(body.error.message).toMatch(/try again/i);
}

it.each<FaultMode>(['drop', 'busy'])('storage faults (%s) answer 503 with Retry-After, write nothing, then heal', async (mode) => {
  const before = await lineOf();
  const key = randomUUID();
  const edits: CellEdit[] = [{ lineId, field: 'budgetAmount', value: (before.budgetAmount ?? 0) + 1, baseRev: before.rev }];

  const faultedBefore = proxy.faulted;
  proxy.mode = mode;
  await expectUnavailable(await grid());
  await expectUnavailable(await save(edits, key));
  expect(proxy.faulted).toBeGreaterThan(faultedBefore);

  proxy.mode = 'pass';
  const untouched = await lineOf();
  expect(untouched).toMatchObject({ budgetAmount: before.budgetAmount, rev: before.rev });
  // The client's retry of the same save (same idempotency key) applies it, once.
  expect((await save(edits, key)).status).toBe(200);
  expect((await save(edits, key)).status).toBe(200);
  expect(await lineOf()).toMatchObject({ budgetAmount: (before.budgetAmount ?? 0) + 1, rev: before.rev + 1 });
});
