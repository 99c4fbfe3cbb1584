import type { RefreshStarted, StoredRefresh } from '@planboard/contracts';

/** Where a refresh started from the page stands. */
export type RefreshPhase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'running'; started: RefreshStarted; refresh?: StoredRefresh }
  | { kind: 'done'; started: RefreshStarted; refresh: StoredRefresh }
  | { kind: 'error'; error: unknown };

/**
 * The refresh we started among the newest stored ones: by Power BI's request id, else the newest
 * one that began no earlier than a minute before we asked (the start is Power BI's own clock).
 */
export function findStarted(started: RefreshStarted, newest: readonly StoredRefresh[]): StoredRefresh | undefined {
  if (started.requestId) return newest.find((refresh) => refresh.requestId === started.requestId);
  const since = Date.parse(started.startedAt) - 60_000;
  return newest.find((refresh) => Date.parse(refresh.startTime) >= since);
}

/** The next phase after a look at the stored history: done once the status is final. */
export function nextPhase(started: RefreshStarted, newest: readonly StoredRefresh[]): RefreshPhase {
  const refresh = findStarted(started, newest);
  if (refresh && refresh.status !== 'Unknown') return { kind: 'done', started, refresh };
  return { kind: 'running', started, ...(refresh ? { refresh } : {}) };
}

/** What the status line says, in words. */
export function phaseText(phase: RefreshPhase, modelName: string): string {
  switch (phase.kind) {
    case 'idle':
      return '';
    case 'starting':
      return `Starting a refresh of ${modelName}…`;
    case 'running':
      return `${modelName} is refreshing (status Unknown until Power BI reports the outcome)…`;
    case 'done':
      return phase.refresh.status === 'Completed'
        ? `${modelName} refreshed: Completed${phase.refresh.durationMs !== null ? ` in ${Math.round(phase.refresh.durationMs / 1000)} s` : ''}.`
        : `The refresh of ${modelName} ended: ${phase.refresh.status}${phase.refresh.errorDescription ? ` (${phase.refresh.errorDescription})` : ''}.`;
    case 'error':
      return '';
  }
}
