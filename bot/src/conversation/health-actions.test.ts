import { sampleTenantId } from '@planboard/server';
import { refreshVerbs } from '../cards/refresh-failed';
import { healthVerbs } from '../cards/schedule-health';
import { deliverNotification } from '../delivery/deliver';
import { startBotHarness, type BotHarness } from '../test-support/harness';
import { scheduleAtRisk, scheduleDisabled } from '../test-support/notifications';

/** Schedule-health card buttons (`Action.Execute`) through the TestAdapter, state in Azurite. */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
  await bot.deps.conversations.remember({ key: channel.id, kind: 'channel', tenantId: sampleTenantId, reference: {} });
  await bot.deps.conversations.subscribe({
    topic: 'refresh',
    conversationKey: channel.id,
    kind: 'channel',
    allScopes: true,
    createdBy: 't',
    createdAt: '',
  });
}, 60_000);
afterAll(() => bot?.stop(), 30_000);

const channel = { id: '19:health@thread.tacv2', kind: 'channel' as const };
const shown = (value: unknown): string => JSON.stringify(value);

describe('schedule-health card actions', () => {
  it('posts the third-failure card once; Snooze 24 h stores a snooze detection honours and shows it on every copy', async () => {
    const datasetId = `${bot.catalogPrefix}-budget-prod`;
    const n = scheduleAtRisk({ datasetId, workspaceId: `${bot.catalogPrefix}-ws-Prod` });
    await deliverNotification(bot.deps, n);
    expect((await deliverNotification(bot.deps, n)).duplicates).toBe(1);
    expect(bot.messenger.sent.filter((sent) => shown(sent.message).includes('Refresh schedule at risk'))).toHaveLength(1);
    const response = await bot.click(healthVerbs.snooze, { notificationId: n.id }, 'Priya Raman', channel);
    expect(shown(response.value)).toMatch(/Snoozed by Priya Raman until 7 Mar 2026, 09:00 UTC/);
    expect(shown(response.value)).not.toMatch(/Snooze 24 h/);
    expect(await bot.deps.health.snoozedUntil(datasetId, bot.now.ms)).toMatchObject({
      until: '2026-03-07T09:00:00.000Z',
      by: 'Priya Raman',
    });
    expect(await bot.deps.health.snoozedUntil(datasetId, bot.now.ms + 25 * 60 * 60_000)).toBeUndefined();
    expect(bot.messenger.updated.some((update) => shown(update.message).includes('Snoozed by Priya Raman'))).toBe(true);
  });

  it('Retry refresh on the third-failure card starts the refresh', async () => {
    const n = scheduleAtRisk({ datasetId: `${bot.catalogPrefix}-store-prod`, workspaceId: `${bot.catalogPrefix}-ws-Prod` });
    await deliverNotification(bot.deps, n);
    const response = await bot.click(refreshVerbs.retry, { notificationId: n.id }, 'Priya Raman', channel);
    expect(shown(response.value)).toMatch(/Retried by Priya Raman .* — running…/);
    expect(bot.powerBi.triggered).toContain(n.datasetId);
  });

  it('Re-enable schedule asks first; confirming takes over, enables the schedule and stores it; non-admins are refused', async () => {
    const datasetId = `${bot.catalogPrefix}-budget-test`;
    bot.powerBi.schedules.set(datasetId, { days: ['Monday'], times: ['06:00'], enabled: false, localTimeZoneId: 'UTC' });
    const n = scheduleDisabled({ datasetId, workspaceId: `${bot.catalogPrefix}-ws-Test` });
    await deliverNotification(bot.deps, n);
    const refused = await bot.click(healthVerbs.confirmReenable, { notificationId: n.id }, 'Morgan Lee', channel);
    expect(refused.value).toMatch(/^Sorry, only Planboard admins/);
    const asked = await bot.click(healthVerbs.reenable, { notificationId: n.id }, 'Alex Morgan', channel);
    expect(shown(asked.value)).toMatch(/Re-enable this schedule\?/);
    expect(bot.powerBi.schedules.get(datasetId)?.enabled).toBe(false);
    const cancelled = await bot.click(healthVerbs.cancelReenable, { notificationId: n.id }, 'Alex Morgan', channel);
    expect(shown(cancelled.value)).not.toMatch(/Re-enable this schedule\?/);
    const done = await bot.click(healthVerbs.confirmReenable, { notificationId: n.id }, 'Alex Morgan', channel);
    expect(shown(done.value)).toMatch(/Schedule re-enabled by Alex Morgan .*took the dataset over first/);
    expect(bot.powerBi.tookOver).toContain(datasetId);
    expect(bot.powerBi.schedules.get(datasetId)?.enabled).toBe(true);
    const stored = await bot.deps.catalog.get(datasetId);
    expect(stored?.schedule?.enabled).toBe(true);
    expect(stored?.slotKey).toBeTruthy();
  });
});
