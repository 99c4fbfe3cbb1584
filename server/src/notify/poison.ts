import { notificationsPoisonQueue, type PoisonReport } from '@planboard/contracts';
import { decodeMessage, ensureQueue, queueClient } from './queue';

/** A one-line description of a poisoned message, whatever its content. */
function summarize(text: string): { kind?: string; notificationId?: string; summary: string } {
  try {
    const value = decodeMessage(text) as Record<string, unknown>;
    const kind = typeof value.kind === 'string' ? value.kind : undefined;
    const notificationId = typeof value.id === 'string' ? value.id : undefined;
    const subject = [value.datasetName, value.scopeName, value.workspaceName].find((item) => typeof item === 'string');
    const summary = [kind ?? 'unknown kind', subject].filter(Boolean).join(': ');
    return { ...(kind ? { kind } : {}), ...(notificationId ? { notificationId } : {}), summary };
  } catch {
    return { summary: 'not a notification (undecodable)' };
  }
}

/**
 * What sits in `notifications-poison`: messages the bot failed to deliver five times (or could
 * not parse). Peeking leaves them in place for an admin to inspect or requeue.
 */
export async function poisonReport(connectionString: string): Promise<PoisonReport> {
  const queue = queueClient(connectionString, notificationsPoisonQueue);
  await ensureQueue(queue);
  const [properties, peeked] = await Promise.all([queue.getProperties(), queue.peekMessages({ numberOfMessages: 32 })]);
  return {
    count: properties.approximateMessagesCount ?? peeked.peekedMessageItems.length,
    messages: peeked.peekedMessageItems.map((item) => ({
      messageId: item.messageId,
      insertedOn: item.insertedOn.toISOString(),
      ...summarize(item.messageText),
    })),
  };
}
