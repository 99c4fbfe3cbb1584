/**
 * A manager with several business units sees them together (read-only totals and a chart), in
 * light, dark and high contrast, then opens one of them; a BU leader with one unit is not offered it;
 * on a narrow tab (a Teams side panel) the grid keeps what a person edits within reach.
 */
import type { Browser } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, launchBrowser, openPage, screenshot } from './support/browser';
import { cell, filterLines, focusCell, nextFrames, upnOf, waitForGrid } from './support/budget';
import { signInAs, USERS } from './support/sign-in';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test.each([['light'], ['dark'], ['contrast']] as const)(
  'Morgan (manager of three units) sees them side by side with totals, in the %s theme',
  async (theme) => {
    const tp = await openPage(browser, theme === 'dark' ? { colorScheme: 'dark' } : {});
    const { page } = tp;
    try {
      await signInAs(page, upnOf('morgan.lee'), { query: { theme } });
      await page.getByRole('tab', { name: 'All 3 together' }).click();
      const summary = page.getByTestId('budget-summary');
      await summary.getByRole('heading', { name: 'All your business units together' }).waitFor();
      const table = summary.getByRole('table', { name: /^Totals of plan .+ per business unit$/ });
      await table.locator('tr[data-scope="total"]').waitFor();
      const names = await table.locator('tbody tr td:first-child').allTextContents();
      expect(names).toEqual(['Marketing', 'Sales North', 'Sales South', 'All business units']);
      // The total row adds the units up (the same figures the chart draws).
      const budgets = (await table.locator('tbody tr td:nth-child(4)').allTextContents()).map((text) => Number(text.replace(/,/g, '')));
      expect(budgets[3]).toBe((budgets[0] ?? 0) + (budgets[1] ?? 0) + (budgets[2] ?? 0));
      expect(await page.url()).toMatch(/#\/budget\/[^/]+\/all$/);
      await summary.locator('svg').first().waitFor();
      await axeCheck(page, `budget summary (${theme})`);
      await screenshot(page, `${theme}-budget-summary`);

      // A unit's name opens its plan (read-only for a manager).
      await table.getByRole('button', { name: 'Sales South' }).click();
      await waitForGrid(page);
      expect(page.url()).toMatch(/#\/budget\/[^/]+\/sales-south$/);
      expectNoConsoleErrors(tp);
    } finally {
      await tp.context.close();
    }
  },
);

test('a leader with one business unit is not offered the side-by-side view', async () => {
  const tp = await openPage(browser);
  try {
    await signInAs(tp.page, USERS.nora.upn);
    await waitForGrid(tp.page);
    expect(await tp.page.getByRole('tab', { name: /together$/ }).count()).toBe(0);
  } finally {
    await tp.context.close();
  }
});

test('on a narrow tab (400 px) the line, its editable cells and the whole filter hint stay in view', async () => {
  const tp = await openPage(browser, { viewport: { width: 400, height: 800 } });
  const { page } = tp;
  try {
    await signInAs(page, upnOf('erik.hansen'));
    await waitForGrid(page);
    await filterLines(page, 'coffee denmark');
    await screenshot(page, 'narrow-budget-grid');
    // The row still says which line it is: its category stays pinned at the start.
    const category = page.locator('revo-grid revogr-data').getByText('Coffee', { exact: true }).first();
    const categoryBox = await category.boundingBox();
    expect(categoryBox !== null && categoryBox.x >= 0 && categoryBox.x < 200).toBe(true);

    // The first editable cell is in view; the others are one arrow key away, and come into view.
    const box = await cell(page, 'coffee.denmark.q1', 'budgetAmount').boundingBox();
    expect(box !== null && box.x >= 0 && box.x + box.width <= 400).toBe(true);
    await focusCell(page, 'coffee.denmark.q1', 'budgetAmount');
    for (const field of ['forecastSales', 'comments'] as const) {
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((wanted) => document.activeElement?.getAttribute('data-field') === wanted, field);
      await nextFrames(page);
      const inView = await page.evaluate(() => {
        const rect = document.activeElement?.getBoundingClientRect();
        return rect !== undefined && rect.left >= 0 && rect.right <= window.innerWidth + 1;
      });
      expect({ field, inView }).toEqual({ field, inView: true });
    }
    // The filter's hint is not cut off: its text fits the box it is written in.
    const fits = await page.getByRole('searchbox', { name: 'Filter lines' }).evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return false;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(input.placeholder).width <= room;
    });
    expect(fits).toBe(true);
    expectNoConsoleErrors(tp);
  } finally {
    await tp.context.close();
  }
});
