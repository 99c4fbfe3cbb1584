import type { BudgetGrid, EditableField } from '@planboard/contracts';
import type { Browser, BrowserContextOptions, Locator, Page, Request } from 'playwright-core';
import { expectedNoise, openPage, type ConsoleEntry } from './browser';
import { callApi } from './reports';
import { signInAs, storedTokens } from './sign-in';
import { e2eStack } from './stack';

/** The sample tenant's plan and the Power BI budget model its submit refreshes. */
export const PLAN = 'fy2027';
export const BUDGET_DATASET = 'ff316784-9e50-50e8-a3af-fbcfa7fdb938';

/** The sample tenant's UPN of a user name such as `erik.hansen`. */
export const upnOf = (name: string) => `${name}@contoso.onmicrosoft.com`;

/** Browser context options for the grid tests: the real clipboard (read and write) is allowed. */
export const clipboardContext = (): BrowserContextOptions => ({
  viewport: { width: 1440, height: 1000 },
  permissions: ['clipboard-read', 'clipboard-write'],
});

/** The workspace of the open business unit, its status badge, Save button and notice area. */
export const workspace = (page: Page): Locator => page.getByTestId('budget-workspace');
export const planStatus = (page: Page): Promise<string | null> => workspace(page).getByTestId('plan-status').getAttribute('data-status');
export const saveButton = (page: Page): Locator => page.getByTestId('save');
export const notice = (page: Page): Locator => page.getByTestId('budget-notice');

/** One cell of the grid (rendered: filter the grid first so the line is on screen). */
export const cell = (page: Page, lineId: string, field: EditableField): Locator =>
  page.locator(`revo-grid revogr-data[type="rgRow"] [data-line="${lineId}"][data-field="${field}"]`);

/** Resolves once the grid shows the plan's lines; returns how many. */
export async function waitForGrid(page: Page): Promise<number> {
  const grid = page.getByTestId('budget-grid');
  await grid.waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="budget-grid"]')?.getAttribute('data-rows')) > 0, null, {
    timeout: 30_000,
  });
  return Number(await grid.getAttribute('data-rows'));
}

/** Narrows the grid to lines containing these words (as a person would, with the filter box). */
export async function filterLines(page: Page, words: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Filter lines' }).fill(words);
  // The grid has taken the filter, and painted it (two frames: RevoGrid renders on the next one).
  await page.waitForFunction(
    (wanted) => document.querySelector('[data-testid="budget-grid"]')?.getAttribute('data-filter') === wanted,
    words,
  );
  await nextFrames(page);
}

/** Resolves after the page has painted two more frames (state changes made before are on screen). */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Clicks a cell and waits until the grid has moved keyboard focus to it. */
export async function focusCell(page: Page, lineId: string, field: EditableField): Promise<void> {
  const target = cell(page, lineId, field);
  await target.click();
  const focused = await target.evaluate(
    (element) =>
      new Promise<string>((resolve) => {
        const started = Date.now();
        const check = () => {
          const active = document.activeElement;
          if (active === element) resolve('');
          else if (Date.now() - started > 5000)
            resolve(`${active?.tagName} ${active?.getAttribute('data-line') ?? ''} ${active?.getAttribute('data-field') ?? ''}`);
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
  if (focused) throw new Error(`${lineId} ${field} never got keyboard focus (focus is on ${focused})`);
}

/** Type-to-edit: focus a cell, type over it, Enter. */
export async function typeInCell(page: Page, lineId: string, field: EditableField, text: string): Promise<void> {
  await focusCell(page, lineId, field);
  await page.keyboard.type(text, { delay: 10 });
  await page.keyboard.press('Enter');
  // Enter commits and then moves to the next row a moment later (as Excel does): let it settle.
  await page.locator('revo-grid revogr-edit input').waitFor({ state: 'detached' });
  // Enter commits, then the grid moves focus (to the cell below, or keeps it on the last row): wait until a cell has it.
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'gridcell');
  await nextFrames(page);
}

/** What Excel puts on the clipboard: the TSV written with the real clipboard API, then Ctrl+V in the grid. */
export async function pasteFromExcel(page: Page, tsv: string): Promise<void> {
  await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);
  await page.keyboard.press('Control+V');
}

/** Ctrl+S and wait until nothing is left to save. */
export async function saveAll(page: Page): Promise<void> {
  await page.keyboard.press('Control+S');
  await saveButton(page)
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 15_000 });
}

