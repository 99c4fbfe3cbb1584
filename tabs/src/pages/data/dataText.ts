import type { StoreFileAction, StoreRun, StoreRunState, StoreRunTrigger } from '@planboard/contracts';

const count = (value: number) => value.toLocaleString('en-US');

export const stateLabels: Record<StoreRunState, string> = {
  queued: 'Waiting to start',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Skipped',
};

export const triggerLabels: Record<StoreRunTrigger, string> = { timer: 'Schedule', manual: 'Run now', upload: 'Upload' };

export const actionLabels: Record<StoreFileAction, string> = {
  loaded: 'Loaded',
  replaced: 'Replaced',
  removed: 'Removed (file deleted)',
  claimedElsewhere: 'Loaded by another run',
  failed: 'Not loaded',
};

export function formatWhen(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** One line for the progress bar and screen readers. */
export function progressText(run: StoreRun): string {
  switch (run.state) {
    case 'queued':
      return 'Waiting for a host to start the run…';
    case 'running':
      return run.progress.total === 0
        ? 'Reading the store master and the OneDrive folder…'
        : `${count(run.progress.done)} of ${count(run.progress.total)} files done`;
    case 'succeeded':
      return `Done: ${count(run.totals.files)} files, ${count(run.totals.rowsLoaded)} rows loaded, ${count(run.totals.rowsRejected)} rejected, ${count(run.totals.rowsRemoved)} removed.`;
    case 'failed':
      return `Failed: ${run.error ?? 'see the report'}`;
    case 'skipped':
      return run.error ?? 'Skipped: another run was loading.';
    default: {
      const unhandled: never = run.state;
      return String(unhandled);
    }
  }
}

export const refreshText = (run: StoreRun): string =>
  run.refresh.state === 'completed'
    ? 'Report refreshed'
    : run.refresh.state === 'running'
      ? 'Report refreshing…'
      : run.refresh.state === 'failed'
        ? `Report refresh failed${run.refresh.error ? `: ${run.refresh.error}` : ''}`
        : 'No refresh needed';
