import type { Browser, Page } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, launchBrowser, openPage, screenshot, type TestPage } from './support/browser';
import { signInAs, USERS } from './support/sign-in';
import { e2eStack } from './support/stack';

/**
 * The Operations page as an admin uses it: read the catalog, categorise two workspaces at once,
 * open a workspace and a model, refresh it and watch it go from running to Completed, edit its
 * schedule with the takeover confirmed, and page and filter its stored history. A non-admin sees
 * no Operations page. Every view is axe-checked and screenshotted in light, dark and high contrast.
 */
let browser: Browser;
let admin: TestPage;

/** The Power BI emulator's control API (what a test may change about the tenant). */
async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const base = e2eStack().urls.powerbi;
  if (!base) throw new Error('e2e: the Power BI emulator URL is missing (E2E_TAB_URL runs cannot drive Operations)');
  const response = await fetch(`${base}/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await openPage(browser);
});
afterAll(async () => {
  await admin?.context.close();
  await browser?.close();
});

const tabs = (page: Page) => page.getByRole('tablist');

test('an admin reads the catalog, categorises two workspaces, refreshes a model, edits its schedule with takeover and pages its history', async () => {
  const a = admin.page;
  await signInAs(a, USERS.alex.upn, { route: '/operations' });
  await a.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();

  // The catalog is read on demand; the page says how old it is.
  await a.getByRole('button', { name: 'Read catalog now' }).click();
  await a
    .getByRole('status')
    .filter({ hasText: /^Read \d+ workspaces, \d+ models and \d+ reports/ })
    .waitFor({ timeout: 30_000 });
  await a.getByTestId('catalog-age').filter({ hasText: 'Catalog read from Power BI just now' }).waitFor();

  // Overview: one tile per environment × module, with its counts in words.
  const tiles = a.getByRole('list', { name: 'Environments and modules' });
  const budgetProd = tiles.getByRole('listitem', { name: 'Prod · Budget' });
  await budgetProd.waitFor();
  expect(await budgetProd.getByText('Models', { exact: true }).count()).toBe(1);
  expect(await budgetProd.getByRole('link', { name: 'Planboard Budget (Prod)' }).count()).toBe(1);
  expect(await tiles.getByRole('listitem', { name: 'Dev · Operations' }).count()).toBe(1);
  await axeCheck(a, 'operations overview');
  await screenshot(a, 'light-operations-overview');

  // Fetch everything: the progress bar follows the hosts' progress to the end.
  const fetchAll = a.getByRole('region', { name: 'Fetch everything' });
  await fetchAll.getByRole('button', { name: 'Fetch everything' }).click();
  await fetchAll.getByRole('progressbar', { name: 'Fetch everything progress' }).waitFor();
  await fetchAll
    .getByRole('status')
    .filter({ hasText: /^All \d+ workspaces read, \d+ models, finished / })
    .waitFor({ timeout: 90_000 });
  expect(await fetchAll.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
  await fetchAll.getByRole('button', { name: 'Fetch everything' }).waitFor();
  // With every history stored, nothing is "not read yet".
  await a
    .getByText(/^\d+ workspaces, \d+ models: \d+ refreshing now/)
    .filter({ hasNotText: 'no stored refresh history' })
    .waitFor();
  await screenshot(a, 'light-operations-fetched');

  // Categorise: filter, select two workspaces, assign one environment and module to both.
  await tabs(a).getByRole('tab', { name: 'Categorise' }).click();
  expect(a.url()).toMatch(/#\/operations\/categorise$/);
  const table = a.getByRole('table', { name: 'Workspaces and their categories' });
  await a.getByRole('searchbox', { name: 'Filter workspaces' }).fill('Planboard Operations');
  await a.getByText(/^3 of \d+ workspaces shown, 0 selected$/).waitFor();
  await table.getByRole('checkbox', { name: 'Select Planboard Operations (Dev)' }).check();
  await table.getByRole('checkbox', { name: 'Select Planboard Operations (Test)' }).check();
  await a.getByRole('button', { name: 'Assign category to 2' }).click();
  const assign = a.getByRole('dialog', { name: 'Assign a category to 2 workspaces' });
  await assign.getByRole('combobox', { name: /^Environment/ }).fill('Sandbox!');
  await assign.getByText(/letters, digits, spaces and/).waitFor();
  expect(await assign.getByRole('button', { name: 'Assign' }).isDisabled()).toBe(true);
  await assign.getByRole('combobox', { name: /^Environment/ }).fill('QA');
  await assign.getByRole('combobox', { name: /^Module/ }).fill('Monitoring');
  await axeCheck(a, 'assign category dialog');
  await assign.getByRole('button', { name: 'Assign' }).click();
  await assign.waitFor({ state: 'hidden' });
  await a.getByRole('status').filter({ hasText: '2 workspaces now have environment QA and module Monitoring.' }).waitFor();
  for (const name of ['Planboard Operations (Dev)', 'Planboard Operations (Test)']) {
    const row = table.getByRole('row').filter({ has: a.getByRole('link', { name }) });
    await row.getByRole('cell', { name: 'Assigned' }).waitFor();
    await row.getByRole('cell', { name: 'Monitoring', exact: true }).waitFor();
  }
  const prodRow = table.getByRole('row').filter({ has: a.getByRole('link', { name: 'Planboard Operations (Prod)' }) });
  await prodRow.getByRole('cell', { name: 'Guessed from name' }).waitFor();
  await screenshot(a, 'light-operations-categorise');
  await tabs(a).getByRole('tab', { name: 'Overview' }).click();
  await tiles.getByRole('listitem', { name: 'QA · Monitoring' }).waitFor();

  // A workspace: its models and reports.
  await table.waitFor({ state: 'detached' });
  await tiles.getByRole('link', { name: 'Planboard Operations (Dev)' }).click();
  await a.getByRole('heading', { level: 2, name: 'Planboard Operations (Dev)' }).waitFor();
  const models = a.getByRole('table', { name: 'Semantic models in Planboard Operations (Dev)' });
  const modelLink = models.getByRole('link', { name: 'Refresh Telemetry' });
  await modelLink.waitFor();
  await a.getByRole('table', { name: 'Reports in Planboard Operations (Dev)' }).getByRole('cell', { name: 'Refresh Monitor' }).waitFor();
  await axeCheck(a, 'operations workspace');
  await screenshot(a, 'light-operations-workspace');

  // The model belongs to a former developer (takeover needed) and its next refresh takes 4 s.
  const datasetId = /#\/operations\/models\/([0-9a-f-]{36})$/.exec((await modelLink.getAttribute('href')) ?? '')?.[1];
  expect(datasetId).toBeDefined();
  await control('PATCH', `datasets/${datasetId}`, { configuredBy: 'bi.developer@contoso.onmicrosoft.com' });
  await control('POST', `datasets/${datasetId}/next-refresh`, { durationMs: 4000 });
  await modelLink.click();
  await a.getByRole('heading', { level: 2, name: 'Refresh Telemetry' }).waitFor();
  expect(a.url()).toMatch(new RegExp(`#/operations/models/${datasetId}$`));
  await a.getByRole('table', { name: 'Reports bound to Refresh Telemetry' }).getByRole('cell', { name: 'Refresh Monitor' }).waitFor();

  // Refresh now: running (Unknown) first, then Completed, said in words.
  const lastRefresh = a.getByRole('region', { name: 'Last refresh' });
  await lastRefresh.getByRole('button', { name: 'Refresh now' }).click();
  await lastRefresh.getByRole('status').filter({ hasText: 'Refresh Telemetry is refreshing' }).waitFor();
  await lastRefresh.getByRole('progressbar', { name: 'Refreshing Refresh Telemetry' }).waitFor();
  await lastRefresh
    .getByRole('status')
    .filter({ hasText: /^Refresh Telemetry refreshed: Completed in 4 s\.$/ })
    .waitFor({ timeout: 30_000 });
  await lastRefresh.getByText('Completed', { exact: true }).first().waitFor();
  const history = a.getByRole('table', { name: 'Refresh history of Refresh Telemetry' });
  const newest = history.getByRole('row').nth(1);
  await newest.getByRole('cell', { name: 'Via API' }).waitFor();
  await newest.getByRole('cell', { name: '4 s', exact: true }).waitFor();

  // Edit the schedule: Planboard must take the model over, which the admin confirms in words.
  const schedule = a.getByRole('region', { name: 'Schedule' });
  await schedule.getByText('bi.developer@contoso.onmicrosoft.com').waitFor();
  await schedule.getByRole('button', { name: 'Edit schedule' }).click();
  const editor = a.getByRole('dialog', { name: 'Refresh schedule of Refresh Telemetry' });
  await editor.getByText('Planboard has to take this model over').waitFor();
  await editor.getByText(/Refresh Telemetry belongs to bi\.developer@contoso\.onmicrosoft\.com/).waitFor();
  const save = editor.getByRole('button', { name: 'Take over and save' });
  expect(await save.isDisabled()).toBe(true);
  const switchOn = editor.getByRole('switch');
  if (!(await switchOn.isChecked())) await switchOn.check();
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
    const box = editor.getByRole('checkbox', { name: day, exact: true });
    if ((await box.isChecked()) !== (day === 'Monday' || day === 'Wednesday')) await box.click();
  }
  await editor.getByRole('combobox', { name: /^Times/ }).click();
  // A multiselect list is a menu of checkbox items (Fluent's ARIA for multiselect).
  const times = a.getByRole('menu');
  const chosen = times.getByRole('menuitemcheckbox', { checked: true });
  while ((await chosen.count()) > 0) await chosen.first().click();
  await editor.getByText('Choose at least one time.').waitFor();
  await times.getByRole('menuitemcheckbox', { name: '06:00' }).click();
  await times.getByRole('menuitemcheckbox', { name: '18:30' }).click();
  // Clicking outside the list closes it (Escape would also close the dialog).
  await editor.getByRole('heading', { name: 'Refresh schedule of Refresh Telemetry' }).click();
  await times.waitFor({ state: 'hidden' });
  await editor.getByRole('checkbox', { name: 'Yes, make Planboard the owner of Refresh Telemetry' }).check();
  await axeCheck(a, 'schedule editor');
  await screenshot(a, 'light-operations-schedule-editor');
  await save.click();
  await editor.waitFor({ state: 'hidden' });
  await schedule.getByRole('status').filter({ hasText: 'Schedule saved for Refresh Telemetry. Planboard now owns the model.' }).waitFor();
  await schedule.getByText(/^Mon, Wed at 06:00, 18:30 \(/).waitFor();
  await schedule
    .getByRole('definition')
    .filter({ hasText: /^Planboard$/ })
    .waitFor();

  // History: read from Power BI, filter by status on the server, page by page.
  await a.getByRole('button', { name: 'Read history from Power BI' }).click();
  await a
    .getByRole('status')
    .filter({ hasText: /^Read \d+ refreshes from Power BI/ })
    .waitFor();
  await a
    .getByTestId('duration-summary')
    .filter({ hasText: /refreshes in the last 30 days/ })
    .waitFor();
  await history.getByRole('row').nth(20).waitFor();
  expect(await history.getByRole('row').count()).toBe(21);
  await a.getByRole('button', { name: 'Older' }).click();
  await a.getByText('Page 2').waitFor();
  await a.getByRole('button', { name: 'Newer' }).click();
  await a.getByText('Page 1').waitFor();
  const statusFilter = a.getByRole('combobox', { name: 'Status' });
  await statusFilter.click();
  // The filter's own list (the chart's bars are options too).
  await a
    .locator(`[id="${await statusFilter.getAttribute('aria-controls')}"]`)
    .getByRole('option', { name: 'Completed' })
    .click();
  await a.getByText('Page 1').waitFor();
  // The filtered page replaces the previous one when its query settles (the old rows stay meanwhile).
  await history.and(a.locator('[aria-busy="false"]')).waitFor();
  await a.waitForFunction((label) => {
    const cells = document.querySelectorAll(`table[aria-label="${label}"] tbody tr td:nth-child(3)`);
    return cells.length > 0 && Array.from(cells).every((cell) => cell.textContent === 'Completed');
  }, 'Refresh history of Refresh Telemetry');
  const statuses = await history.getByRole('row').locator('td:nth-child(3)').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['Completed']));
  // Sorting by duration (longest first) within the page.
  await history.getByRole('columnheader', { name: 'Duration' }).click();
  await history.getByRole('columnheader', { name: 'Duration', exact: false }).and(a.locator('[aria-sort="descending"]')).waitFor();
  await axeCheck(a, 'operations model');
  await screenshot(a, 'light-operations-model');

  // The bot's "Open history" link lands on the same model.
  const workspaceId = /workspaces\/([0-9a-f-]{36})/.exec(
    (await a.getByRole('link', { name: 'Planboard Operations (Dev)' }).first().getAttribute('href')) ?? '',
  )?.[1];
  await a.goto(a.url().replace(/#.*$/, `#/operations?workspace=${workspaceId}&dataset=${datasetId}`));
  await a.getByRole('heading', { level: 2, name: 'Refresh Telemetry' }).waitFor();
  expectNoConsoleErrors(admin);
});

