import type { RefreshFailedNotification, ScheduleAtRiskNotification } from '@planboard/contracts';
import { refreshVerbs, type RefreshCardState } from '../cards/refresh-failed';
import { healthVerbs } from '../cards/schedule-health';
import { refreshRefusal, startRefresh } from '../commands/refresh';
import { messageFor } from '../delivery/render';
import { updatePostedCards } from '../delivery/update-cards';
import type { CardActionResult, CardActionTurn } from '../platform/types';
import type { CardRecord } from '../store/cards';
import type { BotDeps } from './deps';
import { askToReenable, reenable, snooze } from './health-actions';

const message = (text: string): CardActionResult => ({ kind: 'message', text });

function cardOf(deps: BotDeps, record: CardRecord): CardActionResult {
  if (record.notification.kind === 'refreshRetryFinished') return message('This alert has no card.');
  const rendered = messageFor(record.notification, record.state, deps.links);
  return rendered.kind === 'card' ? { kind: 'card', card: rendered.card } : message(rendered.text);
}

/** Retry: start the refresh, mark the card "retried by X, running…" everywhere; the outcome comes later from detection. */
async function retry(
  deps: BotDeps,
  record: CardRecord & { notification: RefreshFailedNotification | ScheduleAtRiskNotification },
  by: string,
): Promise<CardActionResult> {
  if (record.state.retry?.status === 'running') return cardOf(deps, record);
  const n = record.notification;
  const at = new Date(await deps.clock.now()).toISOString();
  const dataset = (await deps.catalog.get(n.datasetId)) ?? {
    datasetId: n.datasetId,
    workspaceId: n.workspaceId,
    datasetName: n.datasetName,
    workspaceName: n.workspaceName,
    environment: n.environment,
    refreshable: true,
    seenUntil: at,
  };
  try {
    await startRefresh(deps, dataset, { notificationId: n.id, by, at });
  } catch (error) {
    deps.log(`Retry of ${n.datasetId} refused`, error);
    return message(`The refresh did not start: ${refreshRefusal(error)}.`);
  }
  const next: RefreshCardState = { ...record.state, retry: { by, at, status: 'running' } };
  const updated = (await deps.cards.updateState(n.id, () => next)) ?? { ...record, state: next };
  await updatePostedCards(deps, updated);
  return cardOf(deps, updated);
}

/** Acknowledge: "Acknowledged by X" on every copy, so others know someone is on it. */
async function acknowledge(deps: BotDeps, record: CardRecord, by: string): Promise<CardActionResult> {
  const at = new Date().toISOString();
  const updated = await deps.cards.updateState(record.notification.id, (state) => (state.ack ? undefined : { ...state, ack: { by, at } }));
  if (!updated) return message('This alert is no longer available.');
  await updatePostedCards(deps, updated);
  return cardOf(deps, updated);
}

/** `Action.Execute` on an alert card: admins only (re-enable's confirmation too), like the commands behind them. */
export async function handleCardAction(deps: BotDeps, turn: CardActionTurn): Promise<CardActionResult> {
  const caller = await deps.callers.resolve(turn.conversation.tenantId, turn.from);
  if (!caller.isAdmin) return message('Sorry, only Planboard admins can do this. Ask one of your Planboard admins if it needs doing.');
  const notificationId = typeof turn.data.notificationId === 'string' ? turn.data.notificationId : '';
  const record = notificationId ? await deps.cards.get(notificationId) : undefined;
  if (!record) return message('This alert is no longer available.');
  const n = record.notification;
  switch (turn.verb) {
    case refreshVerbs.retry:
      if (n.kind !== 'refreshFailed' && n.kind !== 'scheduleAtRisk') return message('Only refresh alerts can be retried.');
      return retry(deps, { ...record, notification: n }, caller.name);
    case refreshVerbs.acknowledge:
      return acknowledge(deps, record, caller.name);
    case healthVerbs.snooze:
      if (n.kind !== 'scheduleAtRisk' && n.kind !== 'modelStale' && n.kind !== 'scheduleDisabled')
        return message('Only schedule alerts can be snoozed.');
      return snooze(deps, { ...record, notification: n }, caller.name, cardOf);
    case healthVerbs.reenable:
    case healthVerbs.confirmReenable:
    case healthVerbs.cancelReenable:
      if (n.kind !== 'scheduleDisabled') return message('Only a disabled schedule can be re-enabled.');
      if (turn.verb === healthVerbs.cancelReenable) return cardOf(deps, record);
      if (turn.verb === healthVerbs.reenable) return askToReenable(deps, { ...record, notification: n });
      return reenable(deps, { ...record, notification: n }, caller.name, cardOf);
    default:
      return message('This button is not supported any more.');
  }
}
