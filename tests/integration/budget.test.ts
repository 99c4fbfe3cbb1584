import { randomUUID } from 'node:crypto';
import { budgetGridSchema, budgetPatchResultSchema, budgetSummarySchema, errorEnvelopeSchema, type CellEdit } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { storageConnection, tokenFor } from './support/env';
import { freshPlan } from './support/plans';

const upn = (name: string) => `${name.toLowerCase().replace(/ /g, '.')}@contoso.onmicrosoft.com`;
const people = ['Nora Lindqvist', 'Erik Hansen', 'Maja Berg', 'Morgan Lee', 'Fiona Walsh'] as const;
const line = 'coffee.finland.q1';
let api: ApiHost;
let planId: string;
let seededAt = 0;
const token: Record<string, string> = {};

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  planId = await freshPlan();
  seededAt = Date.now();
  api = await startApiHost();
  for (const person of people) token[person] = await tokenFor(upn(person));
}, 60_000);
afterAll(() => api?.stop());

const grid = async (who: string, scope = 'sales-north', query = '') =>
  api.call(`/budget/${planId}/${scope}${query}`, { token: token[who] });
const save = (who: string, edits: CellEdit[], scope = 'sales-north', key = randomUUID()) =>
  api.call(`/budget/${planId}/${scope}`, { token: token[who], method: 'PATCH', json: { idempotencyKey: key, action: 'edit', edits } });
const lineOf = async (who: string) => budgetGridSchema.parse(await (await grid(who)).json()).lines.find((l) => l.lineId === line);

describe('budget grid read', () => {
  it('returns a BU leader the 120 lines of their BU, editable', async () => {
    const response = await grid('Nora Lindqvist');
    expect(response.status).toBe(200);
    const body = budgetGridSchema.parse(await response.json());
    expect(body.lines).toHaveLength(120);
    expect(body).toMatchObject({ scopeName: 'Sales North', canEdit: true, state: { status: 'draft' }, delta: false });
    // Actuals come from the Power BI emulator's budget model, queried on-behalf-of Nora (RLS applies).
    expect(body.actuals.available).toBe(true);
    expect(Object.keys(body.actuals.values)).toHaveLength(120);
    expect(body.lines.every((l) => (body.actuals.values[l.lineId] ?? 0) > 0)).toBe(true);
  });

  it('a manager reads but cannot edit; another BU gets 404', async () => {
    expect(budgetGridSchema.parse(await (await grid('Morgan Lee')).json()).canEdit).toBe(false);
    expect((await grid('Fiona Walsh')).status).toBe(404);
  });
});

