/**
 * Nothing unsaved is lost (a failed save keeps the cells; leaving the page warns and keeps a draft
 * that comes back), and the page in light, dark and high-contrast themes: unsaved, rejected and
 * "changed by others" cells side by side, checked with axe and saved as screenshots to look at.
 */
import type { Browser } from 'playwright-core';
import { axeCheck, expectedNoise, expectNoConsoleErrors, launchBrowser, openPage, screenshot, type ConsoleEntry } from './support/browser';
import {
  cell,
  clipboardContext,
  filterLines,
  focusCell,
  saveAll,
  saveButton,
  typeInCell,
  upnOf,
  waitForCellText,
  waitForCellState,
  waitForGrid,
} from './support/budget';
import { signInAs } from './support/sign-in';

const grouped = (n: number) => new Intl.NumberFormat('en-US').format(n);
const k = 1 + Math.floor(Math.random() * 900);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The save this test makes fail on purpose is logged by Chromium as a failed request. */
const refusedSave = (entry: ConsoleEntry) => expectedNoise(entry) || /ERR_CONNECTION_REFUSED|ERR_FAILED/.test(entry.text);

it('a failed save keeps the edits; leaving the page warns, keeps a draft, and it comes back', async () => {
  const lucia = await openPage(browser, clipboardContext());
  const { page } = lucia;
  try {
    await signInAs(page, upnOf('lucia.gomez'));
    await waitForGrid(page);
    await filterLines(page, 'sandwiches greece');
    const line = 'sandwiches.greece.q1';
    await typeInCell(page, line, 'budgetAmount', String(50_000 + k));

    await page.route('**/api/budget/**', (route) =>
      route.request().method() === 'PATCH' ? route.abort('connectionrefused') : route.continue(),
    );
    await page.keyboard.press('Control+S');
    await page.getByTestId('save-error').getByText("Can't reach Planboard").waitFor();
    await waitForCellState(page, line, 'budgetAmount', 'local');
    expect(await saveButton(page).textContent()).toBe('Save 1 change');

    // Leaving through the nav asks first; leaving keeps the draft.
    await page.getByRole('navigation').getByRole('link', { name: 'KPIs' }).click();
    const leave = page.getByRole('alertdialog', { name: 'You have unsaved changes' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Leave, keep draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'KPIs' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Budget' }).click();
    await waitForGrid(page);
    await page.getByTestId('draft-restored').waitFor();
    await filterLines(page, 'sandwiches greece');
    expect(await cell(page, line, 'budgetAmount').textContent()).toBe(grouped(50_000 + k));
    await waitForCellState(page, line, 'budgetAmount', 'local');

    // The network is back: "Save now" writes it; after a reload there is nothing left over.
    await page.unroute('**/api/budget/**');
    await page.getByTestId('draft-restored').getByRole('button', { name: 'Save now' }).click();
    await saveButton(page)
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await page.reload();
    await waitForGrid(page);
    await filterLines(page, 'sandwiches greece');
    expect(await cell(page, line, 'budgetAmount').textContent()).toBe(grouped(50_000 + k));
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expectNoConsoleErrors(lucia, refusedSave);
  } finally {
    await lucia.context.close();
  }
});

describe('unsaved, rejected and changed-by-others cells at a glance (screenshots)', () => {
  // Sofia stays signed in across the themes; each theme is its own test, with its own time budget.
  let sofia: Awaited<ReturnType<typeof openPage>>;
  beforeAll(async () => {
    sofia = await openPage(browser, clipboardContext());
    await signInAs(sofia.page, upnOf('sofia.rossi'));
    await waitForGrid(sofia.page);
  });
  afterAll(async () => {
    expectNoConsoleErrors(sofia);
    await sofia.context.close();
  });

  it.each([
    ['light', 0],
    ['dark', 1],
    ['contrast', 2],
  ] as const)('%s theme', async (theme, index) => {
    const diego = await openPage(browser, { ...clipboardContext(), viewport: { width: 1440, height: 1250 } });
    const { page } = diego;
    try {
      await signInAs(page, upnOf('diego.martin'), { query: { theme } });
      await waitForGrid(page);
      // Sofia saves a forecast; Diego sees it marked as changed by her.
      const value = 300_000 + k * 10 + index;
      await typeInCell(sofia.page, 'bakery.croatia.q3', 'forecastSales', String(value));
      await saveAll(sofia.page);
      await waitForCellText(page, 'bakery.croatia.q3', 'forecastSales', grouped(value));
      // Diego's own unsaved edits, one of them rejected.
      await typeInCell(page, 'bakery.croatia.q1', 'budgetAmount', String(123_000 + index));
      await typeInCell(page, 'bakery.croatia.q2', 'comments', 'Needs a second look');
      await typeInCell(page, 'bakery.greece.q1', 'budgetAmount', 'abc');
      await focusCell(page, 'bakery.greece.q1', 'forecastSales');
      await screenshot(page, `${theme}-budget-grid`);
      await axeCheck(page, `budget grid (${theme})`);
      // With subtotals and the history of the rejected cell's line beside the grid.
      await page.getByRole('button', { name: 'Subtotals & history' }).click();
      await page.getByTestId('subtotals').waitFor();
      await focusCell(page, 'bakery.greece.q1', 'budgetAmount');
      await page.getByTestId('cell-message').getByText('“abc” is not a number', { exact: false }).waitFor();
      await page.getByTestId('history-entries').or(page.getByText('No changes recorded yet.')).first().waitFor();
      await screenshot(page, `${theme}-budget-details`);
      await axeCheck(page, `budget grid with details (${theme})`);
    } finally {
      await diego.context.close();
    }
  });
});
