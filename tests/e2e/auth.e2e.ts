import type { Browser, Page } from 'playwright-core';
import {
  axeCheck,
  expectedNoise,
  expectNoConsoleErrors,
  launchBrowser,
  openPage,
  screenshot,
  type ConsoleEntry,
  type TestPage,
} from './support/browser';
import { signInAs, signInHeading, signOut, storedTokens, USERS } from './support/sign-in';
import { tabUrl } from './support/stack';

const BUSINESS_UNITS = ['Sales North', 'Sales South', 'Marketing', 'Operations', 'Finance'];

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
const unitNames = () => page.getByTestId('scope-picker').getByRole('radio').allTextContents();
const notice = () => page.getByTestId('sign-in-notice');
/** Chromium reports a 401 the test provoked as "Failed to load resource"; that one is expected. */
const expected401 = (e: ConsoleEntry) => expectedNoise(e) || (/status of 401/.test(e.text) && /\/api\/me$/.test(e.url));

test('the sign-in screen lists the sample users by role and passes axe (light and dark)', async () => {
  await page.goto(tabUrl('/budget'));
  await signInHeading(page).waitFor();
  expect(await page.title()).toBe('Sign in · Planboard');
  for (const heading of ['Admins', 'Managers', 'Business unit leaders', 'Contributors']) {
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
  }
  await page.getByRole('button', { name: USERS.nora.upn }).waitFor();
  expect(await page.locator('button[data-upn]').count()).toBe(20);
  // Each account says what it is: its role (the group) and its business unit.
  expect(await page.getByRole('button', { name: USERS.nora.upn }).textContent()).toContain('Sales North');
  await page.getByRole('button', { name: 'Use another account' }).waitFor();
  // Nothing of the shell is rendered before sign-in.
  expect(await page.getByRole('navigation').count()).toBe(0);
  await axeCheck(page, 'sign-in (light)');
  await screenshot(page, 'light-sign-in');

  await page.goto(tabUrl('/budget', { theme: 'dark' }));
  await page.getByRole('button', { name: USERS.nora.upn }).waitFor();
  await axeCheck(page, 'sign-in (dark)');
  await screenshot(page, 'dark-sign-in');
  expectNoConsoleErrors(tp);
});

test('a BU leader sees only her business unit and no admin pages; admin deep links explain why', async () => {
  // One account picker: the tab's. The provider signs the picked account in without showing its own.
  const shown: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) shown.push(frame.url());
  });
  await signInAs(page, USERS.nora.upn);
  expect(shown.filter((url) => new URL(url).pathname.startsWith('/interaction/'))).toEqual([]);
  await page.getByRole('heading', { level: 1, name: 'Budget' }).waitFor();
  await page.getByTestId('user-role').filter({ hasText: 'BU leader · Sales North' }).waitFor();
  await page.getByRole('button', { name: 'Nora Lindqvist BU leader · Sales North' }).waitFor();

  await page.getByTestId('scope-picker').waitFor();
  expect(await unitNames()).toEqual([expect.stringContaining('Sales North')]);
  const northCard = page.getByRole('radio', { name: 'Sales North' });
  expect(await northCard.getAttribute('aria-checked')).toBe('true');
  expect(await northCard.textContent()).toContain('Approve');
  expect(await northCard.textContent()).toContain('Oslo Central');
  for (const other of BUSINESS_UNITS.slice(1)) expect(await page.getByRole('radio', { name: other }).count()).toBe(0);

  expect(await nav().getByRole('link').allTextContents()).toEqual(['Budget', 'KPIs', 'Reports', 'Stores', 'Training']);
  expect(await page.getByText('Administration').count()).toBe(0);
  await axeCheck(page, 'budget as Nora (light)');
  await screenshot(page, 'light-budget-nora');

  for (const route of ['/access', '/operations']) {
    await page.goto(tabUrl(route));
    await page.getByRole('heading', { name: "You don't have access to this page" }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  }
  await page.getByRole('link', { name: 'Go to Budget' }).click();
  await page.getByTestId('scope-picker').waitFor();

  await page.goto(tabUrl('/budget', { theme: 'dark' }));
  await page.getByRole('radio', { name: 'Sales North' }).waitFor();
  await axeCheck(page, 'budget as Nora (dark)');
  await screenshot(page, 'dark-budget-nora');
  expectNoConsoleErrors(tp);
});

