import type { BotDeps } from '../conversation/deps';
import { DeliveryError } from '../platform/types';
import type { CardRecord } from '../store/cards';
import { messageFor } from './render';

/**
 * Re-renders a card from its record and replaces every posted copy (each subscribed chat and
 * channel), so a retry or an acknowledgement shows for everyone — the clicker's copy too, since
 * Teams replaces it from the invoke response for the clicker only. Returns the transient failures.
 */
export async function updatePostedCards(
  deps: Pick<BotDeps, 'cards' | 'conversations' | 'messenger' | 'links' | 'log'>,
  record: CardRecord,
): Promise<DeliveryError[]> {
  if (record.notification.kind === 'refreshRetryFinished') return [];
  const message = messageFor(record.notification, record.state, deps.links);
  const failures: DeliveryError[] = [];
  for (const delivery of await deps.cards.deliveries(record.notification.id)) {
    const conversation = await deps.conversations.get(delivery.conversationKey);
    if (!conversation) continue;
    try {
      await deps.messenger.update(conversation, delivery.activityId, message);
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError(String(error));
      deps.log(`Updating the card in ${delivery.conversationKey} failed`, failure);
      if (!failure.permanent) failures.push(failure);
    }
  }
  return failures;
}
