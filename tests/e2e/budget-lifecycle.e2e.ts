/**
 * A plan's life beyond editing: the BU leader submits (with confirmation) and watches the status go
 * refreshing → live while the plan turns read-only; an admin unlocks it with a reason and the
 * leader sees it editable again. Export to .xlsx, then importing that same file previews "no
 * changes". Marketing and Finance are used here (the other suites edit Sales North and South, the
 * reports suite submits Operations), and the plan is left a draft again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, launchBrowser, openPage } from './support/browser';
import {
  cell,
  ensureDraft,
  planStatus,
  PLAN,
  saveButton,
  shortNextRefresh,
  statusSequence,
  upnOf,
  waitForGrid,
  workspace,
} from './support/budget';
import { signInAs } from './support/sign-in';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await ensureDraft(browser, 'marketing');
});
afterAll(async () => {
  if (browser) await ensureDraft(browser, 'marketing');
  await browser?.close();
});

it('the leader submits: refreshing, then live, read-only; an admin unlocks it with a reason', async () => {
  const maya = await openPage(browser);
  const alex = await openPage(browser);
  try {
    await signInAs(maya.page, upnOf('maya.patel'));
    await waitForGrid(maya.page);
    expect(await workspace(maya.page).getAttribute('data-scope')).toBe('marketing');
    expect(await planStatus(maya.page)).toBe('draft');

    await shortNextRefresh();
    await maya.page.getByRole('button', { name: 'Submit plan…' }).click();
    const confirm = maya.page.getByRole('alertdialog', { name: 'Submit the Marketing plan?' });
    await confirm.waitFor();
    await axeCheck(maya.page, 'submit confirmation');
    await confirm.getByRole('button', { name: 'Submit plan' }).click();
    const seen = await statusSequence(maya.page, 'live');
    expect(seen).toContain('refreshing');
    expect(seen.indexOf('refreshing')).toBeLessThan(seen.indexOf('live'));
    expect(seen).not.toContain('failed');
    expect(await workspace(maya.page).getByRole('status').first().textContent()).toMatch(/Live in Power BI.*Submitted by you/);

    // Read-only now: no editing, nothing to save, the cells say so.
    await maya.page.getByTestId('read-only-notice').waitFor();
    expect(await saveButton(maya.page).isDisabled()).toBe(true);
    const someCell = cell(maya.page, 'brand.greece.q1', 'budgetAmount');
    expect(await someCell.getAttribute('aria-readonly')).toBe('true');
    const before = await someCell.textContent();
    await someCell.click();
    await maya.page.keyboard.type('5');
    await maya.page.keyboard.press('Enter');
    expect(await someCell.textContent()).toBe(before);
    expect(await maya.page.getByRole('button', { name: 'Submit plan…' }).count()).toBe(0);

    // An admin unlocks it; a reason is required.
    await signInAs(alex.page, upnOf('alex.morgan'), { route: `/budget/${PLAN}/marketing` });
    await waitForGrid(alex.page);
    expect(await planStatus(alex.page)).toBe('live');
    // The business unit cards show each plan's status too.
    await alex.page.getByRole('radio', { name: 'Marketing' }).locator('[data-testid="plan-status"][data-status="live"]').waitFor();
    await alex.page.getByRole('button', { name: 'Unlock…' }).click();
    const unlock = alex.page.getByRole('alertdialog', { name: 'Unlock the Marketing plan' });
    await unlock.getByRole('button', { name: 'Unlock plan' }).click();
    await unlock.getByText('Give a reason of at least 3 characters').waitFor();
    await unlock.getByRole('textbox', { name: /Reason/ }).fill('Q3 campaign costs were missing');
    await axeCheck(alex.page, 'unlock dialog');
    await unlock.getByRole('button', { name: 'Unlock plan' }).click();
    await unlock.waitFor({ state: 'hidden' });
    expect(await planStatus(alex.page)).toBe('draft');

    // The leader's open page follows within seconds: a draft again, with who and why.
    await maya.page.waitForFunction(
      () => document.querySelector('[data-testid="budget-workspace"] [data-testid="plan-status"]')?.getAttribute('data-status') === 'draft',
      null,
      {
        timeout: 15_000,
      },
    );
    expect(await workspace(maya.page).getByRole('status').first().textContent()).toContain('Unlocked by Alex Morgan');
    expect(await workspace(maya.page).getByRole('status').first().textContent()).toContain('Q3 campaign costs were missing');
    expect(await someCell.getAttribute('aria-readonly')).toBe('false');
    expectNoConsoleErrors(maya);
    expectNoConsoleErrors(alex);
  } finally {
    await maya.context.close();
    await alex.context.close();
  }
});

it('exports the plan to Excel; importing the same file previews "no changes"', async () => {
  const kenji = await openPage(browser, { acceptDownloads: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planboard-export-'));
  try {
    await signInAs(kenji.page, upnOf('kenji.sato'));
    await waitForGrid(kenji.page);
    expect(await workspace(kenji.page).getAttribute('data-scope')).toBe('finance');
    const [download] = await Promise.all([
      kenji.page.waitForEvent('download'),
      kenji.page.getByRole('button', { name: 'Export to Excel' }).click(),
    ]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(path.extname(file)).toBe('.xlsx');
    // An .xlsx is a zip: it starts with "PK".
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    await kenji.page.getByTestId('import-file').setInputFiles(file);
    const dialog = kenji.page.getByTestId('import-dialog');
    await dialog.getByTestId('import-summary').waitFor();
    expect(await dialog.getByTestId('import-summary').textContent()).toBe('No changes: the file matches the plan.');
    expect(await dialog.getByRole('button', { name: /^Apply/ }).count()).toBe(0);
    await axeCheck(kenji.page, 'import preview');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // A file with a changed cell and a row that does not belong shows both, and writes nothing until applied.
    const csv = path.join(dir, 'changed.csv');
    fs.writeFileSync(
      csv,
      'Line ID,Category,Region,Quarter,Actual Sales (prior year),Budget Amount,Forecast Sales,Comments\r\n' +
        `tax-advisory.head-office.q2,Tax advisory,Head office,Q2,,${4000 + Math.floor(Math.random() * 900)},5000,from a csv\r\nnope.nowhere.q1,X,Y,Q1,,1,1,\r\n`,
    );
    await kenji.page.getByTestId('import-file').setInputFiles(csv);
    await dialog.getByTestId('import-summary').waitFor();
    expect(await dialog.getByTestId('import-summary').textContent()).toMatch(/^\d+ cells? in 1 line would change/);
    expect(await dialog.getByTestId('import-errors').textContent()).toContain('Row 3');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expectNoConsoleErrors(kenji);
  } finally {
    await kenji.context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
