/**
 * Reports page end to end: the real powerbi-client in headless Chromium embeds the Power BI
 * emulator's HTTPS embed page (emulator.powerbi.com → 127.0.0.1, certificate pinned), with embed
 * tokens from our API whose effective identity is the signed-in user.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, luminance, openPage, screenshot, type TestPage } from './support/browser';
import { barLabels, launchReportsBrowser, reportFrame, REPORTS, tableColumn, waitForReport } from './support/reports';
import { signInAs, USERS } from './support/sign-in';

const upn = (name: string) => `${name}@contoso.onmicrosoft.com`;
const maya = upn('maya.patel');
const allUnits = ['Finance', 'Marketing', 'Operations', 'Sales North', 'Sales South'];

let browser: Browser;
let tp: TestPage;
let page: Page;

/** What the token-expiry scenario observed; it runs in its own context while the other tests run. */
interface ExpiryOutcome {
  embedCalls: number[];
  renewals: string | null;
  phase: string | null;
  bars: string[];
  problemShown: boolean;
}
let expiry: Promise<ExpiryOutcome>;

/**
 * Erik (Sales North) opens the budget report with a one-minute token. Its announced expiration is
 * pushed an hour out, so the tab's timer does not renew first: the embed page itself must raise
 * `TokenExpired` when the real token runs out, and the tab must answer with a new token
 * (`report.setAccessToken`) without the person noticing more than a moment.
 */
async function expiryScenario(): Promise<ExpiryOutcome> {
  const own = await openPage(browser);
  const embedCalls: number[] = [];
  try {
    await own.page.route('**/api/reports/*/embed', async (route, request: Request) => {
      embedCalls.push(Date.now());
      if (embedCalls.length > 1) return route.continue();
      const response = await route.fetch({
        postData: JSON.stringify({ lifetimeMinutes: 1 }),
        headers: { ...request.headers(), 'content-type': 'application/json' },
      });
      const body = (await response.json()) as { expiration: string };
      await route.fulfill({ response, json: { ...body, expiration: new Date(Date.now() + 3_600_000).toISOString() } });
    });
    await signInAs(own.page, upn('erik.hansen'), { route: `/reports/${REPORTS.budget}` });
    await waitForReport(own.page);
    const container = own.page.locator('[data-testid="report-container"]');
    await own.page.locator('[data-testid="report-container"][data-renewals="1"]').waitFor({ timeout: 100_000 });
    await waitForReport(own.page);
    return {
      embedCalls,
      renewals: await container.getAttribute('data-renewals'),
      phase: await container.getAttribute('data-phase'),
      bars: await barLabels(own.page, 'budgetByUnit'),
      problemShown: await own.page.getByTestId('report-problem').isVisible(),
    };
  } finally {
    await own.context.close();
  }
}

beforeAll(async () => {
  browser = await launchReportsBrowser();
  expiry = expiryScenario();
  // Awaited by its own test; this only keeps an early failure from being reported as unhandled.
  expiry.catch(() => undefined);
}, 60_000);
afterAll(async () => {
  await expiry?.catch(() => undefined);
  await browser?.close();
});
beforeEach(async () => {
  tp = await openPage(browser);
  page = tp.page;
});
afterEach(async () => {
  await tp?.context.close();
});

