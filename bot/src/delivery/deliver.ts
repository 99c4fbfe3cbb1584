import { scopesOfNotification, topicOfNotification, type Notification, type RefreshRetryFinishedNotification } from '@planboard/contracts';
import type { BotDeps } from '../conversation/deps';
import { DeliveryError } from '../platform/types';
import type { Subscription } from '../store/conversations';
import { messageFor, type CardNotification } from './render';
import { updatePostedCards } from './update-cards';

/** What one delivery did. */
export interface DeliveryReport {
  sent: number;
  /** Conversations that already had this notification (a duplicate queue message). */
  duplicates: number;
  /** Personal subscriptions whose owner may not see the notification's scope. */
  filtered: number;
  /** Subscriptions dropped because the conversation is gone or the bot was removed. */
  removed: number;
  /** Card copies updated (retry outcomes). */
  updated: number;
}

/** Thrown when some conversations failed for a reason that may pass: the queue retries the message. */
export class RetryableDeliveryError extends Error {
  override readonly name = 'RetryableDeliveryError';
}

/** Whether a personal subscriber may see this notification now (their grants today, not when they subscribed). */
async function mayReceive(deps: Pick<BotDeps, 'callers'>, subscription: Subscription, notification: Notification): Promise<boolean> {
  // Everyone in the tenant is a learner: a training card goes to every personal subscriber.
  if (subscription.allScopes || subscription.topic === 'training') return true;
  const scopes = scopesOfNotification(notification);
  if (!subscription.owner || !scopes?.length) return false;
  const owner = await deps.callers.resolve(subscription.owner.tid, { aadObjectId: subscription.owner.oid });
  return owner.isAdmin || scopes.some((scope) => owner.readableScopeIds.includes(scope));
}

/** A retry finished: the original card(s) show the outcome. */
async function applyRetryOutcome(deps: BotDeps, outcome: RefreshRetryFinishedNotification): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, duplicates: 0, filtered: 0, removed: 0, updated: 0 };
  const record = await deps.cards.updateState(outcome.notificationId, (state) => ({
    ...state,
    retry: {
      by: state.retry?.by ?? 'Planboard',
      at: state.retry?.at ?? outcome.endedAt,
      status: outcome.status,
      endedAt: outcome.endedAt,
      durationMs: outcome.durationMs,
      ...(outcome.errorCode ? { errorCode: outcome.errorCode } : {}),
    },
  }));
  if (!record) return report;
  const failures = await updatePostedCards(deps, record);
  if (failures.length) throw new RetryableDeliveryError(`${failures.length} card update(s) failed: ${failures[0]?.message}`);
  report.updated = (await deps.cards.deliveries(outcome.notificationId)).length;
  return report;
}

/** Posts a notification's card to every conversation subscribed to its topic, once each. */
async function postCards(deps: BotDeps, notification: CardNotification): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, duplicates: 0, filtered: 0, removed: 0, updated: 0 };
  const topic = topicOfNotification(notification);
  if (!topic) return report;
  await deps.cards.saveNotification(notification);
  const state = (await deps.cards.get(notification.id))?.state ?? {};
  const message = messageFor(notification, state, deps.links);
  const transient: string[] = [];
  for (const subscription of await deps.conversations.subscribers(topic)) {
    if (!(await mayReceive(deps, subscription, notification))) {
      report.filtered += 1;
      continue;
    }
    const conversation = await deps.conversations.get(subscription.conversationKey);
    if (!conversation) continue;
    const claim = await deps.cards.claimDelivery(notification.id, conversation.key);
    if (claim === 'done') {
      report.duplicates += 1;
      continue;
    }
    if (claim === 'busy') {
      // Another worker is posting it now; come back to confirm rather than post a second card.
      transient.push(`${conversation.key}: being sent by another worker`);
      continue;
    }
    try {
      const activityId = await deps.messenger.send(conversation, message);
      await deps.cards.markDelivered(notification.id, conversation.key, activityId);
      report.sent += 1;
    } catch (error) {
      await deps.cards.releaseDelivery(notification.id, conversation.key);
      const failure = error instanceof DeliveryError ? error : new DeliveryError(String(error));
      if (failure.permanent) {
        deps.log(`Conversation ${conversation.key} is gone (${failure.status}); unsubscribing it`);
        await deps.conversations.unsubscribe(conversation.key, [topic]);
        report.removed += 1;
      } else {
        transient.push(`${conversation.key}: ${failure.message}`);
      }
    }
  }
  // Conversations already served are skipped on the retry (their delivery rows say "sent").
  if (transient.length) throw new RetryableDeliveryError(`${transient.length} delivery(ies) failed, will retry: ${transient[0]}`);
  return report;
}

/** Handles one queue message: a new card for the subscribers, or an update of cards already posted. */
export async function deliverNotification(deps: BotDeps, notification: Notification): Promise<DeliveryReport> {
  switch (notification.kind) {
    case 'refreshRetryFinished':
      return applyRetryOutcome(deps, notification);
    case 'refreshFailed':
    case 'scheduleAtRisk':
    case 'scheduleDisabled':
    case 'modelStale':
    case 'planUnlocked':
    case 'planSubmitted':
    case 'kpiOffTrack':
    case 'trainingDayUnlocked':
    case 'storeRunProblem':
      return postCards(deps, notification);
    default: {
      const unhandled: never = notification;
      throw new Error(`Unhandled notification ${JSON.stringify(unhandled)}`);
    }
  }
}
