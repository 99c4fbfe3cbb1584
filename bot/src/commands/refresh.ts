import { datasetLabel, type DatasetRecord, PowerBiError } from '@planboard/server';
import type { OutgoingMessage } from '../platform/types';
import type { BotCaller } from '../conversation/caller';
import type { BotDeps } from '../conversation/deps';
import { isDataset, lookupDataset } from './lookup';
import { notice } from './replies';

/** How long a refresh we started is watched for (Power BI's own default timeout is 5 hours). */
const maxRefreshMs = 5 * 60 * 60_000;

/** Why Power BI refused to start a refresh, in words for the chat. */
export function refreshRefusal(error: unknown): string {
  if (error instanceof PowerBiError) {
    if (/already|in progress|executing/i.test(error.message)) return 'a refresh of this dataset is already running';
    if (error.kind === 'throttled') return 'Power BI is busy (too many requests); try again in a minute';
    if (/quota|limit/i.test(error.message)) return 'the daily refresh limit of this capacity is used up';
    return `Power BI answered ${error.status ?? ''} ${error.code}`.trim();
  }
  return 'Power BI could not be reached';
}

/**
 * Starts a refresh as the service principal and puts the dataset on the detection watch list, so
 * a failure is alerted within the next poll. `retry` links the refresh to the card it came from.
 */
export async function startRefresh(
  deps: Pick<BotDeps, 'powerBi' | 'watch' | 'clock'>,
  dataset: DatasetRecord,
  retry?: { notificationId: string; by: string; at: string },
): Promise<{ requestId?: string; startedAt: string }> {
  const triggered = await deps.powerBi.refreshes.trigger(dataset.workspaceId, dataset.datasetId);
  const startedAt = new Date(await deps.clock.now()).toISOString();
  await deps.watch.watch({
    datasetId: dataset.datasetId,
    workspaceId: dataset.workspaceId,
    reason: 'triggered',
    since: startedAt,
    expiresAt: new Date(Date.parse(startedAt) + maxRefreshMs).toISOString(),
    datasetName: dataset.datasetName,
    workspaceName: dataset.workspaceName,
    ...(triggered.requestId ? { requestId: triggered.requestId } : {}),
    ...(retry ? { retry } : {}),
  });
  return { ...(triggered.requestId ? { requestId: triggered.requestId } : {}), startedAt };
}

/** `refresh <dataset>` (admins). */
export async function refreshCommand(deps: BotDeps, caller: BotCaller, query: string): Promise<OutgoingMessage> {
  const found = await lookupDataset(deps, query, 'refresh');
  if (!isDataset(found)) return found;
  try {
    await startRefresh(deps, found);
  } catch (error) {
    deps.log(`Refresh of ${found.datasetId} refused`, error);
    return notice({ title: 'The refresh did not start', tone: 'attention', lines: [`${datasetLabel(found)}: ${refreshRefusal(error)}.`] });
  }
  return notice({
    title: 'Refresh started',
    tone: 'good',
    lines: [datasetLabel(found)],
    facts: [
      { label: 'Workspace', value: found.workspaceName },
      { label: 'Started by', value: caller.name },
    ],
    footer: 'If it fails, subscribed chats and channels get an alert card.',
  });
}