/** Waits for a cell to show `text` (e.g. a colleague's save arriving by delta sync). */
export async function waitForCellText(page: Page, lineId: string, field: EditableField, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ([line, name, wanted]) =>
      document.querySelector(`revo-grid revogr-data[type="rgRow"] [data-line="${line}"][data-field="${name}"]`)?.textContent === wanted,
    [lineId, field, text] as const,
    { timeout },
  );
}

/** The texts of one column for these lines, once they equal `expected` (the grid repaints on the next frame). */
export async function expectTexts(
  page: Page,
  lineIds: readonly string[],
  field: EditableField,
  expected: readonly (string | null)[],
  timeout = 5000,
): Promise<void> {
  const read = () => Promise.all(lineIds.map((lineId) => cell(page, lineId, field).textContent()));
  const deadline = Date.now() + timeout;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** Waits until a cell shows a state (`local`, `remote`, `invalid`, `conflict`, or null for none). */
export async function waitForCellState(
  page: Page,
  lineId: string,
  field: EditableField,
  state: string | null,
  timeout = 5000,
): Promise<void> {
  await page.waitForFunction(
    ([line, name, wanted]) =>
      document
        .querySelector(`revo-grid revogr-data[type="rgRow"] [data-line="${line}"][data-field="${name}"]`)
        ?.getAttribute('data-state') === wanted,
    [lineId, field, state] as const,
    { timeout },
  );
}

/** The cell edits sent by PATCH requests while `work` runs. */
export async function capturePatches(
  page: Page,
  work: () => Promise<void>,
): Promise<{ action: string; edits: { lineId: string; field: string; value: unknown }[] }[]> {
  const bodies: { action: string; edits: { lineId: string; field: string; value: unknown }[] }[] = [];
  const onRequest = (request: Request) => {
    if (request.method() === 'PATCH' && /\/api\/budget\//.test(request.url())) bodies.push(JSON.parse(request.postData() ?? '{}'));
  };
  page.on('request', onRequest);
  try {
    await work();
  } finally {
    page.off('request', onRequest);
  }
  return bodies;
}

/** Makes the budget model's next refresh short (the sample refresh takes 20 s of emulator time). */
export async function shortNextRefresh(durationMs = 300): Promise<void> {
  const powerbi = e2eStack().urls.powerbi ?? process.env.E2E_POWERBI_URL;
  if (!powerbi) throw new Error('e2e: the Power BI emulator URL is unknown (set E2E_POWERBI_URL with E2E_TAB_URL)');
  const response = await fetch(`${powerbi}/_emulator/datasets/${BUDGET_DATASET}/next-refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ durationMs }),
  });
  if (!response.ok) throw new Error(`next-refresh answered ${response.status}`);
}

/** Records every plan status the page shows until `until` appears (or the timeout). */
export async function statusSequence(page: Page, until: string, timeout = 30_000): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const status = await planStatus(page);
    if (status && seen[seen.length - 1] !== status) seen.push(status);
    if (status === until) return seen;
    await page.waitForTimeout(100);
  }
  throw new Error(`the plan never became ${until}; seen ${seen.join(' → ')}`);
}

/** Console noise a budget test expects besides the usual: Chromium logs the API's 409 for a conflicting save. */
export const conflictNoise = (entry: ConsoleEntry): boolean =>
  expectedNoise(entry) || (/status of 409/.test(entry.text) && /\/api\/budget\//.test(entry.url));

/** Puts a business unit's plan back to draft (an admin unlocks it through the API) if a test left it submitted. */
export async function ensureDraft(browser: Browser, scopeId: string): Promise<void> {
  const admin = await openPage(browser);
  try {
    await signInAs(admin.page, upnOf('alex.morgan'), { route: '/training' });
    const token = (await storedTokens(admin.page))?.accessToken;
    if (!token) throw new Error('e2e: no admin token');
    const grid = await callApi<BudgetGrid>(token, 'GET', `/budget/${PLAN}/${scopeId}`);
    if (grid.body.state.status !== 'draft') {
      const unlocked = await callApi(token, 'POST', `/budget/${PLAN}/${scopeId}/unlock`, { reason: 'e2e: back to draft for other suites' });
      if (unlocked.status !== 200) throw new Error(`e2e: unlock answered ${unlocked.status}`);
    }
  } finally {
    await admin.context.close();
  }
}
