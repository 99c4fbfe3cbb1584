import { sampleIds } from '../seed/sample-ids';
import { startTestEmulator, type TestEmulator } from '../testing/harness';
import { reportEmbedPlugin } from './plugin';

let t: TestEmulator;
let sp: string;
beforeAll(async () => {
  t = await startTestEmulator({ plugins: [reportEmbedPlugin()] });
  sp = await t.issuer.appToken();
});
afterAll(() => t.stop());

const budget = sampleIds.budget;
const upn = (name: string) => `${name}@contoso.onmicrosoft.com`;

async function embedToken(username: string | undefined, roles: string[], target = budget, token = sp): Promise<string> {
  const response = await t.api('POST', 'GenerateToken', {
    token,
    body: {
      reports: [{ id: target.reportId }],
      ...(username ? { identities: [{ username, roles, datasets: [target.datasetId] }] } : {}),
    },
  });
  expect(response.status).toBe(200);
  return response.body.token as string;
}

interface RenderBody {
  ok: boolean;
  kind?: string;
  error?: { message: string; detailedMessage: string; errorCode: string };
  report?: { id: string; name: string };
  pages?: { name: string; displayName: string }[];
  page?: string;
  html?: string;
  expiresInMs?: number;
}

async function render(body: Record<string, unknown>): Promise<RenderBody> {
  const response = await fetch(`${t.emulator.url}/reportEmbed/render`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reportId: budget.reportId, ...body }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as RenderBody;
}

