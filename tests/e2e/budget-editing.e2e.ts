/**
 * The budget grid as a contributor uses it, in real Chromium with the real clipboard: type over a
 * cell, paste a 10×3 block copied from Excel, have "abc" rejected on the cell, undo and redo (a
 * paste is one step), save (only the changed cells are sent) and find the changes in the history.
 */
import type { Browser, Page } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, launchBrowser, openPage, type TestPage } from './support/browser';
import {
  capturePatches,
  cell,
  expectTexts,
  clipboardContext,
  filterLines,
  focusCell,
  notice,
  pasteFromExcel,
  saveAll,
  saveButton,
  typeInCell,
  upnOf,
  waitForCellState,
  waitForGrid,
} from './support/budget';
import { signInAs } from './support/sign-in';

/** Sales North's coffee lines in grid order (the API's order): denmark, finland, iceland … */
const L = ['denmark', 'finland', 'iceland'].flatMap((region) => [1, 2, 3, 4].map((q) => `coffee.${region}.q${q}`));
const grouped = (n: number) => new Intl.NumberFormat('en-US').format(n);

/** Differs per run, so every run changes the cells (the stack may be reused). */
const k = 1 + Math.floor(Math.random() * 900);
/** A 10×3 block as Excel copies it: displayed numbers, a quoted two-line cell, CRLF and the trailing newline. */
const excelRows = Array.from({ length: 10 }, (_, i) => [
  grouped((i + 1) * 1000 + k),
  String((i + 1) * 2500 + k),
  i === 2 ? `two\nlines ${k}` : `Excel note ${i + 1} (${k})`,
]);
const excelTsv = `${excelRows.map((row) => row.map((c) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t')).join('\r\n')}\r\n`;
const pasted = L.slice(1, 11);

let browser: Browser;
let tp: TestPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  tp = await openPage(browser, clipboardContext());
  page = tp.page;
});
afterEach(async () => {
  await tp.context.close();
});

const texts = (lineIds: string[], field: 'budgetAmount' | 'forecastSales' | 'comments') =>
  Promise.all(lineIds.map((lineId) => cell(page, lineId, field).textContent()));

it('types over a cell, pastes a 10×3 block from Excel, rejects "abc", undoes and saves only the changed cells', async () => {
  await signInAs(page, upnOf('erik.hansen'));
  expect(await waitForGrid(page)).toBe(120);
  await filterLines(page, 'coffee');
  const original = {
    budget: await texts(L, 'budgetAmount'),
    forecast: await texts(L, 'forecastSales'),
    comments: await texts(L, 'comments'),
  };

  // Type-to-edit: typing on a focused cell replaces its value; Enter commits and moves down.
  await typeInCell(page, L[0]!, 'budgetAmount', String(100_000 + k));
  await expectTexts(page, [L[0]!], 'budgetAmount', [grouped(100_000 + k)]);
  await waitForCellState(page, L[0]!, 'budgetAmount', 'local');

  // Paste the block from "Excel" with the real clipboard.
  await focusCell(page, L[1]!, 'budgetAmount');
  await pasteFromExcel(page, excelTsv);
  await notice(page).filter({ hasText: 'Pasted 30 cells.' }).waitFor();
  await expectTexts(
    page,
    pasted,
    'budgetAmount',
    excelRows.map((row) => row[0]!),
  );
  await expectTexts(
    page,
    pasted,
    'forecastSales',
    excelRows.map((row) => grouped(Number(row[1]))),
  );
  await expectTexts(
    page,
    pasted,
    'comments',
    excelRows.map((row) => row[2]!),
  );
  // The trailing newline is not an extra row: the line after the block is untouched.
  expect(await cell(page, L[11]!, 'budgetAmount').textContent()).toBe(original.budget[11]);
  expect(await saveButton(page).textContent()).toBe('Save 31 changes');

  // A non-number is rejected on the cell itself: shown as typed, marked invalid, with the reason.
  await typeInCell(page, L[11]!, 'forecastSales', 'abc');
  const bad = cell(page, L[11]!, 'forecastSales');
  await expectTexts(page, [L[11]!], 'forecastSales', ['abc']);
  expect(await bad.getAttribute('aria-invalid')).toBe('true');
  expect(await bad.getAttribute('title')).toMatch(/“abc” is not a number/);
  await notice(page).filter({ hasText: '“abc” is not a number' }).waitFor();
  await focusCell(page, L[11]!, 'forecastSales');
  expect(await page.getByTestId('cell-message').textContent()).toMatch(/“abc” is not a number/);
  expect(await saveButton(page).textContent()).toBe('Save 31 changes');
  await axeCheck(page, 'budget grid with an invalid cell');

  // Undo twice: the rejected input, then the whole paste (one step); redo brings the paste back.
  await page.keyboard.press('Control+Z');
  await expectTexts(page, [L[11]!], 'forecastSales', [original.forecast[11]!]);
  expect(await bad.getAttribute('aria-invalid')).toBeNull();
  await page.keyboard.press('Control+Z');
  await notice(page).filter({ hasText: 'Undid paste of 30 cells.' }).waitFor();
  await expectTexts(page, pasted, 'budgetAmount', original.budget.slice(1, 11));
  await expectTexts(page, pasted, 'comments', original.comments.slice(1, 11));
  expect(await saveButton(page).textContent()).toBe('Save 1 change');
  await page.keyboard.press('Control+Y');
  await expectTexts(
    page,
    pasted,
    'budgetAmount',
    excelRows.map((row) => row[0]!),
  );

  // Save (Ctrl+S) sends exactly the 31 changed cells, nothing else.
  const patches = await capturePatches(page, () => saveAll(page));
  const sent = patches.flatMap((patch) => patch.edits.map((edit) => `${edit.lineId}|${edit.field}`));
  const changed = [
    `${L[0]}|budgetAmount`,
    ...pasted.flatMap((lineId) => ['budgetAmount', 'forecastSales', 'comments'].map((f) => `${lineId}|${f}`)),
  ];
  expect(sent.sort()).toEqual(changed.sort());
  expect(patches.map((patch) => patch.action).sort()).toEqual(['edit', 'redo']);
  await waitForCellState(page, L[1]!, 'budgetAmount', null);

  // The history of a line shows the change: who, old → new, via which action.
  await page.getByRole('button', { name: 'Subtotals & history' }).click();
  await page
    .getByTestId('subtotals')
    .getByRole('row', { name: /^Coffee/ })
    .waitFor();
  await focusCell(page, L[0]!, 'budgetAmount');
  const entry = page.getByTestId('history-entries').locator('li').first();
  await entry.filter({ hasText: `Budget Amount ${original.budget[0]} → ${grouped(100_000 + k)}` }).waitFor();
  expect(await entry.textContent()).toMatch(/you · .* · typed$/);

  // A reload shows the saved values, not as unsaved edits.
  await page.reload();
  await waitForGrid(page);
  await filterLines(page, 'coffee');
  expect(await cell(page, L[3]!, 'comments').textContent()).toBe(`two\nlines ${k}`);
  await waitForCellState(page, L[0]!, 'budgetAmount', null);
  expectNoConsoleErrors(tp);
});

