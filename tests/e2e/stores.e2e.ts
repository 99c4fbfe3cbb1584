/**
 * The Stores page end to end: a store leader signs in and sees their one store by name, its weeks
 * and day parts as charts with table views, and the embedded store report (the real powerbi-client
 * and the Power BI emulator) showing that store alone. A business unit leader picks among the
 * unit's stores. Every view is axe-checked and screenshotted in light, dark and high contrast.
 */
import type { Browser, Page } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, openPage, screenshot, type TestPage } from './support/browser';
import { barLabels, launchReportsBrowser, waitForReport } from './support/reports';
import { signInAs, USERS } from './support/sign-in';

const ingrid = 'ingrid.solberg@contoso.onmicrosoft.com';

let browser: Browser;
let tp: TestPage;
let page: Page;

beforeAll(async () => {
  browser = await launchReportsBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  tp = await openPage(browser);
  page = tp.page;
});
afterEach(async () => {
  expectNoConsoleErrors(tp);
  await tp.context.close();
});

/** The rows of a chart's table view (switching the chart to its table). */
async function tableRows(testId: string): Promise<string[]> {
  const panel = page.getByTestId(testId);
  await panel.getByRole('tab', { name: 'Table' }).click();
  await panel.getByRole('table').waitFor();
  return panel.locator('tbody tr td:first-child').allTextContents();
}

describe('Stores page', () => {
  it('shows a store leader only their store, its weeks and day parts, and the store report of that store', async () => {
    await signInAs(page, ingrid, { route: '/stores' });
    await page.getByRole('heading', { level: 2, name: 'Oslo Central' }).waitFor();
    // One store: nothing to pick, and no other store is named anywhere on the page.
    expect(await page.getByRole('combobox').count()).toBe(0);
    await page.getByTestId('sales-by-week').locator('svg').first().waitFor();
    await waitForReport(page);
    expect(await barLabels(page, 'salesByStore')).toEqual(['Oslo Central']);
    await axeCheck(page, 'stores (Ingrid, chart)');
    await screenshot(page, 'light-stores-ingrid');

    const weeks = await tableRows('sales-by-week');
    expect(weeks.length).toBeGreaterThan(0);
    for (const week of weeks) expect(week).toMatch(/^Week \d{1,2}, \d{1,2} [A-Z][a-z]{2}$/);
    expect(await tableRows('sales-by-day-part')).toEqual(['Breakfast', 'Lunch', 'Dinner', 'Late night']);
    const text = await page.locator('main').innerText();
    for (const other of ['Stockholm Kungsgatan', 'Madrid Gran Vía', 'store-']) expect(text).not.toContain(other);
    expect(text).toContain('Labour per sale');
    await axeCheck(page, 'stores (Ingrid, tables)');
  }, 90_000);

  it('lets a business unit leader pick among the unit’s stores, in Teams dark theme', async () => {
    await signInAs(page, USERS.nora.upn, { route: '/stores', query: { theme: 'dark' } });
    const picker = page.getByRole('combobox');
    await picker.waitFor();
    await picker.click();
    const options = await page.getByRole('option').allTextContents();
    expect(options).toHaveLength(20);
    expect(options).toContain('Oslo Central');
    expect(options).not.toContain('Madrid Gran Vía');
    await page.getByRole('option', { name: 'Stockholm Kungsgatan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Stockholm Kungsgatan' }).waitFor();
    await page.getByTestId('sales-by-week').locator('svg').first().waitFor();
    await waitForReport(page);
    await axeCheck(page, 'stores (Nora, dark)');
    await screenshot(page, 'dark-stores-nora');
  }, 90_000);

  it('reads in high contrast', async () => {
    await signInAs(page, ingrid, { route: '/stores', query: { theme: 'contrast' } });
    await page.getByRole('heading', { level: 2, name: 'Oslo Central' }).waitFor();
    await page.getByTestId('sales-by-week').locator('svg').first().waitFor();
    await waitForReport(page);
    await axeCheck(page, 'stores (Ingrid, high contrast)');
    await screenshot(page, 'contrast-stores-ingrid');
  }, 90_000);
});
