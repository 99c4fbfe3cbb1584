import type {
  ModelStaleNotification,
  ScheduleAtRiskNotification,
  ScheduleDisabledNotification,
  ScheduleHealthNotification,
} from '@planboard/contracts';
import type { AdaptiveCard } from '../platform/types';
import { refreshVerbs, type RefreshCardState } from './refresh-failed';
import { cardSchema, cardVersion, factRows, plainParagraph, renderTemplate, type Fact } from './render';
import { cardText, formatDuration, formatTime } from './text';

/** What admins did on a schedule-health card since it was posted (shown on every copy). */
export interface ScheduleHealthCardState {
  snooze?: { by: string; at: string; until: string };
  reenabled?: { by: string; at: string; tookOver: boolean };
}

/** A card's whole state: the failure card's (retry, acknowledge), which includes ours. */
type HealthCardState = RefreshCardState;

/** Card verbs (`Action.Execute`); Retry reuses the failure card's verb and handler. */
export const healthVerbs = {
  snooze: 'snoozeModel',
  reenable: 'reenableSchedule',
  confirmReenable: 'confirmReenableSchedule',
  cancelReenable: 'cancelReenableSchedule',
} as const;

/** Snooze 24 h: schedule-health alerts about the model wait this long. */
export const snoozeMs = 24 * 60 * 60_000;

const header = (style: 'warning' | 'attention', title: string): Record<string, unknown> => ({
  type: 'Container',
  style,
  bleed: true,
  items: [
    { type: 'TextBlock', text: title, weight: 'Bolder', color: style === 'warning' ? 'Warning' : 'Attention', size: 'Small' },
    plainParagraph('${datasetName}', { spacing: 'None' }),
    plainParagraph('${workspaceLine}', { spacing: 'None' }),
  ],
});

const stateLines = [
  plainParagraph('${retryLine}', { $when: "${retryLine != ''}", spacing: 'Medium', separator: true }),
  plainParagraph('${snoozeLine}', { $when: "${snoozeLine != ''}", spacing: 'Small' }),
  plainParagraph('${reenabledLine}', { $when: "${reenabledLine != ''}", spacing: 'Small' }),
];

const snoozeAction = {
  type: 'Action.Execute',
  $when: '${canSnooze}',
  title: 'Snooze 24 h',
  verb: healthVerbs.snooze,
  data: { notificationId: '${notificationId}' },
};
const historyAction = { type: 'Action.OpenUrl', title: 'Open history', url: '${historyUrl}' };

const atRiskTemplate: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: cardSchema,
  version: cardVersion,
  body: [
    header('warning', 'Refresh schedule at risk'),
    {
      type: 'TextBlock',
      text: 'Three scheduled refreshes in a row have failed. One more failure and Power BI disables this refresh schedule.',
      wrap: true,
      weight: 'Bolder',
    },
    factRows,
    { type: 'TextBlock', $when: "${errorDescription != ''}", text: 'Last error', weight: 'Bolder', spacing: 'Medium' },
    plainParagraph('${errorDescription}', { $when: "${errorDescription != ''}", spacing: 'Small' }),
    ...stateLines,
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
    historyAction,
    snoozeAction,
  ],
};

const disabledTemplate: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: cardSchema,
  version: cardVersion,
  body: [
    header('attention', 'Power BI disabled the refresh schedule'),
    plainParagraph('${explanation}', { spacing: 'Medium' }),
    factRows,
    {
      type: 'Container',
      $when: '${confirming}',
      style: 'warning',
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: 'Re-enable this schedule?', weight: 'Bolder', wrap: true },
        {
          type: 'TextBlock',
          text: 'Planboard takes the dataset over first if Power BI requires it; data source credentials may then need entering again in Power BI. Fix the cause of the failures first, or the schedule is disabled again after four more.',
          wrap: true,
        },
      ],
    },
    ...stateLines,
  ],
  actions: [
    {
      type: 'Action.Execute',
      $when: '${canReenable && !confirming}',
      title: 'Re-enable schedule',
      verb: healthVerbs.reenable,
      data: { notificationId: '${notificationId}' },
    },
    {
      type: 'Action.Execute',
      $when: '${confirming}',
      title: 'Yes, re-enable',
      verb: healthVerbs.confirmReenable,
      style: 'positive',
      data: { notificationId: '${notificationId}' },
    },
    {
      type: 'Action.Execute',
      $when: '${confirming}',
      title: 'Cancel',
      verb: healthVerbs.cancelReenable,
      data: { notificationId: '${notificationId}' },
    },
    historyAction,
  ],
};

