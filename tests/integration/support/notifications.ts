import { QueueClient } from '@azure/storage-queue';
import { notificationSchema, notificationsQueue, type Notification } from '@planboard/contracts';
import { decodeMessage } from '../../../server/src/notify/queue';

/**
 * Takes the notifications matching `wanted` off the shared `notifications` queue, waiting (up to
 * `timeoutMs`) until at least `atLeast` have arrived. Messages of other suites are put back at
 * once (visible again), so suites sharing the queue do not steal each other's.
 */
export async function takeNotifications(
  connectionString: string,
  wanted: (notification: Notification) => boolean,
  { atLeast = 1, timeoutMs = 20_000 } = {},
): Promise<Notification[]> {
  const queue = new QueueClient(connectionString, notificationsQueue);
  await queue.createIfNotExists();
  const taken: Notification[] = [];
  const deadline = Date.now() + timeoutMs;
  while (taken.length < atLeast && Date.now() < deadline) {
    const { receivedMessageItems: batch } = await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 30 });
    for (const item of batch) {
      const notification = notificationSchema.parse(decodeMessage(item.messageText));
      if (wanted(notification)) {
        taken.push(notification);
        await queue.deleteMessage(item.messageId, item.popReceipt);
      } else await queue.updateMessage(item.messageId, item.popReceipt, undefined, 0);
    }
    if (batch.length < 32 && taken.length < atLeast) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return taken;
}
