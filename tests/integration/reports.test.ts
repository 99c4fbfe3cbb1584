import { errorEnvelopeSchema, reportEmbedSchema, reportListSchema, type ReportEmbed } from '@planboard/contracts';
import { sampleIds } from '../../emulators/powerbi/src/seed/sample-ids';
import { sampleUsers } from '../../server/src/sample/directory';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { column, renderEmbedded } from './support/embed';
import { powerBiPort, storageConnection, tokenFor } from './support/env';
import { freshKpiId, kpiBody, point } from './support/kpis';

const upn = (name: string) => `${name}@contoso.onmicrosoft.com`;
const people = {
  nora: upn('nora.lindqvist'),
  maya: upn('maya.patel'),
  alex: upn('alex.morgan'),
  henrik: upn('henrik.vogel'),
  fiona: upn('fiona.walsh'),
  chloe: upn('chloe.dubois'),
};
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
    expect(body.dataState).toBeUndefined();
  });

  it('shows a Marketing leader Marketing only, a manager their three units, an admin everything', async () => {
    expect(await barsFor(reportEmbedSchema.parse(await (await embed('maya', sampleIds.budget.reportId)).json()))).toEqual(['Marketing']);
    expect(await barsFor(reportEmbedSchema.parse(await (await embed('henrik', sampleIds.budget.reportId)).json()))).toEqual([
      'Finance',
      'Operations',
    ]);
    expect(await barsFor(reportEmbedSchema.parse(await (await embed('alex', sampleIds.budget.reportId)).json()))).toHaveLength(5);
  });

  it('embeds the store report by store', async () => {
    expect(await barsFor(reportEmbedSchema.parse(await (await embed('nora', sampleIds.stores.reportId)).json()))).toEqual([
      'Copenhagen Strøget',
      'Helsinki Kamppi',
      'Oslo Central',
      'Stockholm Kungsgatan',
    ]);
  });

  it('shows the Sales North leader the KPIs of Sales only, a Finance leader Finance only, an admin every department', async () => {
    const kpiPage = async (who: string) => {
      const response = await embed(who, sampleIds.kpi.reportId);
      expect(response.status).toBe(200);
      const body = reportEmbedSchema.parse(await response.json());
      // The sample tenant's points are recorded, so the tab does not say "no data yet".
      expect(body.dataState).toBe('hasData');
      return renderEmbedded(powerBiPort(), body);
    };
    const nora = await kpiPage('nora');
    expect(nora.footer).toContain(`Rows for ${people.nora}`);
    // Seeded: the sample tenant's KPI points are in the dashboard on a fresh stack.
    expect(column(nora, 'kpiTable', 'Department').length).toBeGreaterThan(0);
    expect(new Set(column(nora, 'kpiTable', 'Department'))).toEqual(new Set(['Sales']));
    expect(nora.visuals.get('kpiValues')?.categories).toEqual(expect.arrayContaining(['Weekly revenue', 'Win rate']));
    expect(nora.visuals.get('kpiValues')?.categories).not.toContain('Budget variance');
    expect(new Set(column(await kpiPage('fiona'), 'kpiTable', 'Department'))).toEqual(new Set(['Finance']));
    const alex = await kpiPage('alex');
    expect(new Set(column(alex, 'kpiTable', 'Department'))).toEqual(
      new Set(['Finance', 'Human Resources', 'IT', 'Marketing', 'Operations', 'Sales']),
    );
  });

  it('shows a point recorded through the API in the KPI Dashboard: the write refreshes its model from Table Storage', async () => {
    const kpiId = freshKpiId('embed');
    expect((await api.call('/kpis/dept-sales', { token: token.nora, json: kpiBody(kpiId) })).status).toBe(201);
    const recorded = await api.call(`/kpis/dept-sales/${kpiId}/points`, { token: token.nora, json: point('2026-11-02', 97) });
    expect(recorded.status).toBe(200);
    // Wait for the state: the refresh the write started has imported the point (it runs 5 s on the emulator clock).
    const shown = async () => {
      const embedded = reportEmbedSchema.parse(await (await embed('nora', sampleIds.kpi.reportId)).json());
      return (await renderEmbedded(powerBiPort(), embedded)).visuals.get('kpiValues')?.categories ?? [];
    };
    const deadline = Date.now() + 90_000;
    let categories = await shown();
    while (!categories.includes(`Test KPI ${kpiId}`) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      categories = await shown();
    }
    expect(categories).toContain(`Test KPI ${kpiId}`);
    // Fiona (Finance) does not see it.
    const fiona = reportEmbedSchema.parse(await (await embed('fiona', sampleIds.kpi.reportId)).json());
    expect((await renderEmbedded(powerBiPort(), fiona)).visuals.get('kpiValues')?.categories).not.toContain(`Test KPI ${kpiId}`);
  }, 120_000);

  it('follows a grant change: a granted department appears in the KPI Dashboard, a revoked one disappears', async () => {
    const chloe = sampleUsers.find((user) => user.upn === people.chloe)?.oid ?? '';
    const grant = `/access/users/${chloe}/grants/dept-finance`;
    const departments = async () => {
      const embedded = reportEmbedSchema.parse(await (await embed('chloe', sampleIds.kpi.reportId)).json());
      return new Set(column(await renderEmbedded(powerBiPort(), embedded), 'kpiTable', 'Department'));
    };
    /** Waits for the state: the refresh the grant change started has imported the grants. */
    const until = async (wanted: (shown: Set<string>) => boolean) => {
      const deadline = Date.now() + 90_000;
      let shown = await departments();
      while (!wanted(shown) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        shown = await departments();
      }
      return shown;
    };
    expect(await departments()).toEqual(new Set(['Marketing']));
    expect((await api.call(grant, { token: token.alex, method: 'PUT', json: { level: 'read' } })).status).toBe(201);
    expect(await until((shown) => shown.has('Finance'))).toEqual(new Set(['Finance', 'Marketing']));
    expect((await api.call(grant, { token: token.alex, method: 'DELETE' })).status).toBe(200);
    expect(await until((shown) => !shown.has('Finance'))).toEqual(new Set(['Marketing']));
  }, 200_000);

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