/** The bar chart's categories (what a person sees as the bars' labels). */
const bars = (html = '') => [...html.matchAll(/data-category="([^"]*)"/g)].map((match) => match[1]);
/** The second cell (business unit) of each row of the budget table. */
const tableUnits = (html = '') => [...new Set([...html.matchAll(/<tr><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].map((match) => match[1]))];

describe('embed page documents', () => {
  it('serves the page (frameable by the tab, script before load) and its script', async () => {
    const page = await fetch(`${t.emulator.url}/reportEmbed?reportId=${budget.reportId}&groupId=${budget.workspaceId}&uid=abc`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(
      /frame-ancestors 'self' http:\/\/localhost:\* http:\/\/127\.0\.0\.1:\* https:/,
    );
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(await page.text()).toMatch(/<head>[\s\S]*<script src="\/reportEmbed\/embed\.js"><\/script>[\s\S]*<\/head>/);
    const script = await fetch(`${t.emulator.url}/reportEmbed/embed.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const source = await script.text();
    // Parses as plain JavaScript (it is served as is, without a build step).
    expect(() => new Function(source)).not.toThrow();
  });
});

describe('rendering with the token identity and the dataset RLS roles', () => {
  it('shows a Sales North leader only Sales North', async () => {
    const token = await embedToken(upn('nora.lindqvist'), ['BusinessUnitScope', 'StoreScope', 'DepartmentScope']);
    const body = await render({ accessToken: token, groupId: budget.workspaceId });
    expect(body).toMatchObject({ ok: true, report: { id: budget.reportId, name: 'Budget Overview' }, page: 'ReportSection' });
    expect(body.pages?.map((page) => page.displayName)).toEqual(['Budget overview', 'Actuals FY2026']);
    expect(bars(body.html)).toEqual(['Sales North']);
    expect(tableUnits(body.html)).toEqual(['Sales North']);
    expect(body.html).toContain('data-effective-user="nora.lindqvist@contoso.onmicrosoft.com"');
    expect(body.expiresInMs).toBeGreaterThan(50 * 60_000);
  });

  it('shows a Marketing leader only Marketing, on every page', async () => {
    const token = await embedToken(upn('maya.patel'), ['BusinessUnitScope', 'DepartmentScope']);
    const first = await render({ accessToken: token });
    expect(bars(first.html)).toEqual(['Marketing']);
    const actuals = await render({ accessToken: token, pageName: 'ReportSection1' });
    expect(actuals.page).toBe('ReportSection1');
    expect(bars(actuals.html)).toEqual(['Marketing']);
  });

  it('shows an admin (AllData) every business unit', async () => {
    const token = await embedToken(upn('alex.morgan'), ['AllData']);
    expect(bars((await render({ accessToken: token })).html)).toEqual(['Finance', 'Marketing', 'Operations', 'Sales North', 'Sales South']);
  });

  it('shows nothing to an identity without grants (the role filters everything out)', async () => {
    const token = await embedToken(upn('nobody'), ['BusinessUnitScope']);
    const body = await render({ accessToken: token });
    expect(bars(body.html)).toEqual([]);
    expect(body.html).toContain('No data to show for your access.');
    expect(body.html).not.toContain('No data yet');
  });

  it('says "no data yet", not "no access", when the dataset holds no rows at all', async () => {
    const push = sampleIds.kpiPush;
    const rows = `groups/${push.workspaceId}/datasets/${push.datasetId}/tables/DataPoints/rows`;
    expect((await t.api('DELETE', rows, { token: sp })).status).toBe(200);
    const token = await embedToken(undefined, [], push);
    const body = await render({ accessToken: token, reportId: push.reportId });
    expect(body.ok).toBe(true);
    expect(body.html).toContain('<p class="visual-note" data-empty="no-data-yet">No data yet');
    expect(body.html).not.toContain('for your access');
  });

  it('applies report filters on top of RLS, flowing along relationships', async () => {
    const token = await embedToken(upn('morgan.lee'), ['BusinessUnitScope']);
    expect(bars((await render({ accessToken: token })).html)).toEqual(['Marketing', 'Sales North', 'Sales South']);
    const basic = {
      $schema: 'http://powerbi.com/product/schema#basic',
      target: { table: 'BusinessUnit', column: 'ScopeId' },
      operator: 'In',
      values: ['sales-south', 'finance'],
      filterType: 1,
    };
    expect(bars((await render({ accessToken: token, filters: [basic] })).html)).toEqual(['Sales South']);
    const bad = { ...basic, target: { table: 'Nope', column: 'X' } };
    expect(await render({ accessToken: token, filters: [bad] })).toMatchObject({
      ok: false,
      kind: 'filter',
      error: { message: 'InvalidFilter' },
    });
  });

  it('renders the store report by store for a store-scoped identity', async () => {
    const token = await embedToken(upn('nora.lindqvist'), ['StoreScope', 'BusinessUnitScope'], sampleIds.stores);
    const body = await render({ accessToken: token, reportId: sampleIds.stores.reportId });
    expect(bars(body.html)).toEqual(['Copenhagen Strøget', 'Helsinki Kamppi', 'Oslo Central', 'Stockholm Kungsgatan']);
  });
});

describe('token validation', () => {
  it('refuses an expired token with the documented TokenExpired error', async () => {
    const shortLived = await t.issuer.appToken({ expiresInSeconds: 1 });
    const token = await embedToken(upn('nora.lindqvist'), ['BusinessUnitScope'], budget, shortLived);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await render({ accessToken: token })).toEqual({
      ok: false,
      kind: 'error',
      error: {
        message: 'TokenExpired',
        detailedMessage: 'Access token has expired, resubmit with a new access token',
        errorCode: '403',
        level: 6,
      },
    });
  });

  it('refuses a token for another report, a forged token and an unknown report', async () => {
    const token = await embedToken(upn('nora.lindqvist'), ['BusinessUnitScope']);
    expect(await render({ accessToken: token, reportId: sampleIds.stores.reportId })).toMatchObject({
      ok: false,
      error: { message: 'LoadReportFailed', errorCode: '403' },
    });
    expect(await render({ accessToken: `${token.slice(0, -4)}AAAA` })).toMatchObject({
      ok: false,
      error: { message: 'LoadReportFailed', errorCode: '403' },
    });
    expect(await render({ accessToken: token, reportId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { message: 'LoadReportFailed', detailedMessage: 'Get report failed', errorCode: '404' },
    });
  });
});
