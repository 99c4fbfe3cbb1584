import type { AlertTopic } from '@planboard/contracts';
import { sampleTenantId, sampleUsers } from '@planboard/server';
import { startBotHarness, type BotHarness } from '../test-support/harness';
import { kpiOffTrack, planUnlocked, refreshFailed } from '../test-support/notifications';
import type { ConversationInfo } from '../platform/types';
import { deliverNotification, RetryableDeliveryError } from './deliver';

/** Delivery from the queue: fan-out, once per conversation, retries, scope filtering, card updates. */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
}, 60_000);
afterAll(() => bot?.stop(), 30_000);

let n = 0;
/** A stored conversation subscribed to topics, as `subscribe` leaves it. */
async function subscribed(topics: AlertTopic[], options: { kind?: ConversationInfo['kind']; owner?: string } = {}): Promise<string> {
  n += 1;
  const key = `conv-${n}`;
  const kind = options.kind ?? 'channel';
  await bot.deps.conversations.remember({ key, kind, tenantId: sampleTenantId, reference: { conversation: { id: key } } });
  const owner = options.owner ? sampleUsers.find((user) => user.name === options.owner) : undefined;
  for (const topic of topics) {
    await bot.deps.conversations.subscribe({
      topic,
      conversationKey: key,
      kind,
      allScopes: !owner,
      ...(owner ? { owner: { tid: owner.tid, oid: owner.oid } } : {}),
      createdBy: 'test',
      createdAt: new Date().toISOString(),
    });
  }
  return key;
}
const cardsIn = (key: string) => bot.messenger.sentTo(key).filter((message) => message.kind === 'card');

describe('deliverNotification', () => {
  it('posts one card per subscribed conversation, and a duplicate message posts nothing more', async () => {
    const channel = await subscribed(['refresh']);
    const chat = await subscribed(['refresh', 'plans'], { kind: 'personal' });
    const plansOnly = await subscribed(['plans']);
    const notification = refreshFailed();
    const first = await deliverNotification(bot.deps, notification);
    expect(first.sent).toBeGreaterThanOrEqual(2);
    const again = await deliverNotification(bot.deps, notification);
    expect(again.sent).toBe(0);
    expect(again.duplicates).toBe(first.sent);
    expect(cardsIn(channel)).toHaveLength(1);
    expect(cardsIn(chat)).toHaveLength(1);
    expect(cardsIn(plansOnly)).toHaveLength(0);
  });

  it('retries only what failed: a transient error throws (the queue retries), the retry skips conversations already served', async () => {
    const healthy = await subscribed(['refresh']);
    const flaky = await subscribed(['refresh']);
    bot.messenger.failures.set(flaky, [503]);
    const notification = refreshFailed();
    await expect(deliverNotification(bot.deps, notification)).rejects.toBeInstanceOf(RetryableDeliveryError);
    expect(cardsIn(healthy)).toHaveLength(1);
    expect(cardsIn(flaky)).toHaveLength(0);
    const retry = await deliverNotification(bot.deps, notification);
    expect(retry.sent).toBe(1);
    expect(cardsIn(healthy)).toHaveLength(1);
    expect(cardsIn(flaky)).toHaveLength(1);
  });

  it('drops the subscription of a conversation the bot was removed from (403/404) instead of retrying forever', async () => {
    const gone = await subscribed(['refresh']);
    bot.messenger.failures.set(gone, [403]);
    const report = await deliverNotification(bot.deps, refreshFailed());
    expect(report.removed).toBe(1);
    expect((await bot.deps.conversations.subscribers('refresh')).map((s) => s.conversationKey)).not.toContain(gone);
  });

  it('sends plan alerts to personal subscribers only for business units they can read today', async () => {
    const nora = await subscribed(['plans'], { kind: 'personal', owner: 'Nora Lindqvist' }); // Sales North leader
    const fiona = await subscribed(['plans'], { kind: 'personal', owner: 'Fiona Walsh' }); // Finance leader
    const report = await deliverNotification(bot.deps, planUnlocked({ scopeId: 'sales-north', scopeName: 'Sales North' }));
    expect(cardsIn(nora)).toHaveLength(1);
    expect(cardsIn(fiona)).toHaveLength(0);
    expect(report.filtered).toBeGreaterThanOrEqual(1);
  });

  it('posts KPI alerts to conversations subscribed to kpis, personal ones only for departments their owner can read', async () => {
    const channel = await subscribed(['kpis']);
    const plansOnly = await subscribed(['plans', 'refresh']);
    const nora = await subscribed(['kpis'], { kind: 'personal', owner: 'Nora Lindqvist' }); // dept-sales through Sales North
    const fiona = await subscribed(['kpis'], { kind: 'personal', owner: 'Fiona Walsh' }); // dept-finance only
    const notification = kpiOffTrack({ departmentId: 'dept-sales', departmentName: 'Sales' });
    const report = await deliverNotification(bot.deps, notification);
    expect(report.filtered).toBeGreaterThanOrEqual(1);
    expect(cardsIn(channel)).toHaveLength(1);
    expect(cardsIn(nora)).toHaveLength(1);
    expect(cardsIn(fiona)).toHaveLength(0);
    expect(cardsIn(plansOnly)).toHaveLength(0);
    const [posted] = cardsIn(nora);
    expect(posted?.kind === 'card' && posted.summary).toBe('KPI off track: On-time delivery (Sales)');
    expect(posted?.kind === 'card' && posted.card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Open KPIs',
        url: 'https://tab.example.test/index.html#/kpis?department=dept-sales&kpi=on-time-delivery',
      },
    ]);
    // Sent once per conversation: the producer's retry of the same event adds nothing.
    expect((await deliverNotification(bot.deps, notification)).sent).toBe(0);
    expect(cardsIn(nora)).toHaveLength(1);
  });

  it('updates every posted copy of a card when a retry finishes', async () => {
    const a = await subscribed(['refresh']);
    const b = await subscribed(['refresh'], { kind: 'personal' });
    const notification = refreshFailed();
    await deliverNotification(bot.deps, notification);
    await bot.deps.cards.updateState(notification.id, () => ({
      retry: { by: 'Alex Morgan', at: '2026-03-06T09:05:00.000Z', status: 'running' },
    }));
    const before = bot.messenger.updated.length;
    const report = await deliverNotification(bot.deps, {
      kind: 'refreshRetryFinished',
      id: `${notification.id}:outcome`,
      version: 1,
      createdAt: '2026-03-06T09:07:00.000Z',
      notificationId: notification.id,
      datasetId: notification.datasetId,
      status: 'Completed',
      endedAt: '2026-03-06T09:06:30.000Z',
      durationMs: 90_000,
    });
    const updates = bot.messenger.updated.slice(before);
    expect(report.updated).toBe(updates.length);
    expect(updates.map((update) => update.conversation)).toEqual(expect.arrayContaining([a, b]));
    expect(JSON.stringify(updates[0]?.message)).toMatch(
      /Retried by Alex Morgan at 6 Mar 2026, 09:05 UTC — succeeded at 6 Mar 2026, 09:06 UTC \(1 min 30 s\)/,
    );
  });
});
