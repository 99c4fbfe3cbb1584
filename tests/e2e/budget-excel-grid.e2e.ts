/**
 * The grid for people who live in Excel, in real Chromium: Delete / Backspace clear a number
 * (blank, saved as null, not 0), header sorting and column filters work together with the quick
 * filter, an import reports edits to read-only columns, and opening the subtotals & history panel
 * keeps the editable columns in view (resizable), with a legible total row.
 */
import type { BudgetGrid } from '@planboard/contracts';
import type { Browser, Page } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, launchBrowser, openPage, screenshot, type TestPage } from './support/browser';
import {
  PLAN,
  capturePatches,
  cell,
  clipboardContext,
  expectTexts,
  filterLines,
  focusCell,
  nextFrames,
  saveAll,
  upnOf,
  waitForGrid,
} from './support/budget';
import { callApi } from './support/reports';
import { signInAs, storedTokens } from './support/sign-in';

const SCOPE = 'operations';
let browser: Browser;
let tp: TestPage;
let page: Page;
let token: string;
let original: BudgetGrid['lines'];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  // Put back the amounts this suite changed, so other suites see the seeded plan.
  if (token && original) {
    const now = await callApi<BudgetGrid>(token, 'GET', `/budget/${PLAN}/${SCOPE}`);
    const edits = original.flatMap((line) => {
      const current = now.body.lines.find((candidate) => candidate.lineId === line.lineId)!;
      return (['budgetAmount', 'forecastSales'] as const)
        .filter((field) => current[field] !== line[field])
        .map((field) => ({ lineId: line.lineId, field, value: line[field], baseRev: current.rev }));
    });
    if (edits.length)
      await callApi(token, 'PATCH', `/budget/${PLAN}/${SCOPE}`, { idempotencyKey: crypto.randomUUID(), action: 'edit', edits });
  }
  await browser?.close();
});
beforeEach(async () => {
  tp = await openPage(browser, clipboardContext());
  page = tp.page;
  await signInAs(page, upnOf('grace.kim'), { route: `/budget/${PLAN}/${SCOPE}` });
  expect(await waitForGrid(page)).toBe(120);
  token = (await storedTokens(page))!.accessToken;
  original ??= (await callApi<BudgetGrid>(token, 'GET', `/budget/${PLAN}/${SCOPE}`)).body.lines;
});
afterEach(async () => {
  expectNoConsoleErrors(tp);
  await tp.context.close();
});

/** The rows the grid shows now, in order (sorted, filtered). */
const visibleRows = (p: Page) =>
  p.evaluate(async () => {
    const grid = document.querySelector('revo-grid') as unknown as { getVisibleSource(type: string): Promise<Record<string, unknown>[]> };
    return (await grid.getVisibleSource('rgRow')).map((row) => ({
      lineId: String(row.lineId),
      region: String(row.region),
      category: String(row.category),
      budgetAmount: row.budgetAmount as number | string,
    }));
  });
const header = (p: Page, name: string) => p.locator('revogr-header [role="columnheader"]').filter({ hasText: name }).first();

it('Delete and Backspace clear a number cell: blank on screen and in the save, not 0; subtotals count it as nothing', async () => {
  const [line] = original.filter((candidate) => candidate.category === 'Energy' && candidate.region === 'Head office');
  await filterLines(page, 'energy head office');
  await focusCell(page, line!.lineId, 'budgetAmount');
  await page.keyboard.press('Delete');
  await expectTexts(page, [line!.lineId], 'budgetAmount', ['']);
  await focusCell(page, line!.lineId, 'forecastSales');
  await page.keyboard.press('Backspace');
  await expectTexts(page, [line!.lineId], 'forecastSales', ['']);
  expect(await cell(page, line!.lineId, 'budgetAmount').getAttribute('data-state')).toBe('local');
  expect(await cell(page, line!.lineId, 'budgetAmount').getAttribute('aria-label')).toBe('blank, changed by you, not saved');

  const patches = await capturePatches(page, () => saveAll(page));
  expect(patches.flatMap((patch) => patch.edits)).toEqual(
    expect.arrayContaining([
      { lineId: line!.lineId, field: 'budgetAmount', value: null, baseRev: line!.rev },
      { lineId: line!.lineId, field: 'forecastSales', value: null, baseRev: line!.rev },
    ]),
  );
  const saved = (await callApi<BudgetGrid>(token, 'GET', `/budget/${PLAN}/${SCOPE}`)).body.lines.find((l) => l.lineId === line!.lineId)!;
  expect(saved).toMatchObject({ budgetAmount: null, forecastSales: null });

  // The grid's total row sums the rest (the blank counts as nothing).
  const total = original.reduce((sum, l) => sum + (l.lineId === line!.lineId ? 0 : (l.budgetAmount ?? 0)), 0);
  const totalCell = page.locator('revogr-data[type="rowPinEnd"] [data-field="budgetAmount"]').first();
  await page.waitForFunction(
    ([wanted]) => document.querySelector('revogr-data[type="rowPinEnd"] [data-field="budgetAmount"]')?.textContent === wanted,
    [new Intl.NumberFormat('en-US').format(total)] as const,
  );
  expect(await totalCell.textContent()).toBe(new Intl.NumberFormat('en-US').format(total));
});