describe('all business units together', () => {
  const summaryOf = async (who: string) => {
    const response = await api.call(`/budget/${planId}/summary`, { token: token[who] });
    expect(response.status).toBe(200);
    return budgetSummarySchema.parse(await response.json());
  };

  it('shows a manager every BU they can read side by side, with totals that add up to their grids', async () => {
    const morgan = await summaryOf('Morgan Lee');
    expect(morgan.units.map((unit) => unit.scopeName)).toEqual(['Marketing', 'Sales North', 'Sales South']);
    for (const unit of morgan.units) {
      const lines = budgetGridSchema.parse(await (await grid('Morgan Lee', unit.scopeId)).json()).lines;
      expect(unit.totals.lines).toBe(lines.length);
      expect(unit.totals.budgetAmount).toBe(lines.reduce((sum, l) => sum + (l.budgetAmount ?? 0), 0));
      expect(unit.totals.forecastSales).toBe(lines.reduce((sum, l) => sum + (l.forecastSales ?? 0), 0));
      expect(unit.byQuarter.map((q) => q.quarter)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
      expect(unit.byQuarter.reduce((sum, q) => sum + q.totals.budgetAmount, 0)).toBe(unit.totals.budgetAmount);
    }
    expect(morgan.totals.budgetAmount).toBe(morgan.units.reduce((sum, unit) => sum + unit.totals.budgetAmount, 0));
    expect(morgan.totals.lines).toBe(360);
  });

  it('shows a BU leader only their own BU', async () => {
    const nora = await summaryOf('Nora Lindqvist');
    expect(nora.units.map((unit) => unit.scopeId)).toEqual(['sales-north']);
    expect(JSON.stringify(await summaryOf('Fiona Walsh'))).not.toContain('sales-north');
  });
});

describe('when Power BI is down', () => {
  it('the grid still loads, with actuals marked unavailable and why', async () => {
    const dead = await startApiHost({ POWERBI_API_URL: 'http://127.0.0.1:9/v1.0/myorg', ACTUALS_TIMEOUT_MS: '1500' });
    try {
      const response = await dead.call(`/budget/${planId}/sales-north`, { token: token['Nora Lindqvist'] });
      expect(response.status).toBe(200);
      const body = budgetGridSchema.parse(await response.json());
      expect(body.lines).toHaveLength(120);
      expect(body.actuals.available).toBe(false);
      expect(body.actuals.reason).toMatch(/Power BI/);
    } finally {
      await dead.stop();
    }
  }, 60_000);
});

describe('saving cell edits', () => {
  it('saves, merges edits to other cells of the same line, and reports a same-cell conflict with both values', async () => {
    const start = (await lineOf('Erik Hansen'))!;
    const first = await save('Erik Hansen', [{ lineId: line, field: 'budgetAmount', value: 111_000, baseRev: start.rev }]);
    expect(first.status).toBe(200);
    expect(budgetPatchResultSchema.parse(await first.json()).applied).toBe(1);

    // Maja started from the same version: her forecast edit merges …
    const merged = await save('Maja Berg', [{ lineId: line, field: 'forecastSales', value: 222_000, baseRev: start.rev }]);
    expect(merged.status).toBe(200);
    expect(await lineOf('Maja Berg')).toMatchObject({ budgetAmount: 111_000, forecastSales: 222_000 });

    // … but her budget edit of the cell Erik changed is a conflict, with both values and who/when.
    const clash = await save('Maja Berg', [{ lineId: line, field: 'budgetAmount', value: 99_000, baseRev: start.rev }]);
    expect(clash.status).toBe(409);
    const result = budgetPatchResultSchema.parse(await clash.json());
    expect(result.conflicts).toEqual([
      expect.objectContaining({ lineId: line, field: 'budgetAmount', mine: 99_000, theirs: 111_000, by: upn('Erik Hansen') }),
    ]);
    expect((await lineOf('Maja Berg'))?.budgetAmount).toBe(111_000);

    // "Keep mine" resends with the current revision.
    const keep = await save('Maja Berg', [
      { lineId: line, field: 'budgetAmount', value: 99_000, baseRev: result.conflicts[0]!.currentRev },
    ]);
    expect(keep.status).toBe(200);
    expect((await lineOf('Nora Lindqvist'))?.budgetAmount).toBe(99_000);
  });

  it('a retried save (same idempotency key) applies nothing twice', async () => {
    const before = (await lineOf('Erik Hansen'))!;
    const key = randomUUID();
    const edits: CellEdit[] = [{ lineId: line, field: 'comments', value: `retry ${key}`, baseRev: before.rev }];
    expect((await save('Erik Hansen', edits, 'sales-north', key)).status).toBe(200);
    expect((await save('Erik Hansen', edits, 'sales-north', key)).status).toBe(200);
    expect((await lineOf('Erik Hansen'))?.rev).toBe(before.rev + 1);
  });

  it('rejects bad cells with 400 naming the cell, writing nothing', async () => {
    const before = (await lineOf('Erik Hansen'))!;
    const typed = await api.call(`/budget/${planId}/sales-north`, {
      token: token['Erik Hansen'],
      method: 'PATCH',
      json: {
        idempotencyKey: randomUUID(),
        action: 'paste',
        edits: [
          { lineId: line, field: 'forecastSales', value: 5, baseRev: before.rev },
          { lineId: line, field: 'budgetAmount', value: 'abc', baseRev: before.rev },
        ],
      },
    });
    expect(typed.status).toBe(400);
    expect(errorEnvelopeSchema.parse(await typed.json()).error.details?.map((d) => d.path)).toContain('edits.1.value');
    const unknown = await save('Erik Hansen', [
      { lineId: line, field: 'forecastSales', value: 5, baseRev: before.rev },
      { lineId: 'nope.nowhere.q9', field: 'budgetAmount', value: 1, baseRev: 0 },
    ]);
    expect(unknown.status).toBe(400);
    expect(errorEnvelopeSchema.parse(await unknown.json()).error.details?.[0]?.path).toBe('edits.1.lineId');
    const negative = await save('Erik Hansen', [{ lineId: line, field: 'budgetAmount', value: -1, baseRev: before.rev }]);
    expect(negative.status).toBe(400);
    expect((await lineOf('Erik Hansen'))?.rev).toBe(before.rev);
  });

  it('refuses writes without edit rights: 403 for a reader, 404 for another BU', async () => {
    expect((await save('Morgan Lee', [{ lineId: line, field: 'budgetAmount', value: 1, baseRev: 99 }])).status).toBe(403);
    expect((await save('Fiona Walsh', [{ lineId: line, field: 'budgetAmount', value: 1, baseRev: 99 }])).status).toBe(404);
  });
});

describe('delta sync and audit', () => {
  it('returns only lines changed since a cursor, and the audit newest first', async () => {
    // The cursor looks 2 s back (commit timestamps may interleave); keep the plan's seeding out of that window.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, seededAt + 2500 - Date.now())));
    const marker = (await lineOf('Erik Hansen'))!;
    expect((await save('Erik Hansen', [{ lineId: line, field: 'comments', value: 'cursor marker', baseRev: marker.rev }])).status).toBe(
      200,
    );
    const full = budgetGridSchema.parse(await (await grid('Nora Lindqvist')).json());
    const target = full.lines.find((l) => l.lineId === 'salads.denmark.q3')!;
    expect((await save('Erik Hansen', [{ lineId: target.lineId, field: 'budgetAmount', value: 1234, baseRev: target.rev }])).status).toBe(
      200,
    );
    const delta = budgetGridSchema.parse(
      await (await grid('Nora Lindqvist', 'sales-north', `?since=${encodeURIComponent(full.cursor)}`)).json(),
    );
    expect(delta.delta).toBe(true);
    expect(delta.lines.map((l) => l.lineId)).toContain(target.lineId);
    expect(delta.lines.length).toBeLessThan(20);

    const audit = (await (
      await api.call(`/budget/${planId}/sales-north/audit?line=${target.lineId}`, { token: token['Morgan Lee'] })
    ).json()) as {
      entries: { field: string; old: number; new: number; by: string; action: string }[];
    };
    expect(audit.entries[0]).toMatchObject({ field: 'budgetAmount', new: 1234, by: upn('Erik Hansen'), action: 'edit' });
    expect((await api.call(`/budget/${planId}/sales-north/audit`, { token: token['Fiona Walsh'] })).status).toBe(404);
  });

  it('a quiet plan answers a delta poll with nothing: its last writes are not resent every poll', async () => {
    const before = (await lineOf('Erik Hansen'))!;
    expect((await save('Erik Hansen', [{ lineId: line, field: 'comments', value: 'quiet now', baseRev: before.rev }])).status).toBe(200);
    // Past the 2 s look-back, a read's cursor lies after the save: polling from it returns no lines.
    await new Promise((resolve) => setTimeout(resolve, 2300));
    const full = budgetGridSchema.parse(await (await grid('Nora Lindqvist')).json());
    const poll = async (cursor: string) =>
      budgetGridSchema.parse(await (await grid('Nora Lindqvist', 'sales-north', `?since=${encodeURIComponent(cursor)}`)).json());
    const first = await poll(full.cursor);
    expect(first.lines).toEqual([]);
    expect((await poll(first.cursor)).lines).toEqual([]);
  });
});
