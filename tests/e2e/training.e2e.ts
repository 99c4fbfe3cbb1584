import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeCheck, expectNoConsoleErrors, launchBrowser, openPage, screenshot, type TestPage } from './support/browser';
import { signInAs, USERS } from './support/sign-in';

/**
 * Training across two browsers: a learner has the Training page open while an admin adds a
 * recording to day 5 and unlocks it; the learner sees day 5 appear without reloading, opens it,
 * marks the recording watched, and the admin's progress matrix shows it.
 */
let browser: Browser;
let learner: TestPage;
let admin: TestPage;

/** The video hosts stay offline: their players are answered with a blank page (no third-party request leaves the test). */
async function offlinePlayers(context: BrowserContext): Promise<void> {
  const blank = { status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title>' };
  await context.route(/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//, (route) => route.fulfill(blank));
}

beforeAll(async () => {
  browser = await launchBrowser();
  [learner, admin] = await Promise.all([openPage(browser), openPage(browser)]);
  await Promise.all([offlinePlayers(learner.context), offlinePlayers(admin.context)]);
});
afterAll(async () => {
  await learner?.context.close();
  await admin?.context.close();
  await browser?.close();
});

const dayButton = (page: Page, day: number) =>
  page.getByRole('list', { name: 'Training days' }).getByRole('button', { name: new RegExp(`^Day ${day}: `) });

test('an admin unlocks day 5 while a learner watches the page; the learner completes it; the matrix shows it', async () => {
  const l = learner.page;
  const a = admin.page;
  await signInAs(l, USERS.kenji.upn, { route: '/training' });
  await l.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
  await dayButton(l, 1).waitFor();
  // Locked days are "coming", without their titles.
  await l.getByText('Day 5 · coming soon').waitFor();
  expect(await l.getByText('Visuals that answer questions').count()).toBe(0);
  await axeCheck(l, '#/training (learner)');
  await screenshot(l, 'light-training-learner');

  await signInAs(a, USERS.alex.upn, { route: '/training/5' });
  await a.getByRole('heading', { level: 2, name: 'Day 5: Visuals that answer questions' }).waitFor();
  await a.getByRole('button', { name: 'Add recording' }).click();
  const add = a.getByRole('dialog', { name: 'Add a recording to day 5' });
  await add.getByRole('textbox', { name: 'Title' }).fill('Visuals live session');
  const link = add.getByRole('textbox', { name: /^Link/ });
  await link.fill('http://www.youtube.com/watch?v=dQw4w9WgXcQ');
  await add.getByText('Only https links are accepted (this one is http).').waitFor();
  await link.fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  await add.getByText('A YouTube video.').waitFor();
  expect(await add.locator('iframe').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
  await axeCheck(a, 'add recording dialog');
  await add.getByRole('button', { name: 'Add recording' }).click();
  await add.waitFor({ state: 'hidden' });
  await a.getByRole('list', { name: 'Recordings of this day' }).getByText('Visuals live session').waitFor();

  await a.getByRole('button', { name: 'Unlock day' }).click();
  const confirm = a.getByRole('dialog', { name: 'Unlock day 5?' });
  await confirm.getByText(/everyone subscribed to training gets a card in Teams/).waitFor();
  await confirm.getByRole('button', { name: 'Unlock and notify learners' }).click();
  await confirm.waitFor({ state: 'hidden' });
  await a.getByRole('button', { name: 'Lock day' }).waitFor();

  // The learner's page polls: day 5 appears without a reload.
  await dayButton(l, 5).waitFor({ timeout: 20_000 });
  await dayButton(l, 5).click();
  await l.getByRole('heading', { level: 2, name: 'Day 5: Visuals that answer questions' }).waitFor();
  expect(l.url()).toMatch(/#\/training\/5$/);
  expect(await l.locator('iframe[title="Recording: Visuals live session"]').getAttribute('src')).toMatch(
    /^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ\?enablejsapi=1&origin=/,
  );
  await l.getByRole('link', { name: /Open “Visuals live session” in YouTube/ }).waitFor();
  await l.getByRole('button', { name: 'Mark as watched' }).click();
  await l.getByRole('button', { name: 'Watched' }).waitFor();
  await l.getByRole('status').filter({ hasText: 'Your progress: 50 % done' }).waitFor();
  await axeCheck(l, '#/training/5 (learner)');
  await screenshot(l, 'light-training-day');

  await a.getByRole('tab', { name: 'Everyone’s progress' }).click();
  const heat = a.getByRole('table', { name: 'Completion heat map by learner and day' });
  await heat.getByRole('cell', { name: 'Kenji Sato, day 5: 50 % done' }).waitFor({ timeout: 20_000 });
  await axeCheck(a, 'progress heat map');
  await screenshot(a, 'light-training-matrix');
  await a.getByRole('tab', { name: 'Table' }).click();
  await a
    .getByRole('table', { name: 'Completion by learner and day' })
    .getByRole('cell', { name: 'Kenji Sato, day 5: 50 % done' })
    .waitFor();
  // Find one learner, then everyone who has not started.
  const table = a.getByRole('table', { name: 'Completion by learner and day' });
  const learnerRows = () => table.getByRole('row').filter({ has: a.getByRole('cell', { name: /, day 1: / }) });
  await a.getByRole('searchbox').fill('kenji');
  await a
    .getByRole('status')
    .filter({ hasText: /^1 of \d+ learners\./ })
    .waitFor();
  expect(await learnerRows().count()).toBe(1);
  await a.getByRole('searchbox').fill('');
  await a.getByRole('combobox', { name: 'Show' }).click();
  await a.getByRole('option', { name: 'Not started' }).click();
  await a
    .getByRole('status')
    .filter({ hasText: /^\d+ of \d+ learners\./ })
    .waitFor();
  const notStarted = await table.getByRole('cell', { name: /, day 1: Not started$/ }).count();
  expect(notStarted).toBeGreaterThan(0);
  expect(await learnerRows().count()).toBe(notStarted);
  await axeCheck(a, 'progress matrix, filtered');

  await a.getByRole('button', { name: 'History' }).click();
  const history = a.getByRole('dialog', { name: 'Training history' });
  await history.getByText('Unlocked day 5 (learners notified)').waitFor();
  await history.getByText('Added recording “Visuals live session” (youtube) to day 5').waitFor();
  await axeCheck(a, 'training history');
  expectNoConsoleErrors(learner);
  expectNoConsoleErrors(admin);
});

test('a deep link from the card (#/training?day=N) opens the day; a locked day says it is not open', async () => {
  const tp = await openPage(browser, { colorScheme: 'dark' });
  try {
    await offlinePlayers(tp.context);
    await signInAs(tp.page, USERS.nora.upn, { route: '/training', query: { theme: 'dark' } });
    await tp.page.goto(tp.page.url().replace(/#.*$/, '#/training?day=2'));
    await tp.page.getByRole('heading', { level: 2, name: 'Day 2: Getting data with Power Query' }).waitFor();
    await axeCheck(tp.page, '#/training?day=2 (dark)');
    await screenshot(tp.page, 'dark-training-day');
    await tp.page.goto(tp.page.url().replace(/#.*$/, '#/training/9'));
    await tp.page.getByText('Day 9 is not open yet').waitFor();
    expectNoConsoleErrors(tp);
  } finally {
    await tp.context.close();
  }
});

test('in high contrast the programme, a day and the progress heat map read well (axe clean, screenshots)', async () => {
  const tp = await openPage(browser);
  try {
    await offlinePlayers(tp.context);
    await signInAs(tp.page, USERS.alex.upn, { route: '/training', query: { theme: 'contrast' } });
    const { page } = tp;
    await dayButton(page, 1).waitFor();
    await screenshot(page, 'contrast-training-programme');
    await axeCheck(page, '#/training (contrast)');
    await dayButton(page, 2).click();
    await page.getByRole('heading', { level: 2, name: 'Day 2: Getting data with Power Query' }).waitFor();
    await screenshot(page, 'contrast-training-day');
    await axeCheck(page, '#/training/2 (contrast)');
    await page.getByRole('tab', { name: 'Everyone’s progress' }).click();
    const heat = page.getByRole('table', { name: 'Completion heat map by learner and day' });
    await heat.getByRole('cell', { name: /^Kenji Sato, day 1: / }).waitFor();
    // Completion is written in each cell, not said by colour alone (high contrast has one colour).
    expect(await heat.getByRole('cell', { name: /^Kenji Sato, day 1: / }).textContent()).toMatch(/^\d+$/);
    await screenshot(page, 'contrast-training-matrix');
    await axeCheck(page, 'progress heat map (contrast)');
    expectNoConsoleErrors(tp);
  } finally {
    await tp.context.close();
  }
});

/**
 * A stand-in for YouTube's player page (served at its real origin by the test's route): it answers
 * the IFrame API's `listening` handshake with `infoDelivery` positions, as the real player does
 * while a video plays; the test moves it on with `play(seconds)`.
 */
const fakeYouTubePlayer = `<!doctype html><title>player</title><script>
  let listening = false;
  window.play = (seconds) => parent.postMessage(JSON.stringify({ event: 'infoDelivery', info: { currentTime: seconds, duration: 3120, playerState: 1 } }), '*');
  addEventListener('message', (event) => {
    try { if (JSON.parse(event.data).event === 'listening') listening = true; } catch {}
    window.listening = listening;
  });
</script>`;

test('the player reports how far the learner watched; at 90 % the recording counts as watched', async () => {
  const tp = await openPage(browser);
  try {
    await tp.context.route(/^https:\/\/www\.youtube-nocookie\.com\/embed\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: fakeYouTubePlayer }),
    );
    await tp.context.route(/^https:\/\/player\.vimeo\.com\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '' }),
    );
    // Omar has not started the programme in the sample tenant.
    await signInAs(tp.page, 'omar.haddad@contoso.onmicrosoft.com', { route: '/training/1' });
    await tp.page.getByRole('heading', { level: 2, name: /^Day 1: / }).waitFor();
    const player = tp.page.locator('iframe[title="Recording: Kick-off session"]');
    // The page switched the player's message API on and subscribed.
    expect(await player.getAttribute('src')).toMatch(/[?&]enablejsapi=1/);
    const frame = (await (await player.elementHandle())!.contentFrame())!;
    await frame.waitForFunction(() => (window as unknown as { listening?: boolean }).listening === true);
    await frame.evaluate(() => (window as unknown as { play: (s: number) => void }).play(125));
    await tp.page.getByRole('status').filter({ hasText: 'recording watched up to 2 min' }).waitFor();
    await frame.evaluate(() => (window as unknown as { play: (s: number) => void }).play(2900));
    await tp.page.getByRole('button', { name: 'Watched' }).waitFor();
    // Stored: a reload shows the same.
    await tp.page.reload();
    await tp.page.getByRole('button', { name: 'Watched' }).waitFor();
    expectNoConsoleErrors(tp);
  } finally {
    await tp.context.close();
  }
});
