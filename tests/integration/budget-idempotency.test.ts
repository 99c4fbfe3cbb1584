import { randomUUID } from 'node:crypto';
import { budgetGridSchema, budgetPatchResultSchema, errorEnvelopeSchema } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { storageConnection, tokenFor } from './support/env';
import { freshPlan } from './support/plans';

/** A save's idempotency key: a retry replays the first result; the same key with other edits is a 422 and writes nothing. */
let api: ApiHost;
let planId: string;
let erik: string;

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  planId = await freshPlan();
  api = await startApiHost();
  erik = await tokenFor('erik.hansen@contoso.onmicrosoft.com');
}, 60_000);
afterAll(() => api?.stop());

const grid = async () => budgetGridSchema.parse(await (await api.call(`/budget/${planId}/sales-north`, { token: erik })).json());
const save = (idempotencyKey: string, lineId: string, value: number, baseRev: number) =>
  api.call(`/budget/${planId}/sales-north`, {
    token: erik,
    method: 'PATCH',
    json: { idempotencyKey, action: 'edit', edits: [{ lineId, field: 'budgetAmount', value, baseRev }] },
  });

describe('idempotency keys of budget saves', () => {
  it('replays an exact retry with the first result, and refuses the key with another body (422, nothing written)', async () => {
    const [first, second] = (await grid()).lines;
    const key = randomUUID();
    const saved = await save(key, first!.lineId, 111_111, first!.rev);
    expect(saved.status).toBe(200);
    const result = budgetPatchResultSchema.parse(await saved.json());

    const replay = await save(key, first!.lineId, 111_111, first!.rev);
    expect(replay.status).toBe(200);
    expect(budgetPatchResultSchema.parse(await replay.json()).lines).toEqual(result.lines);

    const reused = await save(key, second!.lineId, 222_222, second!.rev);
    expect(reused.status).toBe(422);
    expect(errorEnvelopeSchema.parse(await reused.json()).error.code).toBe('IdempotencyKeyReused');
    const after = await grid();
    expect(after.lines.find((line) => line.lineId === second!.lineId)).toMatchObject({
      budgetAmount: second!.budgetAmount,
      rev: second!.rev,
    });
    expect(after.lines.find((line) => line.lineId === first!.lineId)?.budgetAmount).toBe(111_111);
  }, 60_000);
});

describe('opening a plan again', () => {
  it('answers 304 to If-None-Match while the plan is unchanged, gzip when accepted, a new ETag after a save', async () => {
    const first = await api.call(`/budget/${planId}/sales-north`, { token: erik, headers: { 'accept-encoding': 'gzip' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('vary')).toMatch(/Accept-Encoding/);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const firstText = await first.text();
    const body = budgetGridSchema.parse(JSON.parse(firstText));

    const again = await api.call(`/budget/${planId}/sales-north`, { token: erik, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const line = body.lines[2]!;
    expect((await save(randomUUID(), line.lineId, 333_333, line.rev)).status).toBe(200);
    const changed = await api.call(`/budget/${planId}/sales-north`, { token: erik, headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(budgetGridSchema.parse(await changed.json()).lines.find((l) => l.lineId === line.lineId)?.budgetAmount).toBe(333_333);
  }, 60_000);
});
