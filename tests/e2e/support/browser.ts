import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { e2eStack } from './stack';

/** Debian's Chromium: Playwright cannot download its own browsers here. */
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '../screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface ConsoleEntry {
  type: string;
  text: string;
  /** URL the message is attributed to (for "Failed to load resource", the resource). */
  url: string;
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  consoleErrors: ConsoleEntry[];
  pageErrors: Error[];
}

/** A fresh context + page that records console errors and uncaught page errors. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const consoleErrors: ConsoleEntry[] = [];
  const pageErrors: Error[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push({ type: msg.type(), text: msg.text(), url: msg.location().url });
  });
  page.on('pageerror', (err) => pageErrors.push(err));
  return { context, page, consoleErrors, pageErrors };
}

/**
 * Without the stack (E2E_TAB_URL against plain `vite preview`), the /api proxy answers 5xx and
 * Chromium logs "Failed to load resource" for /api/health: that one message is expected there.
 */
export function isExpectedWithoutApi(entry: ConsoleEntry): boolean {
  return (
    e2eStack().mode === 'external' &&
    /^Failed to load resource: (the server responded with a status of 5\d\d|net::ERR_)/.test(entry.text) &&
    /\/api\/health(\/|\?|$)/.test(entry.url)
  );
}

/**
 * The local identity provider's sign-in page (not ours) has no favicon; Chromium logs that 404.
 * Only that exact resource on the provider's origin is allowed.
 */
export function isProviderFavicon(entry: ConsoleEntry): boolean {
  const provider = e2eStack().urls.identityBrowser;
  return (
    !!provider &&
    /^Failed to load resource: the server responded with a status of 404/.test(entry.text) &&
    entry.url === `${new URL(provider).origin}/favicon.ico`
  );
}

/** What every test tolerates: nothing of ours. */
export const expectedNoise = (entry: ConsoleEntry): boolean => isExpectedWithoutApi(entry) || isProviderFavicon(entry);

export function expectNoConsoleErrors(tp: TestPage, allow: (e: ConsoleEntry) => boolean = expectedNoise): void {
  const unexpected = tp.consoleErrors.filter((e) => !allow(e));
  const lines = [
    ...unexpected.map((e) => `console.error: ${e.text}${e.url ? ` (${e.url})` : ''}`),
    ...tp.pageErrors.map((e) => `page error: ${e.stack ?? e.message}`),
  ];
  expect(lines).toEqual([]);
}

/** Runs axe (WCAG 2.x A/AA + best practices) and fails on serious or critical violations. */
export async function axeCheck(page: Page, label = page.url()): Promise<void> {
  // Colours are checked once transitions have ended (a button fading in is not a contrast defect);
  // endless animations (spinners) are left out of the wait.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page })
    // Tabster's focus sentinels (<i data-tabster-dummy tabindex=0 aria-hidden>, used by Fluent's
    // arrow-key groups) redirect focus instantly; axe's aria-hidden-focus rule misreads them.
    .exclude('[data-tabster-dummy]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking.map(
    (v) =>
      `[${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n    ')}`,
  );
  if (report.length) throw new Error(`axe violations on ${label}:\n  ${report.join('\n  ')}`);
}

/** Full-page PNG in tests/e2e/screenshots/<name>.png (gitignored). Returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Parses a CSS `rgb(a)` colour and returns its relative luminance (0 = black, 1 = white). */
export function luminance(cssColor: string): number {
  const m = cssColor.match(/rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/);
  if (!m) throw new Error(`not an rgb colour: ${cssColor}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
