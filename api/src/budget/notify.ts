import type { Notification, PlanState } from '@planboard/contracts';
import { type Caller, enqueueNotification } from '@planboard/server';
import { config } from '../config';
import type { PlanRef } from './plan-state';

/**
 * Tells the bot a plan was submitted or unlocked. The id is derived from the event itself, so a
 * retried request re-sends the same message and the bot still posts one card. A queue outage
 * does not undo the state change: it is logged and reported to the caller as not notified.
 */
export async function notifyPlanEvent(
  kind: 'planSubmitted' | 'planUnlocked',
  ref: PlanRef,
  scopeName: string,
  caller: Caller,
  state: PlanState,
): Promise<boolean> {
  const at = (kind === 'planSubmitted' ? state.submittedAt : state.unlockedAt) ?? new Date().toISOString();
  const common = {
    id: `${kind}:${ref.planId}:${ref.scopeId}:${at}`,
    version: 1 as const,
    createdAt: at,
    planId: ref.planId,
    scopeId: ref.scopeId,
    scopeName,
    by: { name: caller.name, upn: caller.upn },
    at,
  };
  const notification: Notification =
    kind === 'planSubmitted'
      ? { ...common, kind, ...(state.refreshId ? { refreshId: state.refreshId } : {}) }
      : { ...common, kind, reason: state.unlockReason ?? '' };
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      await enqueueNotification(config().AzureWebJobsStorage, notification);
      return true;
    } catch (error) {
      if (attempt === 3)
        console.error(`Could not enqueue ${kind} for ${ref.planId}/${ref.scopeId}:`, error instanceof Error ? error.message : error);
    }
  }
  return false;
}
