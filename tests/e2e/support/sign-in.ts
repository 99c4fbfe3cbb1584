import type { Page } from 'playwright-core';
import { e2eStack, tabUrl } from './stack';

/** The sample users the e2e tests sign in as (seeded by the stack; see server/src/sample/directory.ts). */
export const USERS = {
  nora: { name: 'Nora Lindqvist', upn: 'nora.lindqvist@contoso.onmicrosoft.com' },
  alex: { name: 'Alex Morgan', upn: 'alex.morgan@contoso.onmicrosoft.com' },
  kenji: { name: 'Kenji Sato', upn: 'kenji.sato@contoso.onmicrosoft.com' },
} as const;

export const signInHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Sign in' });

/** The identity provider's account picker (its plain-HTTP browser origin). */
export function isProviderPage(url: URL): boolean {
  const origin = e2eStack().urls.identityBrowser;
  return (origin ? url.origin === new URL(origin).origin : true) && url.pathname.startsWith('/interaction/');
}

/**
 * Signs in through the real UI: the tab's sign-in screen (pick the sample user; the one picker:
 * the provider signs the hinted account in without its own), through the provider's redirects,
 * back to the tab. Resolves once the shell shows the user's menu. `route`/`query` say where to
 * open the tab first.
 */
export async function signInAs(page: Page, upn: string, options: { route?: string; query?: Record<string, string> } = {}): Promise<void> {
  await page.goto(tabUrl(options.route ?? '/budget', options.query));
  await signInHeading(page).waitFor();
  await page.getByRole('button', { name: upn }).click();
  const tabOrigin = new URL(e2eStack().urls.tab).origin;
  await page.waitForURL((url) => url.origin === tabOrigin && !url.pathname.endsWith('/auth-end.html'));
  await page.getByTestId('user-menu').waitFor();
  const shown = (await page.getByTestId('user-menu').textContent()) ?? '';
  const name = Object.values(USERS).find((user) => user.upn === upn)?.name;
  if (name && !shown.includes(name)) throw new Error(`Signed in as "${shown}" instead of ${name}`);
}

/** Opens the account menu and signs out; resolves on the sign-in screen. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await signInHeading(page).waitFor();
}

/** The tokens the tab keeps in sessionStorage (see tabs/src/auth/storage.ts). */
export interface StoredTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  expiresAt: number;
  account: { oid: string; name: string; upn: string };
}

export async function storedTokens(page: Page): Promise<StoredTokens | null> {
  const raw = await page.evaluate(() => window.sessionStorage.getItem('planboard.auth.tokens'));
  return raw ? (JSON.parse(raw) as StoredTokens) : null;
}
