import { sampleTenantId } from '@planboard/server';
import { refreshVerbs } from '../cards/refresh-failed';
import { deliverNotification } from '../delivery/deliver';
import { startBotHarness, type BotHarness } from '../test-support/harness';
import { refreshFailed } from '../test-support/notifications';

/** Card buttons (`Action.Execute` → `adaptiveCard/action` invoke) through the TestAdapter. */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
}, 60_000);
afterAll(() => bot?.stop(), 30_000);

const channel = { id: '19:ops@thread.tacv2', kind: 'channel' as const };

async function postedFailure() {
  const notification = refreshFailed({ datasetId: `${bot.catalogPrefix}-budget-prod`, workspaceId: `${bot.catalogPrefix}-ws-Prod` });
  await bot.deps.conversations.remember({ key: channel.id, kind: 'channel', tenantId: sampleTenantId, reference: {} });
  await bot.deps.conversations.subscribe({
    topic: 'refresh',
    conversationKey: channel.id,
    kind: 'channel',
    allScopes: true,
    createdBy: 't',
    createdAt: '',
  });
  await bot.deps.conversations.remember({ key: 'a:chat', kind: 'personal', tenantId: sampleTenantId, reference: {} });
  await bot.deps.conversations.subscribe({
    topic: 'refresh',
    conversationKey: 'a:chat',
    kind: 'personal',
    allScopes: true,
    createdBy: 't',
    createdAt: '',
  });
  await deliverNotification(bot.deps, notification);
  return notification;
}

describe('Retry refresh and Acknowledge', () => {
  it('retries as an admin: starts the refresh, watches it, and updates every copy to "retried by X, running…"', async () => {
    const notification = await postedFailure();
    const response = await bot.click(refreshVerbs.retry, { notificationId: notification.id }, 'Priya Raman', channel);
    expect(response).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(response.value)).toMatch(/Retried by Priya Raman at 6 Mar 2026, 09:00 UTC — running…/);
    // The Retry button is gone while it runs, so a second click cannot start a second refresh.
    expect(JSON.stringify(response.value)).not.toMatch(/Retry refresh/);
    expect(bot.powerBi.triggered).toEqual([notification.datasetId]);
    expect(await bot.deps.watch.list()).toContainEqual(
      expect.objectContaining({
        datasetId: notification.datasetId,
        retry: expect.objectContaining({ notificationId: notification.id, by: 'Priya Raman' }),
      }),
    );
    const updated = bot.messenger.updated.filter((update) => JSON.stringify(update.message).includes('Retried by Priya Raman'));
    expect(updated.map((update) => update.conversation).sort()).toEqual(['19:ops@thread.tacv2', 'a:chat']);
    await bot.click(refreshVerbs.retry, { notificationId: notification.id }, 'Alex Morgan', channel);
    expect(bot.powerBi.triggered).toHaveLength(1);
  });

  it('refuses non-admins politely and changes nothing', async () => {
    const notification = await postedFailure();
    const before = bot.powerBi.triggered.length;
    const response = await bot.click(refreshVerbs.retry, { notificationId: notification.id }, 'Morgan Lee', channel);
    expect(response).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringMatching(/^Sorry, only Planboard admins/),
    });
    expect(bot.powerBi.triggered).toHaveLength(before);
  });

  it('acknowledges once, for everyone', async () => {
    const notification = await postedFailure();
    const response = await bot.click(refreshVerbs.acknowledge, { notificationId: notification.id }, 'Alex Morgan', channel);
    expect(JSON.stringify(response.value)).toMatch(/Acknowledged by Alex Morgan/);
    expect(JSON.stringify(response.value)).not.toMatch(/"title":"Acknowledge"/);
  });

  it('answers a click on an alert it no longer knows', async () => {
    const response = await bot.click(refreshVerbs.retry, { notificationId: 'refreshFailed:nope:nope' }, 'Alex Morgan', channel);
    expect(response).toMatchObject({ value: 'This alert is no longer available.' });
  });
});
