import type { Notification } from '@planboard/contracts';
import { kpiOffTrackCard, kpiOffTrackSummary } from '../cards/kpis';
import { dataRunCard, dataRunSummary } from '../cards/data-run';
import { budgetUrl, dataRunUrl, historyUrl, kpisUrl, trainingDayUrl, type LinkSettings } from '../cards/links';
import { planSubmittedCard, planSubmittedSummary, planUnlockedCard, planUnlockedSummary } from '../cards/plans';
import { trainingDayUnlockedCard, trainingDayUnlockedSummary } from '../cards/training';
import { refreshFailedCard, refreshFailedSummary, type RefreshCardState } from '../cards/refresh-failed';
import { modelStaleCard, scheduleAtRiskCard, scheduleDisabledCard, scheduleHealthSummary } from '../cards/schedule-health';
import type { OutgoingMessage } from '../platform/types';

/** A notification that posts a card of its own. */
export type CardNotification = Exclude<Notification, { kind: 'refreshRetryFinished' }>;

/** The card message of a notification in its current state. */
export function messageFor(notification: CardNotification, state: RefreshCardState, links: LinkSettings): OutgoingMessage {
  switch (notification.kind) {
    case 'refreshFailed':
      return {
        kind: 'card',
        card: refreshFailedCard(notification, state, historyUrl(links, notification.workspaceId, notification.datasetId)),
        summary: refreshFailedSummary(notification),
      };
    case 'scheduleAtRisk':
      return {
        kind: 'card',
        card: scheduleAtRiskCard(notification, state, historyUrl(links, notification.workspaceId, notification.datasetId)),
        summary: scheduleHealthSummary(notification),
      };
    case 'scheduleDisabled':
      return {
        kind: 'card',
        card: scheduleDisabledCard(notification, state, historyUrl(links, notification.workspaceId, notification.datasetId)),
        summary: scheduleHealthSummary(notification),
      };
    case 'modelStale':
      return {
        kind: 'card',
        card: modelStaleCard(notification, state, historyUrl(links, notification.workspaceId, notification.datasetId)),
        summary: scheduleHealthSummary(notification),
      };
    case 'planUnlocked':
      return {
        kind: 'card',
        card: planUnlockedCard(notification, budgetUrl(links, notification.planId, notification.scopeId)),
        summary: planUnlockedSummary(notification),
      };
    case 'planSubmitted':
      return {
        kind: 'card',
        card: planSubmittedCard(notification, budgetUrl(links, notification.planId, notification.scopeId)),
        summary: planSubmittedSummary(notification),
      };
    case 'kpiOffTrack':
      return {
        kind: 'card',
        card: kpiOffTrackCard(notification, kpisUrl(links, notification.departmentId, notification.kpiId)),
        summary: kpiOffTrackSummary(notification),
      };
    case 'trainingDayUnlocked':
      return {
        kind: 'card',
        card: trainingDayUnlockedCard(notification, trainingDayUrl(links, notification.dayNumber)),
        summary: trainingDayUnlockedSummary(notification),
      };
    case 'storeRunProblem':
      return {
        kind: 'card',
        card: dataRunCard(notification, dataRunUrl(links, notification.runId)),
        summary: dataRunSummary(notification),
      };
    default: {
      const unhandled: never = notification;
      throw new Error(`Unhandled notification ${JSON.stringify(unhandled)}`);
    }
  }
}
