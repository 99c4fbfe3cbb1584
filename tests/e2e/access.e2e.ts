import type { Browser, Page } from 'playwright-core';
import { axeCheck, expectedNoise, expectNoConsoleErrors, launchBrowser, openPage, screenshot, type TestPage } from './support/browser';
import { signInAs, signInHeading, signOut, USERS } from './support/sign-in';
import { tabUrl } from './support/stack';

const BUSINESS_UNITS = ['Finance', 'Marketing', 'Operations', 'Sales North', 'Sales South'];

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
  tp = await openPage(browser);
  page = tp.page;
});
afterEach(async () => {
  await tp?.context.close();
});

const nav = () => page.getByRole('navigation', { name: 'Planboard pages' });
const row = (upn: string) => page.locator(`tr[data-upn="${upn}"]`);
const chip = (upn: string, group: string, name: string) =>
  row(upn)
    .getByRole('group', { name: new RegExp(`^${group} of`) })
    .getByRole('button', { name: new RegExp(`^${name} (Read|Edit|Approve|Admin)$`) });
const done = () => page.getByTestId('access-done');

async function openAccessPage() {
  await nav().getByRole('link', { name: 'Access' }).click();
  await page.getByRole('heading', { level: 1, name: 'Access' }).waitFor();
  await page.getByRole('table', { name: 'Users and their access' }).waitFor();
}

test('an admin sees all five business units and the admin pages', async () => {
  await signInAs(page, USERS.alex.upn);
  await page.getByTestId('user-role').filter({ hasText: 'Admin' }).waitFor();
  await page.getByTestId('scope-picker').waitFor();
  expect(await page.getByTestId('scope-picker').getByRole('radio').count()).toBe(5);
  for (const unit of BUSINESS_UNITS) expect(await page.getByRole('radio', { name: unit }).count()).toBe(1);
  // Arrow keys move the choice (a radio group with one tab stop).
  await page.getByRole('radio', { name: 'Finance' }).focus();
  await page.keyboard.press('ArrowRight');
  expect(await page.getByRole('radio', { name: 'Marketing' }).getAttribute('aria-checked')).toBe('true');
  await page.getByRole('heading', { name: 'Marketing budget' }).waitFor();
  expect(await nav().getByRole('link').allTextContents()).toEqual([
    'Budget',
    'KPIs',
    'Reports',
    'Stores',
    'Training',
    'Operations',
    'Data',
    'Access',
  ]);
  expectNoConsoleErrors(tp);
});

test('Access: grant Kenji read on Marketing, revoke it, and see both in his history', async () => {
  await signInAs(page, USERS.alex.upn);
  await openAccessPage();
  expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(19);
  await row(USERS.nora.upn).getByText('Sales North').first().waitFor();
  await axeCheck(page, '#/access (light)');
  await screenshot(page, 'light-access');

  await page.getByRole('searchbox', { name: 'Filter users' }).fill('kenji');
  await page.getByText('1 of 20 users').waitFor();
  expect(await page.locator('tbody tr').count()).toBe(1);

  // Grant (dialog: scope dropdown + level).
  await page.getByRole('button', { name: `Grant access to ${USERS.kenji.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Grant access to ${USERS.kenji.name}` });
  await dialog.waitFor();
  await dialog.getByRole('combobox', { name: 'Scope' }).click();
  await page.getByRole('group', { name: 'Business units' }).getByRole('option', { name: 'Marketing' }).click();
  await dialog.getByRole('radio', { name: /^Read/ }).check();
  await axeCheck(page, 'grant dialog');
  await screenshot(page, 'light-access-grant');
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  await done().filter({ hasText: 'Kenji Sato now has read access to Marketing.' }).waitFor();
  await dialog.waitFor({ state: 'hidden' });
  await chip(USERS.kenji.upn, 'Business units', 'Marketing').filter({ hasText: 'Read' }).waitFor();
  // Keyboard users continue where they were: focus returns to the button that opened the dialog.
  await page.waitForFunction(
    (name) => document.activeElement?.getAttribute('aria-label') === name || document.activeElement?.textContent === name,
    `Grant access to ${USERS.kenji.name}`,
  );

  // Revoke (menu on the grant, then a confirmation).
  await chip(USERS.kenji.upn, 'Business units', 'Marketing').click();
  await page.getByRole('menuitem', { name: 'Revoke access…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Revoke access?' });
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain('Kenji Sato will lose read access to Marketing');
  await confirm.getByRole('button', { name: 'Revoke access' }).click();
  await done().filter({ hasText: 'Kenji Sato no longer has access to Marketing.' }).waitFor();
  await chip(USERS.kenji.upn, 'Business units', 'Marketing').waitFor({ state: 'detached' });
  await chip(USERS.kenji.upn, 'Business units', 'Finance').waitFor();

  // History drawer: newest first.
  await page.getByRole('button', { name: `Access history of ${USERS.kenji.name}` }).click();
  const drawer = page.getByRole('dialog', { name: `Access history of ${USERS.kenji.name}` });
  const entries = drawer.getByTestId('audit-entries').getByRole('listitem');
  await entries.first().waitFor();
  const texts = await entries.allTextContents();
  expect(texts[0]).toContain('Revoked read access to Marketing');
  expect(texts[0]).toContain('by Alex Morgan');
  expect(texts[1]).toContain('Granted read access to Marketing');
  await axeCheck(page, 'audit drawer');
  await screenshot(page, 'light-access-audit');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await drawer.waitFor({ state: 'hidden' });

  await page.goto(tabUrl('/access', { theme: 'dark' }));
  await page.getByRole('table', { name: 'Users and their access' }).waitFor();
  await row(USERS.nora.upn).getByText('Sales North').first().waitFor();
  await axeCheck(page, '#/access (dark)');
  await screenshot(page, 'dark-access');

  await signOut(page);
  await signInHeading(page).waitFor();
  expectNoConsoleErrors(tp);
});

test('API errors appear in words in the dialog, and the dialog stays open', async () => {
  await signInAs(page, USERS.alex.upn);
  await openAccessPage();
  await page.route('**/api/access/users/*/grants/*', (route) =>
    route.fulfill({
      status: 412,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'PreconditionFailed', message: 'The grant was changed by someone else.' } }),
    }),
  );
  await page.getByRole('button', { name: `Grant access to ${USERS.kenji.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Grant access to ${USERS.kenji.name}` });
  await dialog.getByRole('combobox', { name: 'Scope' }).click();
  await page.getByRole('group', { name: 'Departments' }).getByRole('option', { name: 'IT' }).click();
  await dialog.getByRole('button', { name: 'Grant access' }).click();
  const error = dialog.getByTestId('api-error');
  await error.filter({ hasText: 'Someone else changed this' }).waitFor();
  expect(await error.textContent()).toContain('The grant was changed by someone else.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expectNoConsoleErrors(tp, (e) => expectedNoise(e) || (/status of 412/.test(e.text) && /\/grants\//.test(e.url)));
});
