import { errorEnvelopeSchema, reportEmbedSchema, reportListSchema, type ReportEmbed } from '@planboard/contracts';
import { sampleIds } from '../../emulators/powerbi/src/seed/sample-ids';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { powerBiPort, storageConnection, tokenFor } from './support/env';

const upn = (name: string) => `${name}@contoso.onmicrosoft.com`;
const people = { nora: upn('nora.lindqvist'), maya: upn('maya.patel'), alex: upn('alex.morgan'), henrik: upn('henrik.vogel') };
let api: ApiHost;
const token: Record<string, string> = {};

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  api = await startApiHost();
  for (const [key, value] of Object.entries(people)) token[key] = await tokenFor(value);
}, 60_000);
afterAll(() => api?.stop());

const embed = (who: string, reportId: string, json?: unknown) =>
  api.call(`/reports/${reportId}/embed`, { token: token[who], method: 'POST', json });

/** Renders the first page through the emulator's embed page endpoint and returns the bar chart's categories. */
async function barsFor(embedded: ReportEmbed): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${powerBiPort()}/reportEmbed/render`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ accessToken: embedded.accessToken, reportId: embedded.reportId }),
  });
  const body = (await response.json()) as { ok: boolean; html?: string };
  expect(body.ok).toBe(true);
  return [...(body.html ?? '').matchAll(/data-category="([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('GET /api/reports', () => {
  it('lists the reports each caller may open, by their scope grants', async () => {
    const ids = async (who: string) =>
      reportListSchema.parse(await (await api.call('/reports', { token: token[who] })).json()).reports.map((r) => r.id);
    const all = [sampleIds.budget.reportId, sampleIds.stores.reportId, sampleIds.kpi.reportId];
    expect(await ids('nora')).toEqual(all);
    expect(await ids('maya')).toEqual([sampleIds.budget.reportId, sampleIds.kpi.reportId]);
    expect(await ids('alex')).toEqual(all);
    const list = reportListSchema.parse(await (await api.call('/reports', { token: token.nora })).json());
    expect(list.reports[0]).toMatchObject({
      name: 'Budget Overview',
      workspaceName: 'Planboard Budget (Prod)',
      datasetName: 'Budget Planning',
      scopeType: 'businessUnit',
    });
  });

  it('needs a signed-in caller', async () => {
    expect((await api.call('/reports')).status).toBe(401);
  });
});

describe('POST /api/reports/{id}/embed', () => {
  it('returns an HTTPS emulator embedUrl and a short-lived token whose identity is the caller', async () => {
    const response = await embed('nora', sampleIds.budget.reportId);
    expect(response.status).toBe(200);
    const body = reportEmbedSchema.parse(await response.json());
    const https = process.env.PLANBOARD_POWERBI_HTTPS_PORT;
    expect(body.embedUrl).toBe(
      `https://emulator.powerbi.com:${https}/reportEmbed?reportId=${sampleIds.budget.reportId}&groupId=${sampleIds.budget.workspaceId}`,
    );
    const minutes = (Date.parse(body.expiration) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(1);
    expect(minutes).toBeLessThanOrEqual(60);
    expect(await barsFor(body)).toEqual(['Sales North']);
  });

  it('shows a Marketing leader Marketing only, a manager their three units, an admin everything', async () => {
    expect(await barsFor(reportEmbedSchema.parse(await (await embed('maya', sampleIds.budget.reportId)).json()))).toEqual(['Marketing']);
    expect(await barsFor(reportEmbedSchema.parse(await (await embed('henrik', sampleIds.budget.reportId)).json()))).toEqual([
      'Finance',
      'Operations',
    ]);
    expect(await barsFor(reportEmbedSchema.parse(await (await embed('alex', sampleIds.budget.reportId)).json()))).toHaveLength(5);
  });

  it('embeds the store report by store and the KPI report (no RLS) without an identity', async () => {
    expect(await barsFor(reportEmbedSchema.parse(await (await embed('nora', sampleIds.stores.reportId)).json()))).toEqual([
      'Copenhagen Strøget',
      'Helsinki Kamppi',
      'Oslo Central',
      'Stockholm Kungsgatan',
    ]);
    expect((await embed('alex', sampleIds.kpi.reportId)).status).toBe(200);
  });

  it('honours a shorter lifetime asked for by the client, and validates the body', async () => {
    const body = reportEmbedSchema.parse(await (await embed('nora', sampleIds.budget.reportId, { lifetimeMinutes: 1 })).json());
    expect(Date.parse(body.expiration) - Date.now()).toBeLessThanOrEqual(60_000);
    expect((await embed('nora', sampleIds.budget.reportId, { lifetimeMinutes: 0 })).status).toBe(400);
  });

  it('refuses (403) a report outside the caller’s scopes, 404 for an unknown one', async () => {
    const refused = await embed('maya', sampleIds.stores.reportId);
    expect(refused.status).toBe(403);
    expect(errorEnvelopeSchema.parse(await refused.json()).error.message).toMatch(/store/);
    expect((await embed('nora', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await embed('nora', 'not-a-guid')).status).toBe(400);
  });
});
