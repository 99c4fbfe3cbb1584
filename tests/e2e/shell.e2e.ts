import type { Browser, Page } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, launchBrowser, luminance, openPage, screenshot, type TestPage } from './support/browser';
import { signInAs, USERS } from './support/sign-in';
import { e2eStack, tabUrl } from './support/stack';

/**
 * In nav order: everyone's pages, then the Administration section (admins only: these tests sign
 * in as one). `content` waits for what the page is for, so a placeholder page cannot pass.
 */
interface PageCheck {
  id: string;
  title: string;
  content: (page: Page) => Promise<void>;
}
const PAGES = [
  {
    id: 'budget',
    title: 'Budget',
    content: (page) =>
      page
        .waitForFunction(() => Number(document.querySelector('[data-testid="budget-grid"]')?.getAttribute('data-rows')) > 0)
        .then(() => undefined),
  },
  { id: 'kpis', title: 'KPIs', content: (page) => page.getByTestId('status-counts').first().waitFor() },
  {
    id: 'reports',
    title: 'Reports',
    content: (page) => page.getByTestId('report-card').filter({ hasText: 'Budget Overview' }).waitFor(),
  },
  { id: 'stores', title: 'Stores', content: (page) => page.getByText(/^Store \(\d+ you can see\)$/).waitFor() },
  {
    id: 'training',
    title: 'Training',
    content: (page) =>
      page
        .getByRole('list', { name: 'Training days' })
        .getByRole('button', { name: /^Day 1: / })
        .waitFor(),
  },
  {
    id: 'operations',
    title: 'Operations',
    // The catalog is read on a 6-hour timer: read it here, whatever ran before (tests run in any order).
    content: async (page) => {
      await page.getByRole('button', { name: 'Read catalog now' }).click();
      await page.getByRole('list', { name: 'Environments and modules' }).getByRole('listitem').first().waitFor({ timeout: 60_000 });
    },
  },
  {
    id: 'data',
    title: 'Data',
    content: (page) => page.getByRole('heading', { name: 'Run history' }).waitFor(),
  },
  {
    id: 'access',
    title: 'Access',
    content: (page) => page.getByRole('table', { name: 'Users and their access' }).getByText('Nora Lindqvist').first().waitFor(),
  },
] as const satisfies readonly PageCheck[];

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

const h1 = () => page.getByRole('heading', { level: 1 });
const hash = () => page.evaluate(() => window.location.hash);
const navLink = (title: string) => page.getByRole('navigation', { name: 'Planboard pages' }).getByRole('link', { name: title });

async function expectOnPage(p: (typeof PAGES)[number]) {
  await h1().filter({ hasText: p.title }).waitFor();
  expect(await hash()).toBe(`#/${p.id}`);
  expect(await page.title()).toBe(`${p.title} · Planboard`);
  if (await navLink(p.title).isVisible()) expect(await navLink(p.title).getAttribute('aria-current')).toBe('page');
}

/** Signs in as an admin (who sees every page) through the sign-in screen, landing on `route`. */
const open = (route = '/budget', query: Record<string, string> = {}) => signInAs(page, USERS.alex.upn, { route, query });

/** Waits until the footer's API check has finished (success or failure). */
async function apiSettled() {
  const status = page.getByTestId('api-status');
  await page.waitForFunction(() => !document.querySelector('[data-testid="api-status"]')?.textContent?.includes('Checking'));
  return (await status.textContent()) ?? '';
}

test('loads the shell with landmarks on the default page', async () => {
  await open('');
  await expectOnPage(PAGES[0]);
  for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) {
    expect(await page.getByRole(role).count()).toBeGreaterThanOrEqual(1);
  }
  expect(await page.getByTestId('user-area').isVisible()).toBe(true);
  await expect(page.getByText('Running in a browser').waitFor()).resolves.toBeUndefined();
  const status = await apiSettled();
  if (e2eStack().mode === 'stack') {
    expect(status).toMatch(/^API .+ · v\S+ · up /);
    expect(await page.getByTestId('api-unreachable').count()).toBe(0);
  } else if (status.includes('unreachable')) {
    await page.getByText("Can't reach the Planboard API").waitFor();
  }
  expectNoConsoleErrors(tp);
});

test('navigates to every page by clicking; each passes axe (light)', async () => {
  await open();
  await apiSettled();
  for (const p of PAGES) {
    await navLink(p.title).click();
    await expectOnPage(p);
    await p.content(page);
    await axeCheck(page, `#/${p.id} (light)`);
    await screenshot(page, `light-${p.id}`);
  }
  expectNoConsoleErrors(tp);
});

