import { applySchedule, datasetLabel, PowerBiError, storedSchedule, type DatasetRecord } from '@planboard/server';
import type { ScheduleDisabledNotification, ScheduleHealthNotification } from '@planboard/contracts';
import { historyUrl } from '../cards/links';
import { scheduleDisabledCard, snoozeMs } from '../cards/schedule-health';
import { updateSchedule } from '../commands/schedule';
import { updatePostedCards } from '../delivery/update-cards';
import type { CardActionResult } from '../platform/types';
import type { CardRecord } from '../store/cards';
import type { BotDeps } from './deps';

type Result = (deps: BotDeps, record: CardRecord) => CardActionResult;

/** The dataset a card is about: the catalog's row, else what the notification says. */
async function datasetOf(deps: BotDeps, n: ScheduleHealthNotification, at: string): Promise<DatasetRecord> {
  return (
    (await deps.catalog.get(n.datasetId)) ?? {
      datasetId: n.datasetId,
      workspaceId: n.workspaceId,
      datasetName: n.datasetName,
      workspaceName: n.workspaceName,
      environment: n.environment,
      refreshable: true,
      seenUntil: at,
    }
  );
}

/**
 * Snooze 24 h: detection sends no third-failure or stale alert for the model until then (a
 * disabled schedule is still alerted: it needs someone to act). Every copy says who snoozed it.
 */
export async function snooze(
  deps: BotDeps,
  record: CardRecord & { notification: ScheduleHealthNotification },
  by: string,
  cardOf: Result,
): Promise<CardActionResult> {
  const now = await deps.clock.now();
  const until = new Date(now + snoozeMs).toISOString();
  await deps.health.snooze({ datasetId: record.notification.datasetId, until, by });
  const at = new Date(now).toISOString();
  const updated = await deps.cards.updateState(record.notification.id, (state) => ({ ...state, snooze: { by, at, until } }));
  if (!updated) return { kind: 'message', text: 'This alert is no longer available.' };
  await updatePostedCards(deps, updated);
  return cardOf(deps, updated);
}

/** Re-enable schedule, first click: the clicker's copy asks to confirm (nothing changes yet). */
export function askToReenable(deps: BotDeps, record: CardRecord & { notification: ScheduleDisabledNotification }): CardActionResult {
  const n = record.notification;
  const url = historyUrl(deps.links, n.workspaceId, n.datasetId);
  return { kind: 'card', card: scheduleDisabledCard(n, record.state, url, { confirming: true }) };
}

/**
 * Re-enable confirmed: PATCH the schedule `enabled: true` as the service principal (taking the
 * dataset over first where Power BI requires the owner), store it so detection polls its slots
 * again, and show who re-enabled it on every copy.
 */
export async function reenable(
  deps: BotDeps,
  record: CardRecord & { notification: ScheduleDisabledNotification },
  by: string,
  cardOf: Result,
): Promise<CardActionResult> {
  if (record.state.reenabled) return cardOf(deps, record);
  const n = record.notification;
  const now = await deps.clock.now();
  const at = new Date(now).toISOString();
  const dataset = await datasetOf(deps, n, at);
  let tookOver = false;
  try {
    ({ tookOver } = await updateSchedule(deps, dataset, { enabled: true }));
    const schedule = storedSchedule(await deps.powerBi.refreshes.schedule(dataset.workspaceId, dataset.datasetId));
    await applySchedule(deps, dataset, schedule, now);
  } catch (error) {
    deps.log(`Re-enabling the schedule of ${n.datasetId} failed`, error);
    const reason =
      error instanceof PowerBiError ? error.message.replace(/^Power BI \S+ \S+ failed with /, '') : 'Power BI could not be reached';
    return { kind: 'message', text: `The schedule of ${datasetLabel(dataset)} was not re-enabled: ${reason}` };
  }
  const updated = await deps.cards.updateState(n.id, (state) =>
    state.reenabled ? undefined : { ...state, reenabled: { by, at, tookOver } },
  );
  if (!updated) return { kind: 'message', text: 'This alert is no longer available.' };
  await updatePostedCards(deps, updated);
  return cardOf(deps, updated);
}