const staleTemplate: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: cardSchema,
  version: cardVersion,
  body: [header('warning', 'Power BI model is stale'), plainParagraph('${explanation}', { spacing: 'Medium' }), factRows, ...stateLines],
  actions: [historyAction, snoozeAction],
};

function retryLineOf(state: HealthCardState): string {
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

/** Words and state lines every schedule-health card shares. */
function common(n: ScheduleHealthNotification, state: HealthCardState, historyUrl: string): Record<string, unknown> {
  return {
    notificationId: n.id,
    datasetName: cardText(n.datasetName, 200),
    workspaceLine: `${cardText(n.workspaceName, 150)} · ${cardText(n.environment, 40)}`,
    historyUrl,
    retryLine: retryLineOf(state),
    snoozeLine: state.snooze
      ? `Snoozed by ${cardText(state.snooze.by, 100)} until ${formatTime(state.snooze.until)}: no more schedule alerts for this model until then.`
      : '',
    reenabledLine: state.reenabled
      ? `Schedule re-enabled by ${cardText(state.reenabled.by, 100)} at ${formatTime(state.reenabled.at)}${state.reenabled.tookOver ? ' (Planboard took the dataset over first; re-enter data source credentials in Power BI if they are needed)' : ''}.`
      : '',
    canSnooze: !state.snooze,
  };
}

const lastSuccess = (at: string | null): string => (at ? formatTime(at) : 'none on record');

/** The third scheduled failure in a row: Retry refresh, Open history, Snooze 24 h. */
export function scheduleAtRiskCard(n: ScheduleAtRiskNotification, state: HealthCardState, historyUrl: string): AdaptiveCard {
  const facts: Fact[] = [
    { label: 'Scheduled failures in a row', value: String(n.consecutiveFailures) },
    { label: 'Last error code', value: cardText(n.errorCode, 200) || 'Unknown' },
    { label: 'Last failure', value: formatTime(n.endedAt) },
    { label: 'Last success', value: lastSuccess(n.lastSuccessAt) },
  ];
  return renderTemplate(atRiskTemplate, {
    ...common(n, state, historyUrl),
    facts,
    errorDescription: cardText(n.errorDescription, 1500),
    canRetry: state.retry?.status !== 'running',
  });
}

/** The schedule Power BI turned off: Re-enable schedule (after a confirmation) and Open history. */
export function scheduleDisabledCard(
  n: ScheduleDisabledNotification,
  state: HealthCardState,
  historyUrl: string,
  options: { confirming?: boolean } = {},
): AdaptiveCard {
  const facts: Fact[] = [
    { label: 'Last error code', value: cardText(n.errorCode, 200) || 'Unknown' },
    { label: 'Last failure', value: formatTime(n.endedAt) },
    { label: 'Last success', value: lastSuccess(n.lastSuccessAt) },
  ];
  return renderTemplate(disabledTemplate, {
    ...common(n, state, historyUrl),
    explanation: `After ${n.consecutiveFailures} scheduled failures in a row Power BI turned this refresh schedule off. The model will not refresh on its schedule until the schedule is re-enabled.`,
    facts,
    canReenable: !state.reenabled,
    confirming: Boolean(options.confirming) && !state.reenabled,
  });
}

/** A model with no success for two of its schedule slots. */
export function modelStaleCard(n: ModelStaleNotification, state: HealthCardState, historyUrl: string): AdaptiveCard {
  const facts: Fact[] = [
    { label: 'Last success', value: lastSuccess(n.lastSuccessAt) },
    { label: 'Stale since', value: formatTime(n.staleSince) },
    { label: 'Schedule', value: n.scheduleEnabled ? 'enabled' : 'disabled' },
  ];
  const why = n.scheduleEnabled
    ? 'Two scheduled refreshes have passed without a successful one (failed, not started, or a gateway offline).'
    : 'Two scheduled refresh times have passed without a successful refresh: the schedule is disabled.';
  return renderTemplate(staleTemplate, { ...common(n, state, historyUrl), explanation: `This model's data is out of date. ${why}`, facts });
}

/** The notification text Teams shows in the feed. */
export function scheduleHealthSummary(n: ScheduleHealthNotification): string {
  const model = `${cardText(n.datasetName, 100)} (${cardText(n.environment, 40)})`;
  switch (n.kind) {
    case 'scheduleAtRisk':
      return `Refresh schedule at risk: ${model}`;
    case 'scheduleDisabled':
      return `Refresh schedule disabled: ${model}`;
    case 'modelStale':
      return `Model is stale: ${model}`;
    default: {
      const unhandled: never = n;
      throw new Error(`Unhandled schedule-health notification ${JSON.stringify(unhandled)}`);
    }
  }
}