test('keyboard: skip link, one tab stop into the nav, arrow keys and Enter', async () => {
  await open('/budget');
  await expectOnPage(PAGES[0]);
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => ({ text: document.activeElement?.textContent ?? '', id: document.activeElement?.id ?? '' }));
  expect((await focused()).text).toBe('Skip to main content');
  await page.keyboard.press('Enter');
  expect((await focused()).id).toBe('main');
  expect(await hash()).toBe('#/budget');

  await navLink('Budget').focus();
  for (const p of PAGES.slice(1)) {
    await page.keyboard.press('ArrowDown');
    expect((await focused()).text).toBe(p.title);
    await page.keyboard.press('Enter');
    await expectOnPage(p);
    expect((await focused()).text).toBe(p.title);
  }
  await page.keyboard.press('ArrowDown'); // circular
  expect((await focused()).text).toBe('Budget');

  // The nav is a single tab stop: Shift+Tab from the page lands on one item, the next leaves the nav.
  const inNav = () => page.evaluate(() => document.activeElement?.closest('[role="navigation"]') != null);
  await page.locator('#main').focus();
  await page.keyboard.press('Shift+Tab');
  expect(await inNav()).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await inNav()).toBe(false);
  expectNoConsoleErrors(tp);
});

test('deep link #/reports opens Reports (after sign-in); unknown routes show a not-found page', async () => {
  await open('/reports');
  await expectOnPage(PAGES[2]);
  await page.goto(tabUrl('/nope'));
  await h1().filter({ hasText: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to Budget' }).click();
  await expectOnPage(PAGES[0]);
  expectNoConsoleErrors(tp);
});

test('?theme=dark renders the dark theme and passes axe on every page', async () => {
  await open('/budget', { theme: 'dark' });
  await apiSettled();
  for (const p of PAGES) {
    await navLink(p.title).click();
    await expectOnPage(p);
    await p.content(page);
    const bg = await page.locator('#main').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(luminance(bg)).toBeLessThan(0.05);
    await axeCheck(page, `#/${p.id} (dark)`);
    await screenshot(page, `dark-${p.id}`);
  }
  expect(await hash()).toBe('#/access');
  expect(new URL(page.url()).searchParams.get('theme')).toBe('dark');
  expectNoConsoleErrors(tp);
});

test('follows prefers-color-scheme live when there is no override', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open('/kpis');
  const mainBg = () => page.locator('#main').evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  expect(luminance(await mainBg())).toBeLessThan(0.05);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'default');
  expect(luminance(await mainBg())).toBeGreaterThan(0.8);
  expectNoConsoleErrors(tp);
});

test('?theme=contrast renders the high-contrast theme', async () => {
  await open('/training', { theme: 'contrast' });
  await expectOnPage(PAGES.find((p) => p.id === 'training') ?? PAGES[0]);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast');
  await screenshot(page, 'contrast-training');
  expectNoConsoleErrors(tp);
});

test('narrow screens: the nav is an overlay opened from the header', async () => {
  await page.setViewportSize({ width: 390, height: 780 });
  await open('/budget');
  await expectOnPage(PAGES[0]);
  expect(await navLink('KPIs').isVisible()).toBe(false);
  await screenshot(page, 'narrow-budget');
  await page.getByRole('button', { name: 'Show navigation' }).click();
  await navLink('KPIs').waitFor();
  await axeCheck(page, 'narrow nav open');
  await screenshot(page, 'narrow-nav-open');
  await navLink('KPIs').click();
  await expectOnPage(PAGES[1]);
  await navLink('KPIs').waitFor({ state: 'hidden' });
  expectNoConsoleErrors(tp);
});

test('channel tab config page works outside Teams (no sign-in needed)', async () => {
  await page.goto(tabUrl('/config'));
  await h1().filter({ hasText: 'Choose what this tab shows' }).waitFor();
  await page.getByTestId('config-outside-teams').waitFor();
  expect(await page.getByRole('radio').count()).toBe(PAGES.length);
  await page.getByRole('radio', { name: /^Training/ }).check();
  await page.getByRole('link', { name: 'Open Training' }).waitFor();
  await axeCheck(page, '#/config');
  await screenshot(page, 'light-config');
  expectNoConsoleErrors(tp);
});

test('inside a non-Teams iframe the shell renders at once and gives up on Teams within seconds', async () => {
  // Signed in at top level first: the same-origin frame shares the browser tab's session.
  await open('/budget');
  // teams-js fetches its valid-origins list from a CDN when loaded; keep the test hermetic.
  await tp.context.route('https://res.cdn.office.net/teams-js/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"validOrigins":[]}' }),
  );
  const started = Date.now();
  await page.setContent(
    `<!doctype html><title>host</title><iframe title="Planboard" src="${tabUrl('/kpis')}" style="width:1200px;height:700px;border:0"></iframe>`,
  );
  const frame = page.frameLocator('iframe');
  await frame.getByRole('heading', { level: 1, name: 'KPIs' }).waitFor();
  await frame.getByText('Running in a browser').waitFor({ timeout: 10_000 });
  expect(Date.now() - started).toBeLessThan(15_000);
  expectNoConsoleErrors(tp);
});
