/**
 * Two people edit the same business unit in two browser contexts: each sees the other's saves
 * arrive (delta sync, no reload) marked as changed by others; edits to other cells merge; the same
 * cell edited by both opens the conflict dialog with both values, who and when, and "keep mine"
 * or "take theirs" settles it.
 */
import type { Browser } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, launchBrowser, openPage, type TestPage } from './support/browser';
import {
  cell,
  clipboardContext,
  conflictNoise,
  expectTexts,
  filterLines,
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
/** Sales North's salad lines in Finland, one quarter each (the editing suite uses the coffee lines). */
const [q1, q2, q3, q4] = [1, 2, 3, 4].map((q) => `salads.finland.q${q}`) as [string, string, string, string];
const k = 1 + Math.floor(Math.random() * 900);

let browser: Browser;
let erik: TestPage;
let maja: TestPage;

beforeAll(async () => {
  browser = await launchBrowser();
  erik = await openPage(browser, clipboardContext());
  maja = await openPage(browser, clipboardContext());
  await signInAs(erik.page, upnOf('erik.hansen'));
  await signInAs(maja.page, upnOf('maja.berg'));
  for (const { page } of [erik, maja]) {
    await waitForGrid(page);
    await filterLines(page, 'salads finland');
  }
});
afterAll(async () => {
  await browser?.close();
});

it("each sees the other's saves within seconds, marked as changed by others", async () => {
  await typeInCell(erik.page, q1, 'forecastSales', String(700_000 + k));
  await saveAll(erik.page);
  const started = Date.now();
  await waitForCellText(maja.page, q1, 'forecastSales', grouped(700_000 + k));
  expect(Date.now() - started).toBeLessThan(10_000);
  const seen = cell(maja.page, q1, 'forecastSales');
  expect(await seen.getAttribute('data-state')).toBe('remote');
  expect(await seen.getAttribute('title')).toMatch(/^Changed by Erik Hansen at /);

  await typeInCell(maja.page, q1, 'comments', `Maja ${k}`);
  await saveAll(maja.page);
  await waitForCellText(erik.page, q1, 'comments', `Maja ${k}`);
  // Different cells of the same line merged: Erik's forecast and Maja's comment are both there.
  expect(await cell(erik.page, q1, 'forecastSales').textContent()).toBe(grouped(700_000 + k));
  expectNoConsoleErrors(erik);
  expectNoConsoleErrors(maja);
});

it('the same cell edited by both opens the conflict dialog; keep mine wins, and the other cells were saved', async () => {
  await typeInCell(maja.page, q2, 'budgetAmount', String(111_000 + k));
  await typeInCell(maja.page, q3, 'comments', `merged ${k}`);
  await typeInCell(erik.page, q2, 'budgetAmount', String(222_000 + k));
  await saveAll(erik.page);

  await maja.page.keyboard.press('Control+S');
  const dialog = maja.page.getByTestId('conflict-dialog');
  await dialog.waitFor();
  const rows = dialog.getByTestId('conflict-row');
  expect(await rows.count()).toBe(1);
  expect(await rows.first().getAttribute('data-line')).toBe(q2);
  expect(await rows.first().getByTestId('conflict-mine').textContent()).toBe(grouped(111_000 + k));
  expect(await rows.first().getByTestId('conflict-theirs').textContent()).toBe(grouped(222_000 + k));
  expect(await rows.first().textContent()).toContain('Erik Hansen');
  expect(await rows.first().locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  await axeCheck(maja.page, 'conflict dialog');
  // Maja's other edit (a different cell) was saved in the same request.
  await waitForCellText(erik.page, q3, 'comments', `merged ${k}`);

  await rows
    .first()
    .getByRole('button', { name: /^Keep mine/ })
    .click();
  await dialog.waitFor({ state: 'hidden' });
  await saveButton(maja.page)
    .filter({ hasText: /^Saved$/ })
    .waitFor();
  await waitForCellText(erik.page, q2, 'budgetAmount', grouped(111_000 + k));
  await waitForCellState(erik.page, q2, 'budgetAmount', 'remote');
  expectNoConsoleErrors(maja, conflictNoise);
  expectNoConsoleErrors(erik);
});

it('take theirs drops my edit and shows their value', async () => {
  await typeInCell(maja.page, q4, 'budgetAmount', String(333_000 + k));
  await typeInCell(erik.page, q4, 'budgetAmount', String(444_000 + k));
  await saveAll(erik.page);
  await maja.page.keyboard.press('Control+S');
  const dialog = maja.page.getByTestId('conflict-dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: /^Take theirs/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expectTexts(maja.page, [q4], 'budgetAmount', [grouped(444_000 + k)]);
  await waitForCellState(maja.page, q4, 'budgetAmount', 'remote');
  expect(await saveButton(maja.page).textContent()).toBe('Saved');
  expectNoConsoleErrors(maja, conflictNoise);
});