test('returns to the page and theme the sign-in started from', async () => {
  await signInAs(page, USERS.nora.upn, { route: '/training', query: { theme: 'dark' } });
  await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
  expect(new URL(page.url()).hash).toBe('#/training');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expectNoConsoleErrors(tp);
});

test('sign out ends the session at the provider and returns to the sign-in screen', async () => {
  await signInAs(page, USERS.nora.upn);
  await signOut(page);
  await notice().filter({ hasText: 'You signed out' }).waitFor();
  expect(await storedTokens(page)).toBeNull();
  await page.reload();
  await signInHeading(page).waitFor();
  expect(await page.getByTestId('user-menu').count()).toBe(0);
  expectNoConsoleErrors(tp);
});

test('cancelling on the provider page comes back with a friendly notice', async () => {
  await page.goto(tabUrl('/budget'));
  // "Use another account": no hint, so the provider shows its own account picker.
  await page.getByRole('button', { name: 'Use another account' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/interaction/'));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await notice().filter({ hasText: 'Sign-in was cancelled' }).waitFor();
  expect(await storedTokens(page)).toBeNull();
  expectNoConsoleErrors(tp);
});

test('renews the access token before it expires, rotating the refresh token', async () => {
  await signInAs(page, USERS.nora.upn);
  const before = await storedTokens(page);
  expect(before?.refreshToken).toBeTruthy();
  expect(before?.account.upn).toBe(USERS.nora.upn);
  // Pretend the token is about to expire, then reload: the tab renews it before calling the API.
  await page.evaluate(() => {
    const tokens = JSON.parse(window.sessionStorage.getItem('planboard.auth.tokens') ?? '{}') as { expiresAt: number };
    tokens.expiresAt = Date.now() + 20_000;
    window.sessionStorage.setItem('planboard.auth.tokens', JSON.stringify(tokens));
  });
  await page.reload();
  await page.getByTestId('user-role').filter({ hasText: 'BU leader' }).waitFor();
  const after = await storedTokens(page);
  expect(after?.accessToken).not.toBe(before?.accessToken);
  expect(after?.refreshToken).not.toBe(before?.refreshToken);
  expect(after!.expiresAt).toBeGreaterThan(Date.now() + 30 * 60_000);
  expectNoConsoleErrors(tp);
});

test('a 401 from the API renews the token once and retries the request', async () => {
  await signInAs(page, USERS.nora.upn);
  const before = await storedTokens(page);
  let refused = 0;
  await page.route('**/api/me', async (route) => {
    if (refused++ > 0) return route.continue();
    await route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'Unauthorized', message: 'The token has expired.' } }),
    });
  });
  await page.reload();
  await page.getByTestId('user-role').filter({ hasText: 'BU leader' }).waitFor();
  expect(refused).toBe(2);
  expect((await storedTokens(page))?.accessToken).not.toBe(before?.accessToken);
  expectNoConsoleErrors(tp, expected401);
});

test('when the API keeps refusing the token, the sign-in screen says why', async () => {
  await signInAs(page, USERS.nora.upn);
  await page.route('**/api/me', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'Unauthorized', message: 'The token was revoked.' } }),
    }),
  );
  await page.reload();
  await notice().filter({ hasText: 'Please sign in again' }).waitFor();
  expect(await notice().textContent()).toContain('The token was revoked.');
  expect(await storedTokens(page)).toBeNull();
  expectNoConsoleErrors(tp, expected401);
});
