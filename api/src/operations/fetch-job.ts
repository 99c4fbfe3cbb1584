import type { FetchJob, FetchJobMessage, FetchJobStart } from '@planboard/contracts';
import {
  encodeMessage,
  ensureQueue,
  PowerBiError,
  syncWorkspaceDatasets,
  type CatalogStore,
  type PowerBiClient,
  type WatchStore,
} from '@planboard/server';
import { syncWorkspace } from './catalog';
import { FetchJobStore, isRunning } from './fetch-job-store';
import { fetchHistory } from './history-fetch';
import type { HistoryStore } from './history-store';
import { serviceReason } from './powerbi-refusal';
import type { WorkspaceStore } from './workspace-store';
import type { QueueClient } from '@azure/storage-queue';

export interface FetchJobDeps {
  powerBi: Pick<PowerBiClient, 'groups' | 'datasets' | 'refreshes' | 'reports'>;
  jobs: FetchJobStore;
  queue: Pick<QueueClient, 'sendMessage' | 'createIfNotExists' | 'url'>;
  catalog: CatalogStore;
  watch: WatchStore;
  workspaces: WorkspaceStore;
  history: HistoryStore;
}

/**
 * Starts "fetch everything": lists the workspaces, stores the job, and sends one queue message per
 * workspace, so the work spreads over every host the queue trigger runs on (the Power BI client's
 * gate keeps each host within the rate limits and honours Retry-After). A job still running is
 * answered instead of starting a second one.
 */
export async function startFetchJob(deps: FetchJobDeps, startedBy: string, nowMs: number): Promise<FetchJobStart> {
  const current = await deps.jobs.current();
  if (isRunning(current.job, nowMs)) return { job: current.job, alreadyRunning: true };
  const groups = await deps.powerBi.groups.list();
  const jobId = FetchJobStore.newJobId(nowMs);
  const started = await deps.jobs.start({ jobId, startedAt: new Date(nowMs).toISOString(), startedBy, total: groups.length }, current.etag);
  if (!started.won) return { job: started.job, alreadyRunning: true };
  await ensureQueue(deps.queue as QueueClient);
  await Promise.all(
    groups.map((group) => {
      const message: FetchJobMessage = {
        jobId,
        workspaceId: group.id,
        workspaceName: group.name ?? group.id,
        dedicated: group.isOnDedicatedCapacity === true,
        ...(group.capacityId ? { capacityId: group.capacityId } : {}),
      };
      return deps.queue.sendMessage(encodeMessage(message));
    }),
  );
  return { job: started.job, alreadyRunning: false };
}

/** Why a workspace could not be read, in words an admin can act on. */
export function failureReason(error: unknown): string {
  if (error instanceof PowerBiError) {
    if (error.kind === 'auth') return 'Planboard has no access to this workspace in Power BI (add its service principal as a member).';
    if (error.kind === 'throttled') return 'Power BI kept answering "too many requests"; run Fetch everything again later.';
    if (error.kind === 'transient') return 'Power BI could not be reached.';
    if (error.status === 404) return 'Power BI no longer has this workspace.';
    return `Power BI refused: ${serviceReason(error)}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * One workspace of a job: its datasets, schedules and reports into the catalog, then the history
 * of each refreshable model. What succeeded stays stored whatever fails after it; the outcome
 * (with the reason of a failure) is recorded, never thrown, so a failing workspace ends the job
 * instead of being retried into the poison queue.
 */
export async function runFetchMessage(deps: FetchJobDeps, message: FetchJobMessage, nowMs: number): Promise<FetchJob | undefined> {
  const group = {
    id: message.workspaceId,
    name: message.workspaceName,
    isOnDedicatedCapacity: message.dedicated === true,
    ...(message.capacityId ? { capacityId: message.capacityId } : {}),
  };
  let models = 0;
  let reason: string | undefined;
  try {
    const datasets = await syncWorkspaceDatasets(deps.powerBi, { catalog: deps.catalog, watch: deps.watch }, group, nowMs);
    await syncWorkspace(deps, group);
    // In parallel: the Power BI client's gate bounds the concurrency and waits out Retry-After.
    const outcomes = await Promise.all(
      datasets
        .filter((d) => d.isRefreshable !== false && d.addRowsAPIEnabled !== true)
        .map(async (dataset) => {
          try {
            await fetchHistory(deps, { datasetId: dataset.id, workspaceId: group.id });
            return undefined;
          } catch (error) {
            return `${dataset.name ?? dataset.id}: ${failureReason(error)}`;
          }
        }),
    );
    const failed = outcomes.filter((outcome): outcome is string => outcome !== undefined);
    models = outcomes.length - failed.length;
    if (failed.length > 0)
      reason = `The history of ${failed.length} model${failed.length === 1 ? '' : 's'} could not be read. ${failed.join(' ')}`;
  } catch (error) {
    reason = failureReason(error);
  }
  await deps.jobs.record(message.jobId, {
    workspaceId: group.id,
    workspaceName: group.name,
    models,
    ...(reason ? { reason } : {}),
    finishedAt: new Date(nowMs).toISOString(),
  });
  const job = await deps.jobs.get(message.jobId);
  if (job && job.state !== 'running') await deps.workspaces.markSynced(new Date().toISOString());
  return job;
}
