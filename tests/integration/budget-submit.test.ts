import { randomUUID } from 'node:crypto';
import { budgetGridSchema, errorEnvelopeSchema, planStatusListSchema, type PlanState } from '@planboard/contracts';
import { localPowerBi } from '../../server/src/local-defaults';
import { messageFor } from '../../bot/src/delivery/render';
import { cardTexts } from './bot/playground-client';
import { takeNotifications } from './support/notifications';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { powerBiPort, storageConnection, tokenFor } from './support/env';
import { freshPlan } from './support/plans';

const upn = (name: string) => `${name.toLowerCase().replace(/ /g, '.')}@contoso.onmicrosoft.com`;
const people = ['Nora Lindqvist', 'Erik Hansen', 'Morgan Lee', 'Alex Morgan'] as const;
let api: ApiHost;
let planId: string;
const token: Record<string, string> = {};
const control = (path: string, body: unknown) =>
  fetch(`http://127.0.0.1:${powerBiPort()}/_emulator/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  planId = await freshPlan();
  api = await startApiHost();
  for (const person of people) token[person] = await tokenFor(upn(person));
}, 60_000);
afterAll(() => api?.stop());

const stateOf = async (who: string): Promise<PlanState> =>
  budgetGridSchema.parse(await (await api.call(`/budget/${planId}/sales-north`, { token: token[who] })).json()).state;

async function until(who: string, wanted: PlanState['status']): Promise<PlanState> {
  for (let i = 0; i < 60; i += 1) {
    const state = await stateOf(who);
    if (state.status === wanted) return state;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`plan never became ${wanted}; last ${(await stateOf(who)).status}`);
}

describe('submit, refresh, unlock', () => {
  it('a contributor cannot submit; the leader can; the plan becomes read-only and the model refresh goes live', async () => {
    const grid = budgetGridSchema.parse(await (await api.call(`/budget/${planId}/sales-north`, { token: token['Erik Hansen'] })).json());
    const target = grid.lines[0]!;
    const edited = await api.call(`/budget/${planId}/sales-north`, {
      token: token['Erik Hansen'],
      method: 'PATCH',
      json: {
        idempotencyKey: randomUUID(),
        action: 'edit',
        edits: [{ lineId: target.lineId, field: 'budgetAmount', value: 424_242, baseRev: target.rev }],
      },
    });
    expect(edited.status).toBe(200);

    expect((await api.call(`/budget/${planId}/sales-north/submit`, { token: token['Erik Hansen'], method: 'POST' })).status).toBe(403);
    // A short refresh for this test (the sample model's refresh takes 20 s of emulator time).
    expect((await control(`datasets/${localPowerBi.budgetDatasetId}/next-refresh`, { durationMs: 300 })).ok).toBe(true);
    const submitted = await api.call(`/budget/${planId}/sales-north/submit`, { token: token['Nora Lindqvist'], method: 'POST' });
    expect(submitted.status).toBe(200);
    const submittedBody = (await submitted.json()) as { state: PlanState; notified: boolean };
    expect(submittedBody.state).toMatchObject({ submittedBy: upn('Nora Lindqvist') });
    expect(submittedBody.notified).toBe(true);
    // Managers are told through the bot's queue: exactly one message for this plan, and its card.
    const queued = await takeNotifications(storageConnection(), (n) => n.kind === 'planSubmitted' && n.planId === planId);
    expect(queued).toHaveLength(1);
    const notification = queued[0]!;
    expect(notification).toMatchObject({
      kind: 'planSubmitted',
      scopeId: 'sales-north',
      scopeName: 'Sales North',
      by: { upn: upn('Nora Lindqvist'), name: 'Nora Lindqvist' },
      refreshId: submittedBody.state.refreshId,
    });
    if (notification.kind !== 'planSubmitted') throw new Error('unreachable');
    const card = messageFor(notification, {}, { TAB_ENDPOINT: 'https://planboard.example', TEAMS_APP_ID: '' });
    expect(card.kind).toBe('card');
    const texts = cardTexts(card.kind === 'card' ? card.card : undefined);
    expect(texts).toContain('Budget plan submitted');
    expect(texts).toContain('Sales North');
    expect(texts).toContain('Nora Lindqvist');
    expect(texts).toContain('the Power BI dataset refresh has started');
    expect(JSON.stringify(card)).toContain(`https://planboard.example/index.html#/budget?plan=${planId}&scope=sales-north`);

    const late = await api.call(`/budget/${planId}/sales-north`, {
      token: token['Erik Hansen'],
      method: 'PATCH',
      json: {
        idempotencyKey: randomUUID(),
        action: 'edit',
        edits: [{ lineId: target.lineId, field: 'comments', value: 'too late', baseRev: 99 }],
      },
    });
    expect(late.status).toBe(409);
    expect(errorEnvelopeSchema.parse(await late.json()).error.message).toMatch(/read-only/);
    expect((await api.call(`/budget/${planId}/sales-north/submit`, { token: token['Nora Lindqvist'], method: 'POST' })).status).toBe(409);

    const live = await until('Nora Lindqvist', 'live');
    expect(live.refreshId).toBeTruthy();
    // The refreshed model now holds the saved number (the dataset re-imported the budget table).
    const pbiToken = await tokenFor(upn('Alex Morgan'), { audience: 'https://analysis.windows.net/powerbi/api', version: 'v1' });
    const query = `EVALUATE FILTER('Budget', 'Budget'[PlanId] = "${planId}" && 'Budget'[LineId] = "${target.lineId}" && 'Budget'[BusinessUnit] = "sales-north")`;
    const result = await fetch(`http://127.0.0.1:${powerBiPort()}/v1.0/myorg/datasets/${localPowerBi.budgetDatasetId}/executeQueries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pbiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ queries: [{ query }] }),
    });
    expect(result.status).toBe(200);
    const rows =
      ((await result.json()) as { results: { tables: { rows: Record<string, unknown>[] }[] }[] }).results[0]?.tables[0]?.rows ?? [];
    expect(rows.map((row) => row['Budget[BudgetAmount]'])).toEqual([424_242]);
    const grid2 = budgetGridSchema.parse(await (await api.call(`/budget/${planId}/sales-north`, { token: token['Erik Hansen'] })).json());
    expect(grid2.canEdit).toBe(false);
  }, 60_000);

  it('managers see the submission status of their BUs', async () => {
    const response = await api.call(`/budget/${planId}/status`, { token: token['Morgan Lee'] });
    expect(response.status).toBe(200);
    const body = planStatusListSchema.parse(await response.json());
    expect(body.units.map((unit) => unit.scopeId).sort()).toEqual(['marketing', 'sales-north', 'sales-south']);
    expect(body.units.find((unit) => unit.scopeId === 'sales-north')?.state.status).toBe('live');
    expect(body.units.find((unit) => unit.scopeId === 'marketing')?.state.status).toBe('draft');
  });

  it('only admins unlock, with a reason; the plan is editable again and the audit shows submit and unlock', async () => {
    expect(
      (await api.call(`/budget/${planId}/sales-north/unlock`, { token: token['Nora Lindqvist'], method: 'POST', json: { reason: 'typo' } }))
        .status,
    ).toBe(403);
    const noReason = await api.call(`/budget/${planId}/sales-north/unlock`, {
      token: token['Alex Morgan'],
      method: 'POST',
      json: { reason: '' },
    });
    expect(noReason.status).toBe(400);
    const unlocked = await api.call(`/budget/${planId}/sales-north/unlock`, {
      token: token['Alex Morgan'],
      method: 'POST',
      json: { reason: 'Q3 figures need a fix' },
    });
    expect(unlocked.status).toBe(200);
    // The BU's contributors are told through the bot's queue (delivery is the bot's suite).
    expect(((await unlocked.json()) as { notified: boolean }).notified).toBe(true);
    expect(await stateOf('Erik Hansen')).toMatchObject({
      status: 'draft',
      unlockedBy: upn('Alex Morgan'),
      unlockReason: 'Q3 figures need a fix',
    });
    const audit = (await (await api.call(`/budget/${planId}/sales-north/audit`, { token: token['Nora Lindqvist'] })).json()) as {
      entries: { lineId: string | null; action: string; by: string }[];
    };
    const planEvents = audit.entries.filter((entry) => entry.lineId === null).map((entry) => [entry.action, entry.by]);
    expect(planEvents).toEqual([
      ['unlock', upn('Alex Morgan')],
      ['submit', upn('Nora Lindqvist')],
    ]);
  });
});
