import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { chromiumEmbedFlags } from '../../../emulators/stack/src/powerbi';
import { CHROMIUM_PATH } from './browser';
import { e2eStack } from './stack';

/** The sample tenant's Prod reports (emulators/powerbi sampleIds; the API's local defaults). */
export const REPORTS = {
  budget: 'fd52122f-ccc3-5e3d-88d9-971d7dd2eb78',
  stores: '7ab8150e-0535-5d33-8439-914467468d4d',
  kpi: 'f37ff2ed-ba85-5170-b23e-4304b052e009',
} as const;

/** The emulator's certificate, written by the stack under `<local dir>/certs` (global setup started it). */
function emulatorCertificate(): string {
  const localDir = process.env.PLANBOARD_LOCAL_DIR ?? path.resolve(__dirname, '../../../.local');
  return fs.readFileSync(path.join(localDir, 'certs', 'powerbi.pem'), 'utf8');
}

/**
 * Chromium as `launchBrowser()` starts it, plus what the real powerbi-client needs to frame the
 * emulator's embed page: `emulator.powerbi.com` resolves to loopback, and the emulator's
 * certificate (local CA) is accepted by its key pin only — the same flags `npm start` prints.
 */
export function launchReportsBrowser(): Promise<Browser> {
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
      ...chromiumEmbedFlags(emulatorCertificate()),
    ],
  });
}

/** The embedded report's frame (cross-origin: the emulator's HTTPS embed page). */
export const reportFrame = (page: Page): FrameLocator => page.frameLocator('[data-testid="report-container"] iframe');

/** Resolves once the report has rendered (powerbi-client's `rendered` event reached the tab). */
export async function waitForReport(page: Page, timeout = 30_000): Promise<void> {
  await page.locator('[data-testid="report-container"][data-phase="rendered"]').waitFor({ timeout });
  await reportFrame(page).locator('.page').first().waitFor({ timeout });
}

/** The categories of a bar chart in the report (what a person reads next to the bars). */
export function barLabels(page: Page, visual: string): Promise<string[]> {
  return reportFrame(page).locator(`[data-visual="${visual}"] .bar-label`).allTextContents();
}

/** One column of a table visual, by its 1-based position. */
export function tableColumn(page: Page, visual: string, column: number): Promise<string[]> {
  return reportFrame(page).locator(`[data-visual="${visual}"] tbody tr td:nth-child(${column})`).allTextContents();
}

/** The API origin of the e2e stack (for the steps a test drives through the API rather than UI). */
export function apiBase(): string {
  const api = e2eStack().urls.api;
  if (!api) throw new Error('e2e: the API URL is unknown (E2E_TAB_URL without E2E_API_URL)');
  return `${api}/api`;
}

/** Calls the API as a signed-in user (their bearer token from the tab's session). */
export async function callApi<T>(token: string, method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${apiBase()}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