describe('Reports page', () => {
  it('a Sales North leader opens the budget report from the list and sees Sales North rows only', async () => {
    await signInAs(page, USERS.nora.upn, { route: '/reports' });
    const cards = page.getByTestId('report-card');
    await cards.first().waitFor();
    expect(await cards.locator('h2').allTextContents()).toEqual(['Budget Overview', 'Store Performance', 'KPI Dashboard']);
    await cards.filter({ hasText: 'Budget Overview' }).getByRole('link', { name: 'Open report' }).click();
    await waitForReport(page);
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/reports/${REPORTS.budget}`);
    expect(await page.getByRole('heading', { level: 2, name: 'Budget Overview' }).isVisible()).toBe(true);
    expect(await barLabels(page, 'budgetByUnit')).toEqual(['Sales North']);
    const units = await tableColumn(page, 'budgetTable', 2);
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(['Sales North']));
    // The report's own page navigation works through powerbi-client's protocol too.
    await reportFrame(page).getByRole('tab', { name: 'Actuals FY2026' }).click();
    await reportFrame(page).locator('[data-visual="actualsByUnit"]').waitFor();
    expect(await barLabels(page, 'actualsByUnit')).toEqual(['Sales North']);
    await axeCheck(page, 'reports (Nora, budget report)');
    await screenshot(page, 'light-reports-budget-nora');
    expectNoConsoleErrors(tp);
  });

  it('a Marketing leader following a deep link sees Marketing only, and no store report', async () => {
    await signInAs(page, maya, { route: `/reports/${REPORTS.budget}` });
    await waitForReport(page);
    expect(await barLabels(page, 'budgetByUnit')).toEqual(['Marketing']);
    expect(new Set(await tableColumn(page, 'budgetTable', 2))).toEqual(new Set(['Marketing']));
    await page.getByRole('link', { name: 'All reports' }).click();
    await page.getByTestId('report-card').first().waitFor();
    expect(await page.getByTestId('report-card').locator('h2').allTextContents()).toEqual(['Budget Overview', 'KPI Dashboard']);
    expectNoConsoleErrors(tp);
  });

  it('an admin sees every business unit, in Teams dark theme', async () => {
    await signInAs(page, USERS.alex.upn, { route: `/reports/${REPORTS.budget}`, query: { theme: 'dark' } });
    await waitForReport(page);
    expect(await barLabels(page, 'budgetByUnit')).toEqual(allUnits);
    expect(new Set(await tableColumn(page, 'budgetTable', 2))).toEqual(new Set(allUnits));
    // The report follows the tab's theme: light text on a dark page inside the iframe too.
    const text = await reportFrame(page)
      .locator('.visual-title')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(luminance(text)).toBeGreaterThan(0.7);
    await axeCheck(page, 'reports (Alex, dark)');
    await screenshot(page, 'dark-reports-budget-alex');
    expectNoConsoleErrors(tp);
  });

  it('the Sales North leader opens the KPI Dashboard and sees the Sales department only (not Finance)', async () => {
    await signInAs(page, USERS.nora.upn, { route: `/reports/${REPORTS.kpi}` });
    await waitForReport(page);
    const departments = await tableColumn(page, 'kpiTable', 1);
    expect(departments.length).toBeGreaterThan(0);
    expect(new Set(departments)).toEqual(new Set(['Sales']));
    expect(await barLabels(page, 'kpiValues')).not.toContain('Budget variance');
    expect(await reportFrame(page).locator('footer').textContent()).toContain(`Rows for ${USERS.nora.upn}`);
    // Seeded, so there is no "no data yet" notice.
    expect(await page.getByTestId('report-notice').count()).toBe(0);
    expectNoConsoleErrors(tp);
  });

  it('says "No data yet" apart from "no access" when nothing is recorded for the caller', async () => {
    // The API's answer for a caller whose departments hold no KPI point yet.
    await page.route('**/api/reports/*/embed', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...((await response.json()) as object), dataState: 'noDataYet' } });
    });
    await signInAs(page, USERS.nora.upn, { route: `/reports/${REPORTS.kpi}` });
    await waitForReport(page);
    const notice = page.getByTestId('report-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^No data yet.*You have access to this report, but nothing has been recorded/);
    expect(await page.getByTestId('report-problem').count()).toBe(0);
    await axeCheck(page, 'reports (KPI Dashboard, no data yet)');
    expectNoConsoleErrors(tp);
  });

  it('a report outside your scopes is refused in words, and nothing is embedded', async () => {
    await signInAs(page, maya, { route: `/reports/${REPORTS.stores}` });
    const problem = page.getByTestId('report-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/You don't have access to this report.*store/);
    expect(await page.locator('[data-testid="report-container"] iframe').count()).toBe(0);
    // The API refused it (403); Chromium logs that response, which is the expected outcome here.
    expectNoConsoleErrors(tp, (entry) => /status of 403/.test(entry.text) && entry.url.includes('/api/reports/'));
  });

  it('an expired token is renewed: TokenExpired from the report, a new token, the report keeps showing', async () => {
    const outcome = await expiry;
    expect(outcome.embedCalls).toHaveLength(2);
    const [first = 0, second = 0] = outcome.embedCalls;
    // The renewal came when the one-minute token ran out, not from the tab's timer (pushed an hour out).
    expect(second - first).toBeGreaterThan(55_000);
    expect(outcome).toMatchObject({ renewals: '1', phase: 'rendered', bars: ['Sales North'], problemShown: false });
  }, 120_000);
});
