/**
 * Power BI consent in a plain browser: while the identity provider withholds Grace's consent, the
 * budget grid loads without actuals and offers "Grant permission"; that sends the page to the
 * provider with `prompt=consent` for the Power BI scope and back, and then the actuals are there.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';
import { upnOf, waitForGrid } from './support/budget';
import { signInAs } from './support/sign-in';
import { e2eStack } from './support/stack';

const grace = upnOf('grace.kim');
const powerBiScope = 'https://analysis.windows.net/powerbi/api/Dataset.Read.All';

async function setConsent(consented: boolean): Promise<void> {
  const response = await fetch(`${e2eStack().urls.identityBrowser ?? ''}/_emulator/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: grace, consented }),
  });
  expect(response.status).toBe(200);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await setConsent(false);
});
afterAll(async () => {
  await setConsent(true);
  await browser?.close();
});

it('without consent the actuals bar offers Grant permission, which asks with prompt=consent, and then the actuals load', async () => {
  const { page } = await openPage(browser);
  await signInAs(page, grace);
  await waitForGrid(page);
  const grant = page.getByTestId('grant-consent');
  await grant.waitFor();
  await page.getByText('Planboard needs your permission to read the actuals from Power BI for you.').waitFor();

  const authorize = page.waitForRequest((request) => new URL(request.url()).pathname.endsWith('/authorize'));
  await grant.click();
  const sent = new URL((await authorize).url());
  expect(sent.searchParams.get('prompt')).toBe('consent');
  expect(sent.searchParams.get('login_hint')).toBe(grace);
  expect(sent.searchParams.get('scope')?.split(' ')).toContain(powerBiScope);

  // prompt=consent is the user consenting (the provider records it, as Entra does); consent-end.html
  // brings the page back to where it was, still signed in, and the grid loads with its actuals.
  expect(sent.searchParams.get('redirect_uri')).toMatch(/\/consent-end\.html$/);
  const tab = new URL(e2eStack().urls.tab).origin;
  await page.waitForURL((url) => url.origin === tab && !url.pathname.endsWith('/consent-end.html'));
  await page.getByTestId('user-menu').waitFor();
  await waitForGrid(page);
  await page.getByTestId('grant-consent').waitFor({ state: 'detached' });
  expect(await page.getByText('Actuals unavailable').count()).toBe(0);
});
