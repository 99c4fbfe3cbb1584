import { app } from '@azure/functions';
import { encodeMessage, ensureQueue, queueClient } from '@planboard/server';
import { notificationSchema, notificationsPoisonQueue, notificationsQueue } from '@planboard/contracts';
import { config } from '../config';
import { deliverNotification } from '../delivery/deliver';
import { botServices, logSink } from '../services';

/**
 * Delivers alert cards from the `notifications` queue. A transient failure throws, so the host
 * retries the message (visibility timeout, host.json) and moves it to `notifications-poison` after
 * the fifth attempt, where `status` and `GET /api/notifications/poison` show it to admins. A message
 * that does not match the contract can never succeed: it goes to the poison queue at once.
 */
app.storageQueue('notifications', {
  queueName: notificationsQueue,
  connection: 'AzureWebJobsStorage',
  handler: async (message, context) => {
    logSink.log = (text, error) => context.warn(text, error instanceof Error ? error.message : (error ?? ''));
    const parsed = notificationSchema.safeParse(typeof message === 'string' ? JSON.parse(message) : message);
    if (!parsed.success) {
      context.error(
        `Notification ${context.triggerMetadata?.id} does not match the contract; moving it to ${notificationsPoisonQueue}: ${parsed.error.message}`,
      );
      const poison = queueClient(config().AzureWebJobsStorage, notificationsPoisonQueue);
      await ensureQueue(poison);
      await poison.sendMessage(encodeMessage(message));
      return;
    }
    const report = await deliverNotification(botServices().deps, parsed.data);
    context.log(`Notification ${parsed.data.id} (${parsed.data.kind}): ${JSON.stringify(report)}`);
  },
});
