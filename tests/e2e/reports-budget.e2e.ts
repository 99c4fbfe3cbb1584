/**
 * Budget → Power BI → embedded report, end to end: a BU leader saves and submits a plan, the
 * budget model refresh (triggered by the submit, run by the Power BI emulator from Table Storage)
 * completes, and the embedded report shows the new numbers after a refresh.
 */
import { randomUUID } from 'node:crypto';
import type { BudgetGrid, PlanStatusList } from '@planboard/contracts';
import type { Browser, Page } from 'playwright-core';
import { expectNoConsoleErrors, openPage } from './support/browser';
import { callApi, launchReportsBrowser, REPORTS, reportFrame, waitForReport } from './support/reports';
import { signInAs, storedTokens, USERS } from './support/sign-in';

const omar = 'omar.haddad@contoso.onmicrosoft.com';
const planId = 'fy2027';
const scopeId = 'operations';
const lineId = 'energy.head-office.q1';

let browser: Browser;
beforeAll(async () => {
  browser = await launchReportsBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The budget table's cell for (plan, Operations, Energy), as the report shows it. */
async function energyBudget(page: Page): Promise<string> {
  const row = reportFrame(page)
    .locator('[data-visual="budgetTable"] tbody tr')
    .filter({ has: reportFrame(page).locator('td', { hasText: /^Energy$/ }) })
    .filter({ hasText: planId });
  return (await row.locator('td').nth(3).textContent()) ?? '';
}

const format = (value: number) => new Intl.NumberFormat('en-US').format(value);

async function tokenOf(page: Page): Promise<string> {
  const tokens = await storedTokens(page);
  if (!tokens) throw new Error('no token in the tab session');
  return tokens.accessToken;
}

it('save + submit a plan → the model refresh completes → the embedded report shows the new numbers', async () => {
  const tp = await openPage(browser);
  const { page } = tp;
  let token = '';
  let original: { value: number | null; rev: number } | undefined;
  try {
    await signInAs(page, omar, { route: `/reports/${REPORTS.budget}` });
    await waitForReport(page);
    token = await tokenOf(page);

    // Save one cell through the API (the grid UI belongs to the budget page), then submit.
    const grid = await callApi<BudgetGrid>(token, 'GET', `/budget/${planId}/${scopeId}`);
    expect(grid.status).toBe(200);
    expect(grid.body.state.status).toBe('draft');
    const line = grid.body.lines.find((candidate) => candidate.lineId === lineId);
    if (!line) throw new Error(`line ${lineId} missing`);
    original = { value: line.budgetAmount, rev: line.rev };
    const next = (line.budgetAmount ?? 0) + 123_000;
    const saved = await callApi(token, 'PATCH', `/budget/${planId}/${scopeId}`, {
      idempotencyKey: randomUUID(),
      action: 'edit',
      edits: [{ lineId, field: 'budgetAmount', value: next, baseRev: line.rev }],
    });
    expect(saved.status).toBe(200);
    const energy = grid.body.lines.filter((candidate) => candidate.category === 'Energy');
    const expected = energy.reduce((sum, candidate) => sum + (candidate.budgetAmount ?? 0), 0) - (line.budgetAmount ?? 0) + next;
    expect(await energyBudget(page)).not.toBe(format(expected));

    expect((await callApi(token, 'POST', `/budget/${planId}/${scopeId}/submit`)).status).toBe(200);
    // The emulator runs the Prod budget refresh in 20 s; the API follows it when asked for the status.
    const deadline = Date.now() + 90_000;
    let status = '';
    while (Date.now() < deadline && status !== 'live') {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const list = await callApi<PlanStatusList>(token, 'GET', `/budget/${planId}/status`);
      status = list.body.units.find((unit) => unit.scopeId === scopeId)?.state.status ?? '';
      expect(status).not.toBe('failed');
    }
    expect(status).toBe('live');

    // The person refreshes the open report and sees the submitted number.
    await page.getByRole('button', { name: 'Refresh' }).click();
    const deadlineShown = Date.now() + 15_000;
    while (Date.now() < deadlineShown && (await energyBudget(page)) !== format(expected)) await page.waitForTimeout(250);
    expect(await energyBudget(page)).toBe(format(expected));
    expectNoConsoleErrors(tp);
  } finally {
    await tp.context.close();
    if (original) await restore(original);
  }
}, 150_000);

/** Puts the plan back as it was (an admin unlocks it, the leader restores the cell) for other suites. */
async function restore(original: { value: number | null; rev: number }): Promise<void> {
  const admin = await openPage(browser);
  try {
    await signInAs(admin.page, USERS.alex.upn, { route: '/reports' });
    const unlocked = await callApi(await tokenOf(admin.page), 'POST', `/budget/${planId}/${scopeId}/unlock`, {
      reason: 'e2e: reports test cleanup',
    });
    expect(unlocked.status).toBe(200);
  } finally {
    await admin.context.close();
  }
  const leader = await openPage(browser);
  try {
    await signInAs(leader.page, omar, { route: '/reports' });
    const token = await tokenOf(leader.page);
    const grid = await callApi<BudgetGrid>(token, 'GET', `/budget/${planId}/${scopeId}`);
    const line = grid.body.lines.find((candidate) => candidate.lineId === lineId);
    const restored = await callApi(token, 'PATCH', `/budget/${planId}/${scopeId}`, {
      idempotencyKey: randomUUID(),
      action: 'edit',
      edits: [{ lineId, field: 'budgetAmount', value: original.value, baseRev: line?.rev ?? original.rev }],
    });
    expect(restored.status).toBe(200);
  } finally {
    await leader.context.close();
  }
}