test.each([
  ['dark', 'dark'],
  ['contrast', 'contrast'],
] as const)('the overview and a model read well in the %s theme (axe clean)', async (theme, name) => {
  const tp = await openPage(browser, theme === 'dark' ? { colorScheme: 'dark' } : {});
  try {
    await signInAs(tp.page, USERS.alex.upn, { route: '/operations', query: { theme } });
    // Each test reads what it shows (the catalog, the model's history), whatever ran before it.
    await tp.page.getByRole('button', { name: 'Read catalog now' }).click();
    await tp.page
      .getByRole('status')
      .filter({ hasText: /^Read \d+ workspaces/ })
      .waitFor({ timeout: 30_000 });
    const tiles = tp.page.getByRole('list', { name: 'Environments and modules' });
    await tiles.getByRole('listitem', { name: 'Prod · Budget' }).waitFor();
    await axeCheck(tp.page, `operations overview (${name})`);
    await screenshot(tp.page, `${name}-operations-overview`);
    await tiles.getByRole('link', { name: 'Planboard Budget (Prod)' }).click();
    await tp.page
      .getByRole('table', { name: 'Semantic models in Planboard Budget (Prod)' })
      .getByRole('link', { name: 'Budget Planning' })
      .click();
    await tp.page.getByRole('heading', { level: 2, name: 'Budget Planning' }).waitFor();
    await tp.page.getByRole('button', { name: 'Read history from Power BI' }).click();
    await tp.page
      .getByRole('status')
      .filter({ hasText: /^Read \d+ refreshes from Power BI/ })
      .waitFor();
    await tp.page
      .getByTestId('duration-summary')
      .filter({ hasText: /^\d+ refreshes in the last 30 days/ })
      .waitFor();
    await tp.page.getByRole('table', { name: 'Refresh history of Budget Planning' }).getByRole('row').nth(1).waitFor();
    // A report in another workspace depends on this model.
    const dependants = tp.page.getByRole('table', { name: 'Reports bound to Budget Planning' });
    const across = dependants.getByRole('row').filter({ hasText: 'Budget Refresh Health' });
    await across.getByRole('link', { name: 'Planboard Operations (Prod)' }).waitFor();
    await dependants
      .getByRole('row')
      .filter({ hasText: 'Budget Overview' })
      .getByRole('link', { name: 'Planboard Budget (Prod)' })
      .waitFor();
    await axeCheck(tp.page, `operations model (${name})`);
    await screenshot(tp.page, `${name}-operations-model`);
    expectNoConsoleErrors(tp);
  } finally {
    await tp.context.close();
  }
});

test('a non-admin has no Operations page: not in the navigation, and the route says it is for admins', async () => {
  const tp = await openPage(browser);
  try {
    await signInAs(tp.page, USERS.kenji.upn, { route: '/operations' });
    await tp.page.getByText("You don't have access to this page").waitFor();
    const nav = tp.page.getByRole('navigation', { name: 'Planboard pages' });
    await nav.getByRole('link', { name: 'Budget' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Operations' }).count()).toBe(0);
    expect(await tp.page.getByRole('list', { name: 'Environments and modules' }).count()).toBe(0);
    expectNoConsoleErrors(tp);
  } finally {
    await tp.context.close();
  }
});
