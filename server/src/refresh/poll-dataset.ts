import type { Notification } from '@planboard/contracts';
import type { PowerBiClient, Refresh } from '../powerbi';
import type { CatalogStore, DatasetRecord } from './catalog-store';
import type { FailureStore } from './failure-store';
import { analyzeHistory, finishedRetry, startedSince } from './history';
import { failureNotification, retryOutcomeNotification } from './notification';
import type { WatchEntry, WatchStore } from './watch-store';

/** What polling one watched dataset needs. */
export interface PollDeps {
  powerBi: Pick<PowerBiClient, 'refreshes'>;
  catalog: CatalogStore;
  watch: WatchStore;
  failures: FailureStore;
  send: (notification: Notification) => Promise<void>;
  historyTop: number;
  /** Real time (detection and repair timestamps); service time comes in as `nowMs`. */
  realNow: () => number;
  log: (message: string) => void;
}

/** What one poll of one dataset found. */
export interface PollResult {
  powerBiCalls: number;
  newFailures: number;
  enqueued: number;
  outcomes: number;
  kept: boolean;
}

/** A watched refresh may be reported late by the service: its start can be a little before we noted it. */
const startSkewMs = 5 * 60_000;

/**
 * Records a new failure and enqueues its notification. The record comes first: if this run dies
 * before the enqueue, the next run's repair pass finds the record still `enqueued: false`.
 */
async function reportFailure(deps: PollDeps, notification: Parameters<FailureStore['record']>[0]): Promise<'new' | 'known' | 'enqueued'> {
  const stored = await deps.failures.record(notification, new Date(deps.realNow()).toISOString());
  if (!stored) return 'known';
  await deps.send(notification);
  await deps.failures.markEnqueued(stored);
  return 'enqueued';
}

/** Whether to keep polling the dataset after this look at its history. */
function keepWatching(entry: WatchEntry, history: readonly Refresh[], inFlight: boolean, nowMs: number): boolean {
  if (inFlight) return true;
  if (nowMs >= Date.parse(entry.expiresAt)) return false;
  const since = Date.parse(entry.since) - (entry.reason === 'slot' ? 0 : startSkewMs);
  // Nothing started yet for the slot or the trigger: the service may start it a little late.
  return entry.reason !== 'running' && !startedSince(history, since);
}

/**
 * Looks at one watched dataset: records and enqueues failures it has not seen, reports the outcome
 * of a retry started from a card, advances what was examined, and keeps or drops the entry.
 */
export async function pollDataset(deps: PollDeps, entry: WatchEntry, nowMs: number): Promise<PollResult> {
  const result: PollResult = { powerBiCalls: 1, newFailures: 0, enqueued: 0, outcomes: 0, kept: true };
  let history: Refresh[];
  try {
    history = await deps.powerBi.refreshes.history(entry.workspaceId, entry.datasetId, { top: deps.historyTop });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404) {
      // The dataset (or workspace) is gone: nothing will ever finish there.
      await deps.watch.unwatch(entry);
      return { ...result, kept: false };
    }
    deps.log(`History of ${entry.datasetId} unavailable (${(error as Error).message}); trying again next run.`);
    return result;
  }
  const known = await deps.catalog.get(entry.datasetId);
  const record: DatasetRecord = known ?? {
    datasetId: entry.datasetId,
    workspaceId: entry.workspaceId,
    workspaceName: entry.workspaceName ?? '',
    datasetName: entry.datasetName ?? '',
    environment: 'Unassigned',
    refreshable: true,
    // Unknown dataset: everything since the watch began is new.
    seenUntil: new Date(Date.parse(entry.since) - startSkewMs).toISOString(),
  };
  const facts = analyzeHistory(history, record.seenUntil, record.lastSuccessAt);
  const createdAt = new Date(deps.realNow()).toISOString();
  for (const fact of facts.newFailures) {
    const outcome = await reportFailure(deps, failureNotification(fact, record, createdAt));
    if (outcome !== 'known') result.newFailures += 1;
    if (outcome === 'enqueued') result.enqueued += 1;
  }
  result.kept = keepWatching(entry, history, facts.inFlight, nowMs);
  const finished = entry.retry && finishedRetry(history, entry.requestId, Date.parse(entry.since) - startSkewMs);
  if (entry.retry && finished) {
    // Sent before the entry is dropped: a crash in between re-sends the same id, and a card update is idempotent.
    await deps.send(retryOutcomeNotification(finished, { datasetId: entry.datasetId, retry: entry.retry }, createdAt));
    if (result.kept) await deps.watch.clearRetry(entry.datasetId);
    result.outcomes += 1;
  }
  const seenUntil = facts.latestEnd && Date.parse(facts.latestEnd) > Date.parse(record.seenUntil) ? facts.latestEnd : record.seenUntil;
  if (!known || seenUntil !== record.seenUntil || facts.lastSuccessAt !== record.lastSuccessAt) {
    await deps.catalog.merge({
      ...(known ? { datasetId: record.datasetId } : record),
      seenUntil,
      ...(facts.lastSuccessAt ? { lastSuccessAt: facts.lastSuccessAt } : {}),
    });
  }
  if (!result.kept) await deps.watch.unwatch(entry);
  return result;
}
