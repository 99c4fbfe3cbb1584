import { notificationSchema, notificationsQueue, type Notification } from '@planboard/contracts';
import { encodeMessage, ensureQueue, queueClient } from './queue';

/** Sends one notification; tests and the detection job inject their own. */
export type NotificationSender = (notification: Notification) => Promise<void>;

/**
 * Puts a notification on the `notifications` queue for the bot (creating the queue if needed).
 *
 * - `connectionString`: the storage account shared with the bot (`AzureWebJobsStorage`).
 * - `notification`: validated against the contract first, so a malformed message fails here, in
 *   the producer, instead of ending in the bot's poison queue.
 *
 * Give the same event the same `id` every time (e.g. `planUnlocked:<planId>:<scopeId>:<at>`): the
 * bot delivers each id once per conversation, so sending again after a crash is safe.
 *
 * @example
 * await enqueueNotification(config().AzureWebJobsStorage, {
 *   kind: 'planUnlocked', id: `planUnlocked:${planId}:${scopeId}:${at}`, version: 1, createdAt: at,
 *   planId, scopeId, scopeName, by: { name, upn }, reason, at,
 * });
 */
export async function enqueueNotification(connectionString: string, notification: Notification): Promise<void> {
  const message = notificationSchema.parse(notification);
  const queue = queueClient(connectionString, notificationsQueue);
  await ensureQueue(queue);
  await queue.sendMessage(encodeMessage(message));
}

/** A {@link NotificationSender} bound to one storage account. */
export function queueSender(connectionString: string): NotificationSender {
  return (notification) => enqueueNotification(connectionString, notification);
}
