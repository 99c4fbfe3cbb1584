import type { StoreRun, StoreRunProblemNotification } from '@planboard/contracts';
import { enqueueNotification } from '@planboard/server';

/** The card's lines: files that failed or had rows rejected, in words. */
function problems(run: StoreRun): string[] {
  return run.files
    .filter((file) => file.action === 'failed' || file.rowsRejected > 0)
    .slice(0, 10)
    .map((file) =>
      file.action === 'failed'
        ? `${file.name}: not loaded (${(file.error ?? 'failed').slice(0, 300)})`
        : `${file.name}: ${file.rowsRejected.toLocaleString('en-US')} of ${file.rowsRead.toLocaleString('en-US')} rows rejected`,
    );
}

/** The notification of a run that failed or rejected rows (same id for the same run: the bot sends it once). */
export function runProblemNotification(run: StoreRun): StoreRunProblemNotification {
  const finishedAt = run.finishedAt ?? new Date().toISOString();
  return {
    kind: 'storeRunProblem',
    id: `storeRunProblem:${run.runId}`,
    version: 1,
    createdAt: finishedAt,
    runId: run.runId,
    state: run.state === 'failed' ? 'failed' : 'succeeded',
    trigger: run.trigger,
    requestedBy: run.requestedBy.slice(0, 320),
    finishedAt,
    durationMs: run.durationMs ?? 0,
    files: run.totals.files,
    rowsLoaded: run.totals.rowsLoaded,
    rowsRejected: run.totals.rowsRejected,
    rowsRemoved: run.totals.rowsRemoved,
    problems: problems(run),
    ...(run.error ? { error: run.error.slice(0, 2000) } : {}),
    refresh: run.refresh.state,
  };
}

/** Sends the card to admins who subscribed to `data` through the bot's notifications queue. */
export function notifyRun(connectionString: string, run: StoreRun): Promise<void> {
  return enqueueNotification(connectionString, runProblemNotification(run));
}
