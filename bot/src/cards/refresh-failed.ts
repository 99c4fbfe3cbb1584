import type { RefreshFailedNotification } from '@planboard/contracts';
import type { AdaptiveCard } from '../platform/types';
import { attentionHeader, cardSchema, cardVersion, factRows, plainParagraph, renderTemplate, type Fact } from './render';
import type { ScheduleHealthCardState } from './schedule-health';
import { cardText, formatDuration, formatTime } from './text';

/** What happened to an alert after it was posted; every conversation's copy shows it (schedule-health cards add snooze and re-enable). */
export interface RefreshCardState extends ScheduleHealthCardState {
  retry?: { by: string; at: string; status: 'running' | 'Completed' | 'Failed'; endedAt?: string; durationMs?: number; errorCode?: string };
  ack?: { by: string; at: string };
}

/** Card verbs (`Action.Execute`). */
export const refreshVerbs = { retry: 'retryRefresh', acknowledge: 'acknowledge' } as const;

const template: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: cardSchema,
  version: cardVersion,
  body: [
    attentionHeader('Power BI refresh failed', '${datasetName}', '${workspaceLine}'),
    factRows,
    {
      type: 'Container',
      $when: "${warning != ''}",
      style: 'warning',
      items: [{ type: 'TextBlock', text: '${warning}', wrap: true, weight: 'Bolder' }],
    },
    { type: 'TextBlock', $when: "${errorDescription != ''}", text: 'Error', weight: 'Bolder', spacing: 'Medium' },
    plainParagraph('${errorDescription}', { $when: "${errorDescription != ''}", spacing: 'Small' }),
    plainParagraph('${retryLine}', { $when: "${retryLine != ''}", spacing: 'Medium', separator: true }),
    plainParagraph('${ackLine}', { $when: "${ackLine != ''}", spacing: 'Small' }),
  ],
  actions: [
    {
      type: 'Action.Execute',
      $when: '${canRetry}',
      title: 'Retry refresh',
      verb: refreshVerbs.retry,
      style: 'positive',
      data: { notificationId: '${notificationId}' },
    },
    { type: 'Action.OpenUrl', title: 'Open history', url: '${historyUrl}' },
    {
      type: 'Action.Execute',
      $when: '${canAcknowledge}',
      title: 'Acknowledge',
      verb: refreshVerbs.acknowledge,
      data: { notificationId: '${notificationId}' },
    },
  ],
};

/** Why this failure matters for the schedule: Power BI disables a schedule after 4 failures in a row. */
function warningOf(n: RefreshFailedNotification): string {
  if (!n.scheduled) return '';
  if (n.consecutiveFailures === 3) return 'Third scheduled failure in a row: one more and Power BI disables this refresh schedule.';
  if (n.consecutiveFailures >= 4)
    return `${n.consecutiveFailures} scheduled failures in a row: Power BI has disabled this refresh schedule. Fix the cause, then re-enable it.`;
  return '';
}

function retryLineOf(state: RefreshCardState): string {
  const retry = state.retry;
  if (!retry) return '';
  const who = `Retried by ${cardText(retry.by, 100)} at ${formatTime(retry.at)}`;
  switch (retry.status) {
    case 'running':
      return `${who} — running…`;
    case 'Completed':
      return `${who} — succeeded at ${formatTime(retry.endedAt)}${retry.durationMs !== undefined ? ` (${formatDuration(retry.durationMs)})` : ''}.`;
    case 'Failed':
      return `${who} — failed again at ${formatTime(retry.endedAt)}${retry.errorCode ? ` (${cardText(retry.errorCode, 200)})` : ''}.`;
    default: {
      const unhandled: never = retry.status;
      throw new Error(`Unhandled retry status ${String(unhandled)}`);
    }
  }
}

/** Who starts a refresh of each Power BI refresh type, in words (a manager does not read "ViaApi"). */
const startedByWords: Record<string, string> = {
  Scheduled: 'The refresh schedule',
  OnDemand: 'Someone in Power BI (Refresh now)',
  ViaApi: 'An app through the Power BI API (such as Planboard)',
  ViaEnhancedApi: 'An app through the enhanced refresh API',
  ViaXmlaEndpoint: 'A tool through the XMLA endpoint',
  OnDemandTraining: 'Power BI, training Q&A',
};

/** Who started the failed refresh; a type Power BI adds later is shown as sent, never dropped. */
export function startedByText(n: Pick<RefreshFailedNotification, 'scheduled' | 'refreshType'>): string {
  if (n.scheduled) return startedByWords.Scheduled ?? 'The refresh schedule';
  return startedByWords[n.refreshType] ?? (cardText(n.refreshType, 50) || 'Unknown');
}

/** The failure card: what failed, where, why, since when; Retry, Open history and Acknowledge. */
export function refreshFailedCard(n: RefreshFailedNotification, state: RefreshCardState, historyUrl: string): AdaptiveCard {
  const facts: Fact[] = [
    { label: 'Error code', value: cardText(n.errorCode, 200) || 'Unknown' },
    { label: 'Failed at', value: formatTime(n.endedAt) },
    { label: 'Duration', value: formatDuration(n.durationMs) },
    { label: 'Last success', value: n.lastSuccessAt ? formatTime(n.lastSuccessAt) : 'none on record' },
    { label: n.scheduled ? 'Scheduled failures in a row' : 'Failures in a row', value: String(n.consecutiveFailures) },
    { label: 'Started by', value: startedByText(n) },
  ];
  return renderTemplate(template, {
    notificationId: n.id,
    datasetName: cardText(n.datasetName, 200),
    workspaceLine: `${cardText(n.workspaceName, 150)} · ${cardText(n.environment, 40)}`,
    facts,
    warning: warningOf(n),
    errorDescription: cardText(n.errorDescription, 1500),
    retryLine: retryLineOf(state),
    ackLine: state.ack ? `Acknowledged by ${cardText(state.ack.by, 100)} at ${formatTime(state.ack.at)}.` : '',
    canRetry: state.retry?.status !== 'running',
    canAcknowledge: !state.ack,
    historyUrl,
  });
}

/** The notification text Teams shows in the feed. */
export function refreshFailedSummary(n: RefreshFailedNotification): string {
  return `Refresh failed: ${cardText(n.datasetName, 100)} (${cardText(n.environment, 40)})`;
}
