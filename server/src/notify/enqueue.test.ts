import { notificationsPoisonQueue, notificationsQueue, type Notification } from '@planboard/contracts';
import { startAzurite, type RunningAzurite } from '../../../emulators/stack/src/azurite';
import { freePort } from '../../../emulators/stack/src/ports';
import { enqueueNotification } from './enqueue';
import { poisonReport } from './poison';
import { encodeMessage, queueClient } from './queue';

/** The producer side of the notifications queue, against its own Azurite (nothing else reads it). */
let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
}, 30_000);
afterAll(() => azurite?.stop(), 30_000);

const unlocked: Notification = {
  kind: 'planUnlocked',
  id: 'planUnlocked:fy2027:sales-north:2026-03-06T09:00:00.000Z',
  version: 1,
  createdAt: '2026-03-06T09:00:00.000Z',
  planId: 'fy2027',
  scopeId: 'sales-north',
  scopeName: 'Sales North',
  by: { name: 'Alex Morgan', upn: 'alex.morgan@contoso.onmicrosoft.com' },
  reason: 'Q3 needs another pass',
  at: '2026-03-06T09:00:00.000Z',
};

describe('enqueueNotification', () => {
  it('creates the queue and sends base64 JSON, as the Functions queue trigger reads it', async () => {
    await enqueueNotification(azurite.connectionString, unlocked);
    const { receivedMessageItems } = await queueClient(azurite.connectionString, notificationsQueue).receiveMessages();
    expect(receivedMessageItems).toHaveLength(1);
    const text = receivedMessageItems[0]?.messageText ?? '';
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(Buffer.from(text, 'base64').toString('utf8'))).toEqual(unlocked);
  });

  it('refuses a message that breaks the contract, so it never reaches the bot', async () => {
    const broken = { ...unlocked, version: 2 } as unknown as Notification;
    await expect(enqueueNotification(azurite.connectionString, broken)).rejects.toThrow();
    await expect(enqueueNotification(azurite.connectionString, { ...unlocked, reason: 'x'.repeat(5000) })).rejects.toThrow();
  });
});

describe('poisonReport', () => {
  it('counts and summarises undelivered messages, whatever they contain', async () => {
    const poison = queueClient(azurite.connectionString, notificationsPoisonQueue);
    await poison.createIfNotExists();
    await poison.sendMessage(encodeMessage(unlocked));
    await poison.sendMessage('not base64 json at all');
    const report = await poisonReport(azurite.connectionString);
    expect(report.count).toBe(2);
    expect(report.messages[0]).toMatchObject({ kind: 'planUnlocked', notificationId: unlocked.id, summary: 'planUnlocked: Sales North' });
    expect(report.messages[1]).toMatchObject({ summary: 'not a notification (undecodable)' });
  });
});
