import type { Browser } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, launchBrowser, openPage, screenshot, type TestPage } from './support/browser';
import { signInAs, USERS } from './support/sign-in';

/**
 * The Data page as an admin uses it: run the pipeline and watch its progress to the report
 * (the seeded OneDrive folder has a workbook with six bad rows), then upload a .csv, see its
 * rows and errors before anything is loaded, load it and see that run's report. Axe-checked.
 */
let browser: Browser;
let admin: TestPage;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await openPage(browser);
});
afterAll(async () => {
  await admin?.context.close();
  await browser?.close();
});

test('an admin runs the pipeline, uploads a file, sees the preview and the run report', async () => {
  const page = admin.page;
  await signInAs(page, USERS.alex.upn, { route: '/data' });
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  await page.getByRole('heading', { name: 'Sources' }).waitFor();

  // Run now: the progress bar and status line follow the run to its end.
  await page.getByRole('button', { name: 'Run now' }).click();
  await page.getByRole('progressbar', { name: 'Pipeline run progress' }).waitFor();
  await page
    .getByTestId('run-progress')
    .filter({ hasText: /^Done:/ })
    .waitFor({ timeout: 90_000 });
  const report = page.getByTestId('run-report');
  await report.getByRole('table', { name: 'Files of this run' }).waitFor();
  await report
    .getByRole('table', { name: 'Rejected rows of this run' })
    .getByText(/not in the store master/)
    .waitFor();
  await report.getByRole('button', { name: 'Download rejected rows (.xlsx)' }).waitFor();
  await page.getByTestId('source-onedrive').getByText('OK').waitFor();
  await axeCheck(page, '#/data report (light)');
  await screenshot(page, 'light-data');

  // Upload: preview first, nothing loaded until "Load".
  const storeNumber = (
    await report.getByRole('table', { name: 'Rejected rows of this run' }).locator('tbody tr').nth(1).locator('td').nth(3).textContent()
  )?.split(' | ')[0];
  expect(storeNumber).toMatch(/^\d{6}$/);
  const csv = [
    'Store ID,Date,Day part,Net sales,Transactions,Labour hours',
    `${storeNumber},2031-05-05,lunch,1200.5,98,12`,
    `${storeNumber},2031-05-05,dinner,1800,130,15`,
    '999999,2031-05-05,lunch,10,1,1',
  ].join('\n');
  await page.getByTestId('upload-input').setInputFiles({ name: 'may-extra.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = page.getByTestId('upload-preview');
  await preview.getByText('may-extra.csv: 3 rows read, 2 can be loaded, 1 rejected.').waitFor();
  await preview.getByRole('table', { name: 'Rows that will be loaded (first rows)' }).getByText('1,200.5').waitFor();
  await preview
    .getByRole('table', { name: 'Rows that will not be loaded' })
    .getByText('Store 999999 is not in the store master.')
    .waitFor();
  await axeCheck(page, '#/data upload preview (light)');

  await preview.getByRole('button', { name: 'Load 2 rows' }).click();
  await preview.getByText('Loading started; the run is shown below.').waitFor();
  await report.getByText(/Upload by alex\.morgan@contoso\.onmicrosoft\.com · Upload: may-extra\.csv/).waitFor();
  await report.getByRole('heading', { name: /— Succeeded$/ }).waitFor({ timeout: 60_000 });
  await report.getByRole('table', { name: 'Files of this run' }).getByRole('cell', { name: 'may-extra.csv' }).waitFor();
  await page.getByRole('table', { name: 'Run history' }).locator('tbody tr').nth(1).waitFor();
  await axeCheck(page, '#/data upload run (light)');
  expectNoConsoleErrors(admin);
}, 180_000);