describe('a report whose dataset has no row-level security', () => {
  let unfiltered: ApiHost;
  beforeAll(async () => {
    // The KPI report pointed at the push dataset's report, as the KPI Dashboard was: it cannot filter by department.
    unfiltered = await startApiHost({
      REPORT_KPI_WORKSPACE_ID: sampleIds.kpiPush.workspaceId,
      REPORT_KPI_ID: sampleIds.kpiPush.reportId,
    });
  }, 60_000);
  afterAll(() => unfiltered?.stop());

  it('is not listed for a department leader, only for an admin', async () => {
    const ids = async (who: string) =>
      reportListSchema.parse(await (await unfiltered.call('/reports', { token: token[who] })).json()).reports.map((r) => r.id);
    expect(await ids('nora')).toEqual([sampleIds.budget.reportId, sampleIds.stores.reportId]);
    expect(await ids('alex')).toEqual([sampleIds.budget.reportId, sampleIds.stores.reportId, sampleIds.kpiPush.reportId]);
  });

  it('is refused (403, in the error envelope) to a department leader, and embedded for an admin', async () => {
    const refused = await unfiltered.call(`/reports/${sampleIds.kpiPush.reportId}/embed`, { token: token.nora, method: 'POST' });
    expect(refused.status).toBe(403);
    const envelope = errorEnvelopeSchema.parse(await refused.json());
    expect(envelope.error.code).toBe('Forbidden');
    expect(envelope.error.message).toMatch(/no row-level security, so it would show every department/);
    const admin = await unfiltered.call(`/reports/${sampleIds.kpiPush.reportId}/embed`, { token: token.alex, method: 'POST' });
    expect(admin.status).toBe(200);
    const page = await renderEmbedded(powerBiPort(), reportEmbedSchema.parse(await admin.json()));
    expect(page.ok).toBe(true);
    expect(page.footer).toContain('Row-level security does not apply to this token');
  });
});