it('Ctrl+D fills down and dragging the fill handle fills; each fill is one undo step', async () => {
  await signInAs(page, upnOf('diego.martin'));
  await waitForGrid(page);
  await filterLines(page, 'cold drinks greece');
  const E = [1, 2, 3, 4].map((q) => `cold-drinks.greece.q${q}`);
  await typeInCell(page, E[0]!, 'comments', 'Same for the year');
  // Select the comment column of the four quarters (Shift+arrows), then Ctrl+D.
  await focusCell(page, E[0]!, 'comments');
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Shift+ArrowDown');
    await page.waitForTimeout(120);
  }
  await page.keyboard.press('Control+D');
  await notice(page).filter({ hasText: 'Filled 3 cells.' }).waitFor();
  await expectTexts(page, E, 'comments', Array(4).fill('Same for the year'));

  // Drag the fill handle from Q1's budget down to Q3.
  await focusCell(page, E[0]!, 'budgetAmount');
  const q1Budget = await cell(page, E[0]!, 'budgetAmount').textContent();
  const handle = page.locator('revo-grid revogr-overlay-selection .autofill-handle').first();
  const from = (await handle.boundingBox())!;
  const to = (await cell(page, E[2]!, 'budgetAmount').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await notice(page).filter({ hasText: 'Filled 2 cells.' }).waitFor();
  await expectTexts(page, E.slice(0, 3), 'budgetAmount', Array(3).fill(q1Budget));

  const filled = await cell(page, E[1]!, 'budgetAmount').textContent();
  await page.keyboard.press('Control+Z');
  await notice(page).filter({ hasText: 'Undid fill of 2 cells.' }).waitFor();
  await page.waitForFunction(([selector, value]) => document.querySelector(selector)?.textContent !== value, [
    `revo-grid revogr-data[type="rgRow"] [data-line="${E[1]}"][data-field="budgetAmount"]`,
    filled,
  ] as const);
  await page.keyboard.press('Control+Z');
  await notice(page).filter({ hasText: 'Undid fill of 3 cells.' }).waitFor();
  await expectTexts(page, E.slice(1), 'comments', ['', '', '']);
  expect(await saveButton(page).textContent()).toBe('Save 1 change');
  expectNoConsoleErrors(tp);
});

it('works from the keyboard alone: Tab into the grid, arrows to a cell, type, Enter', async () => {
  await signInAs(page, upnOf('diego.martin'));
  await waitForGrid(page);
  await filterLines(page, 'cold drinks croatia');
  const before = await cell(page, 'cold-drinks.croatia.q2', 'budgetAmount').textContent();
  await page.getByRole('searchbox', { name: 'Filter lines' }).focus();
  await page.keyboard.press('Tab'); // the Subtotals & history toggle
  await page.keyboard.press('Tab'); // the grid: lands on its first cell
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'gridcell');
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(120);
  }
  const active = () =>
    page.evaluate(() => `${document.activeElement?.getAttribute('data-line')}|${document.activeElement?.getAttribute('data-field')}`);
  expect(await active()).toBe('cold-drinks.croatia.q2|budgetAmount');
  await page.keyboard.type(String(4000 + k), { delay: 20 });
  await page.keyboard.press('Enter');
  await expectTexts(page, ['cold-drinks.croatia.q2'], 'budgetAmount', [grouped(4000 + k)]);
  // Enter moved down a row, and focus stayed in the grid (keys keep working after an edit).
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-line') === 'cold-drinks.croatia.q3');
  // The grid settles focus after the edit (it re-renders the row); undo only once it has.
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+Z');
  await expectTexts(page, ['cold-drinks.croatia.q2'], 'budgetAmount', [before]);
  expect(await saveButton(page).textContent()).toBe('Saved');
  expectNoConsoleErrors(tp);
});
