import { trainingDayChangeSchema, trainingDayUnlockedSchema, type Notification } from '@planboard/contracts';
import { sampleTenantId } from '../../server/src/sample/directory';
import { unlockChange } from '../../api/src/training/changes';
import { TrainingStore } from '../../server/src/training/store';
import { deliverNotification } from '../../bot/src/delivery/deliver';
import { replyText, startBotHarness, type BotHarness } from '../../bot/src/test-support/harness';
import { drainNotifications } from './support/kpis';
import { trainingSuite } from './support/training';

/**
 * Unlocking a day over HTTP: exactly one `trainingDayUnlocked` message on the queue however often
 * or concurrently it is asked for, and that message through the bot's own delivery path posts one
 * card per conversation subscribed to training (`subscribe training`), even when delivered twice.
 */
const { storage, call, audit } = trainingSuite();
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
}, 90_000);
afterAll(() => bot?.stop(), 30_000);

const trainingCards = () =>
  bot.messenger.sent.filter((item) => item.message.kind === 'card' && item.message.summary?.startsWith('Training day'));

async function unlock(day: number) {
  const response = await call('Alex Morgan', `/training/days/${day}/unlock`, { method: 'POST' });
  expect(response.status).toBe(200);
  return trainingDayChangeSchema.parse(await response.json());
}

describe('unlocking a day', () => {
  let notification: Notification | undefined;

  it('enqueues one notification; unlocking again changes nothing and sends nothing', async () => {
    await drainNotifications(storage());
    expect((await call('Erik Hansen', '/training/days/5')).status).toBe(404);
    const first = await unlock(5);
    expect(first).toMatchObject({ changed: true, day: { dayNumber: 5, unlocked: true, unlock: { by: { name: 'Alex Morgan' } } } });
    const queued = await drainNotifications(storage());
    expect(queued).toHaveLength(1);
    notification = trainingDayUnlockedSchema.parse(queued[0]);
    expect(notification).toMatchObject({
      kind: 'trainingDayUnlocked',
      dayNumber: 5,
      title: 'Visuals that answer questions',
      by: { name: 'Alex Morgan' },
    });

    expect((await unlock(5)).changed).toBe(false);
    expect(await drainNotifications(storage())).toEqual([]);
    expect((await audit('?day=5')).filter((entry) => entry.action === 'unlock')).toHaveLength(1);
    expect((await call('Erik Hansen', '/training/days/5')).status).toBe(200);
  });

  it('posts one card per subscribed conversation through the bot, and a duplicate message posts nothing more', async () => {
    if (!notification) throw new Error('the previous test queued no notification');
    const personal = { id: 'a:erik-training', kind: 'personal' as const };
    const channel = { id: '19:training@thread.tacv2', kind: 'channel' as const };
    const reply = replyText((await bot.say('subscribe training', 'Erik Hansen', personal))[0] ?? {});
    expect(reply).toContain('training days unlocked');
    expect(replyText((await bot.say('subscribe training', 'Alex Morgan', channel))[0] ?? {})).toContain('training days unlocked');
    // A learner may not subscribe a channel: only admins do that.
    expect(
      replyText((await bot.say('subscribe training', 'Maja Berg', { id: '19:other@thread.tacv2', kind: 'channel' }))[0] ?? {}),
    ).toMatch(/^Sorry/);

    const report = await deliverNotification(bot.deps, notification);
    expect(report.sent).toBe(2);
    expect((await deliverNotification(bot.deps, notification)).duplicates).toBe(2);
    const cards = trainingCards();
    expect(cards).toHaveLength(2);
    const card = cards[0]!.message;
    if (card.kind !== 'card') throw new Error('not a card');
    expect(card.card.version).toBe('1.5');
    const text = JSON.stringify(card.card);
    expect(text).toContain('Training day 5 is open');
    expect(text).toContain('Visuals that answer questions');
    expect(text).toContain('#/training?day=5');
    expect(text).toContain('Open day');
  });

  it('two admins unlocking at once still send one notification and write one audit entry', async () => {
    await call('Alex Morgan', '/training/days/8/lock', { method: 'POST' });
    await drainNotifications(storage());
    const results = await Promise.all([unlock(8), unlock(8), unlock(8)]);
    expect(results.filter((result) => result.changed)).toHaveLength(1);
    expect(results.every((result) => result.day.unlocked)).toBe(true);
    const queued = await drainNotifications(storage());
    expect(queued.map((message) => message.kind)).toEqual(['trainingDayUnlocked']);
    expect((await audit('?day=8')).filter((entry) => entry.action === 'unlock')).toHaveLength(1);
  });

  it('a notification committed but never queued (a crash in between) goes out with the next admin action', async () => {
    const store = new TrainingStore(storage());
    const day9 = (await store.readProgramme(sampleTenantId)).days.find((day) => day.dayNumber === 9)!;
    const change = unlockChange(
      sampleTenantId,
      day9,
      { name: 'Alex Morgan', upn: 'alex.morgan@contoso.onmicrosoft.com' },
      new Date().toISOString(),
    );
    // The transaction of the unlock, without the send that follows it.
    expect(await store.commit(sampleTenantId, change!)).toBe('ok');
    await drainNotifications(storage());
    expect((await unlock(9)).changed).toBe(false);
    const queued = await drainNotifications(storage());
    expect(queued.map((message) => message.id)).toEqual([change!.outbox!.id]);
    expect(await store.pendingOutbox(sampleTenantId)).toEqual([]);
  });
});
