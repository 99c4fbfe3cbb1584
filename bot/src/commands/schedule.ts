import {
  applySchedule,
  datasetLabel,
  storedSchedule,
  type DatasetRecord,
  type StoredSchedule,
  PowerBiError,
  type RefreshSchedule,
} from '@planboard/server';
import type { OutgoingMessage } from '../platform/types';
import type { BotDeps } from '../conversation/deps';
import type { Fact } from '../cards/render';
import { isDataset, lookupDataset } from './lookup';
import { notice } from './replies';
import type { Command } from './parse';

function scheduleFacts(dataset: DatasetRecord, schedule: StoredSchedule | undefined, owner: string | undefined): Fact[] {
  const runs = schedule?.enabled && schedule.days.length && schedule.times.length;
  return [
    { label: 'Workspace', value: dataset.workspaceName },
    { label: 'Enabled', value: schedule?.enabled ? 'yes' : 'no' },
    { label: 'Days', value: schedule?.days.length ? schedule.days.join(', ') : '—' },
    { label: 'Times', value: schedule?.times.length ? schedule.times.join(', ') : '—' },
    { label: 'Time zone', value: schedule?.localTimeZoneId ?? '—' },
    { label: 'Owner', value: owner ?? 'unknown' },
    ...(runs ? [] : [{ label: 'Note', value: 'This dataset does not refresh on a schedule.' }]),
  ];
}

const ownerOnly = /only supported for the dataset owner|owner/i;

/**
 * Changes a schedule as the service principal. Power BI lets only the dataset's owner change its
 * schedule, so a dataset owned by someone else is taken over first (which can drop stored data
 * source credentials — the reply says so).
 */
export async function updateSchedule(deps: BotDeps, dataset: DatasetRecord, change: RefreshSchedule): Promise<{ tookOver: boolean }> {
  const details = await deps.powerBi.datasets.get(dataset.workspaceId, dataset.datasetId);
  let tookOver = false;
  if (details.configuredBy && details.configuredBy.toLowerCase() !== deps.servicePrincipalId.toLowerCase()) {
    await deps.powerBi.datasets.takeOver(dataset.workspaceId, dataset.datasetId);
    tookOver = true;
  }
  try {
    await deps.powerBi.refreshes.updateSchedule(dataset.workspaceId, dataset.datasetId, change);
  } catch (error) {
    // configuredBy can lag behind (or name the principal differently): take over once and retry.
    if (tookOver || !(error instanceof PowerBiError) || !ownerOnly.test(error.message)) throw error;
    await deps.powerBi.datasets.takeOver(dataset.workspaceId, dataset.datasetId);
    await deps.powerBi.refreshes.updateSchedule(dataset.workspaceId, dataset.datasetId, change);
    tookOver = true;
  }
  return { tookOver };
}

/** `schedule <dataset>` and `schedule <dataset> set <days> <times> [tz]` (admins). */
export async function scheduleCommand(
  deps: BotDeps,
  command: Extract<Command, { kind: 'scheduleShow' | 'scheduleSet' }>,
): Promise<OutgoingMessage> {
  const found = await lookupDataset(deps, command.dataset, 'schedule');
  if (!isDataset(found)) return found;
  try {
    let tookOver = false;
    if (command.kind === 'scheduleSet') {
      const change: RefreshSchedule = {
        days: command.days,
        times: command.times,
        enabled: true,
        ...(command.timeZone ? { localTimeZoneId: command.timeZone } : {}),
      };
      ({ tookOver } = await updateSchedule(deps, found, change));
    }
    const [schedule, details] = await Promise.all([
      deps.powerBi.refreshes.schedule(found.workspaceId, found.datasetId),
      deps.powerBi.datasets.get(found.workspaceId, found.datasetId),
    ]);
    const stored = storedSchedule(schedule);
    // Detection computes the next slot from the stored schedule: keep it current at once.
    await applySchedule(deps, found, stored, await deps.clock.now());
    return notice({
      title: command.kind === 'scheduleSet' ? 'Refresh schedule updated' : 'Refresh schedule',
      tone: command.kind === 'scheduleSet' ? 'good' : 'default',
      lines: [datasetLabel(found)],
      facts: scheduleFacts(found, stored, details.configuredBy),
      ...(tookOver
        ? {
            footer:
              'Planboard took over this dataset first (Power BI lets only the owner change a schedule). If its data sources need credentials, enter them again in Power BI.',
          }
        : {}),
    });
  } catch (error) {
    deps.log(`Schedule of ${found.datasetId} failed`, error);
    const reason =
      error instanceof PowerBiError ? error.message.replace(/^Power BI \S+ \S+ failed with /, '') : 'Power BI could not be reached';
    return notice({ title: 'The schedule could not be changed', tone: 'attention', lines: [datasetLabel(found), reason] });
  }
}