it('sorts by a column header (mouse and keyboard) and filters by a column menu, together with the quick filter', async () => {
  await filterLines(page, 'energy');
  const budget = header(page, 'Budget Amount');
  await budget.click();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('revogr-header [role="columnheader"]')).some((h) => h.getAttribute('aria-sort') === 'ascending'),
  );
  let rows = await visibleRows(page);
  expect(rows).toHaveLength(20);
  expect(rows.every((row) => row.category === 'Energy')).toBe(true);
  const amounts = rows.map((row) => (typeof row.budgetAmount === 'number' ? row.budgetAmount : -1));
  expect(amounts).toEqual([...amounts].sort((a, b) => a - b));

  // Keyboard: the header is focusable; Enter sorts descending.
  await budget.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('revogr-header [role="columnheader"]')).some((h) => h.getAttribute('aria-sort') === 'descending'),
  );
  rows = await visibleRows(page);
  const descending = rows.map((row) => (typeof row.budgetAmount === 'number' ? row.budgetAmount : -1));
  expect(descending).toEqual([...descending].sort((a, b) => b - a));

  // The Region column's filter menu: "contains" Head office.
  await page.getByRole('button', { name: 'Filter Region' }).click();
  await page.locator('revogr-filter-panel select.select-css').first().selectOption('contains');
  await page.locator('revogr-filter-panel input[type="text"]').first().fill('head office');
  await page.locator('revogr-filter-panel button[aria-label="save"]').click();
  await page.waitForFunction(async () => {
    const grid = document.querySelector('revo-grid') as unknown as { getVisibleSource(type: string): Promise<unknown[]> };
    return (await grid.getVisibleSource('rgRow')).length === 4;
  });
  // Closing the menu keeps the filter.
  await page.locator('revogr-filter-panel button#revo-button-ok').click();
  await page.locator('revogr-filter-panel button[aria-label="save"]').waitFor({ state: 'hidden' });
  await nextFrames(page);
  rows = await visibleRows(page);
  expect(rows.map((row) => `${row.category} ${row.region}`)).toEqual(Array(4).fill('Energy Head office'));
  expect(await page.getByRole('button', { name: 'Filter Region' }).getAttribute('aria-pressed')).toBe('true');
  await screenshot(page, 'light-budget-sort-filter');

  // Clearing the quick filter keeps the column filter and the sort.
  await filterLines(page, '');
  await page.waitForFunction(async () => {
    const grid = document.querySelector('revo-grid') as unknown as { getVisibleSource(type: string): Promise<unknown[]> };
    return (await grid.getVisibleSource('rgRow')).length === 24;
  });
  rows = await visibleRows(page);
  expect(rows.every((row) => row.region === 'Head office')).toBe(true);
  const sorted = rows.map((row) => (typeof row.budgetAmount === 'number' ? row.budgetAmount : -1));
  expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
  await axeCheck(page, 'budget grid sorted and filtered');
});

it('reports edits to read-only columns in the import preview as "ignored: read-only"', async () => {
  const line = original[3]!;
  const csv = [
    // Without the actuals column (import does not need it); Category edited.
    'Line ID,Category,Region,Quarter,Budget Amount,Forecast Sales,Comments',
    `${line.lineId},Renamed,${line.region},${line.quarter},${line.budgetAmount ?? ''},${line.forecastSales ?? ''},"${line.comments}"`,
  ].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const ignored = page.getByTestId('import-ignored');
  await ignored.waitFor();
  expect(await ignored.textContent()).toContain(
    `Row 2, Category: ignored: read-only — the file has Renamed, the plan keeps ${line.category}`,
  );
  await page.getByRole('heading', { name: '1 cell ignored: read-only' }).waitFor();
  await screenshot(page, 'light-budget-import-ignored');
  await axeCheck(page, 'import preview with ignored read-only cells');
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Close' }).click();
});

it('opening subtotals & history keeps the editable columns in view; the panel resizes; the total row is legible', async () => {
  const grid = page.getByTestId('budget-grid');
  await page.getByRole('button', { name: 'Subtotals & history' }).click();
  await page.getByTestId('subtotals-total').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="budget-grid"]')?.getAttribute('data-pinned') === 'true');
  await nextFrames(page);

  const inView = async () => {
    const box = (await grid.boundingBox())!;
    for (const name of ['Budget Amount', 'Forecast Sales', 'Comments']) {
      const column = (await header(page, name).boundingBox())!;
      expect(column.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(column.x + column.width).toBeLessThanOrEqual(box.x + box.width + 1);
    }
  };
  await inView();

  // The splitter widens the panel from the keyboard; the editable columns stay in view.
  const details = page.getByTestId('details');
  const before = (await details.boundingBox())!.width;
  await page.getByRole('separator', { name: 'Resize subtotals and history' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(
    (width) => document.querySelector('[data-testid="details"]')!.getBoundingClientRect().width >= width + 40,
    before,
  );
  await nextFrames(page);
  await inView();

  // Every figure of the subtotals' total row is shown whole (nothing clipped), apart from its neighbours.
  const clipped = await page
    .getByTestId('subtotals-total')
    .locator('td')
    .evaluateAll((cells) => cells.filter((td) => td.scrollWidth > td.clientWidth + 1).length);
  expect(clipped).toBe(0);
  await screenshot(page, 'light-budget-details-split');
  await axeCheck(page, 'budget grid with subtotals and history open');
});
