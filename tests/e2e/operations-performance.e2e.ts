import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, launchBrowser, openPage, screenshot, type TestPage } from './support/browser';
import { signInAs, USERS } from './support/sign-in';

/**
 * The Performance view of the Operations page: after Fetch everything has stored the sample
 * tenant's history, the admin opens Performance, switches 24 h / 7 d / all and environments,
 * sees the charts and their table views, and exports the view to Excel. Axe-checked and
 * screenshotted in light, dark and high contrast.
 */
let browser: Browser;
let admin: TestPage;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await openPage(browser, { acceptDownloads: true });
});
afterAll(async () => {
  await admin?.context.close();
  await browser?.close();
});

const report = (page: Page) => page.getByTestId('performance-report');
/** The view is shown and no newer answer is on its way (switching keeps the previous one on screen). */
const settled = async (page: Page) => {
  await report(page).waitFor();
  await page.locator('[data-testid="performance-report"][aria-busy="false"]').waitFor();
};

test('an admin opens Performance, switches windows and environments, reads charts as tables and exports', async () => {
  const a = admin.page;
  await signInAs(a, USERS.alex.upn, { route: '/operations' });
  await a.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();
  // The analyser reads stored history: store it first.
  const fetchAll = a.getByRole('region', { name: 'Fetch everything' });
  await fetchAll.getByRole('button', { name: 'Fetch everything' }).click();
  await fetchAll
    .getByRole('status')
    .filter({ hasText: /^All \d+ workspaces read, \d+ models, finished / })
    .waitFor({ timeout: 90_000 });

  await a.getByRole('tablist').first().getByRole('tab', { name: 'Performance' }).click();
  await settled(a);
  expect(a.url()).toContain('#/operations/performance');
  await a.getByRole('heading', { level: 3, name: 'Refreshes over time' }).waitFor();
  await a.getByTestId('counts-chart').first().waitFor();
  // The outlier rule is said beside the outliers.
  await a.getByText(/median \+ 3 × scaled MAD/).waitFor();
  await a.getByRole('table', { name: 'Slowest refreshes' }).getByRole('row').nth(1).waitFor();
  await axeCheck(a, 'operations performance (24 hours)');
  await screenshot(a, 'light-operations-performance-24h');

  const windows = a.getByRole('tablist', { name: 'Window' });
  await windows.getByRole('tab', { name: 'Last 7 days' }).click();
  await settled(a);
  await a.getByText(/^\d+ refreshes: \d+ completed/).waitFor();
  await windows.getByRole('tab', { name: 'All stored history' }).click();
  await settled(a);
  await a.getByRole('table', { name: 'Failed refreshes' }).getByRole('row').nth(1).waitFor();
  await screenshot(a, 'light-operations-performance-all');

  // One environment: every chart and row is about Prod.
  await a.getByRole('combobox', { name: 'Environment' }).click();
  await a.getByRole('option', { name: 'Prod' }).click();
  await settled(a);
  await a.getByRole('combobox', { name: 'Environment' }).filter({ hasText: 'Prod' }).waitFor();
  expect(await a.getByTestId('counts-chart').count()).toBe(1);
  const slowest = a.getByRole('table', { name: 'Slowest refreshes' });
  await slowest.getByRole('row').nth(1).waitFor();
  const environments = await slowest.getByRole('row').locator('td:nth-child(2)').allTextContents();
  expect(new Set(environments)).toEqual(new Set(['Prod']));

  // The chart's figures as a table (what a screen reader reads).
  await a.getByRole('tablist', { name: 'Refreshes over time: view' }).getByRole('tab', { name: 'Table' }).click();
  await a.getByRole('table', { name: 'Refresh counts by status' }).getByRole('row').nth(1).waitFor();
  await axeCheck(a, 'operations performance (all, Prod, table view)');
  await screenshot(a, 'light-operations-performance-prod-table');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planboard-performance-'));
  const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: 'Export to Excel' }).click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(path.basename(file)).toBe('performance-all.xlsx');
  // An .xlsx is a zip: it starts with "PK".
  expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  expectNoConsoleErrors(admin);
});

test.each([
  ['dark', 'dark'],
  ['contrast', 'contrast'],
] as const)('Performance reads well in the %s theme (axe clean)', async (theme, name) => {
  const tp = await openPage(browser, theme === 'dark' ? { colorScheme: 'dark' } : {});
  try {
    await signInAs(tp.page, USERS.alex.upn, { route: '/operations/performance', query: { theme } });
    await settled(tp.page);
    await tp.page.getByRole('tablist', { name: 'Window' }).getByRole('tab', { name: 'Last 7 days' }).click();
    await settled(tp.page);
    await tp.page.getByTestId('counts-chart').first().waitFor();
    await tp.page.getByRole('table', { name: 'Slowest refreshes' }).getByRole('row').nth(1).waitFor();
    await axeCheck(tp.page, `operations performance (${name})`);
    await screenshot(tp.page, `${name}-operations-performance`);
    expectNoConsoleErrors(tp);
  } finally {
    await tp.context.close();
  }
});
