import type { EmulatorState } from '../model/state';
import type { AttemptRecord, DatasetState, EnhancedOptions, RefreshFailure, RefreshRecord, RefreshType } from '../model/types';
import { isDue, nextBoundaryAfter } from '../schedule/slots';
import { newId } from '../util/ids';
import type { TableImporter } from './import';

/** History kept per dataset (NOTES §1: "last available 60 entries"). */
export const historyLimit = 60;
/** Shared capacity: refreshes per rolling 24 h, scheduled and API together (NOTES §1). */
export const sharedDailyLimit = 8;
/** Scheduled refresh failures in a row that disable the schedule (NOTES §1). */
export const failuresBeforeDisable = 4;
const dayMs = 24 * 60 * 60_000;

/** The failure a dataset whose owner changed reports until credentials are entered again (NOTES §3). */
const credentialsFailure: RefreshFailure = { errorCode: 'ModelRefreshFailed_CredentialsNotSpecified' };

/**
 * The refresh state machine and the scheduler, both driven by the emulator clock. A refresh is
 * `Unknown` until start + duration, then `Completed` or `Failed`. `catchUp` replays everything
 * due up to "now" in time order: refreshes finishing, then schedule slots starting refreshes.
 */
export class RefreshEngine {
  private readonly running = new Set<DatasetState>();
  private checkedUntil: number;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: EmulatorState,
    private readonly importer: TableImporter | undefined,
  ) {
    this.checkedUntil = state.clock.now();
  }

  /** Forgets running refreshes and starts scheduling from now (after reset/seed). */
  resetTimeline(): void {
    this.running.clear();
    for (const dataset of this.state.datasets.values()) if (this.current(dataset)) this.running.add(dataset);
    this.checkedUntil = this.state.clock.now();
  }

  /** The refresh in progress, if any. */
  current(dataset: DatasetState): RefreshRecord | undefined {
    const latest = dataset.history[0];
    return latest?.status === 'Unknown' ? latest : undefined;
  }

  /** Refreshes counted against the shared-capacity quota in the 24 h before `at` (portal "Refresh now" excluded). */
  countedInLastDay(dataset: DatasetState, at: number): number {
    return dataset.history.filter((refresh) => refresh.refreshType !== 'OnDemand' && refresh.startTime > at - dayMs).length;
  }

  /** Whether the shared-capacity quota allows another refresh at `at`. */
  quotaAllows(dataset: DatasetState, at: number): boolean {
    return !this.state.isShared(dataset) || this.countedInLastDay(dataset, at) < sharedDailyLimit;
  }

  /** Starts a refresh (callers check concurrency and quota first). */
  start(
    dataset: DatasetState,
    refreshType: RefreshType,
    at: number,
    options: { requestId?: string; enhanced?: EnhancedOptions } = {},
  ): RefreshRecord {
    const failure = dataset.next.failures.shift() ?? (dataset.credentialsMissing ? credentialsFailure : undefined);
    const duration = dataset.next.durationMs ?? dataset.refreshDurationMs;
    dataset.next.durationMs = undefined;
    const refresh: RefreshRecord = {
      requestId: options.requestId ?? newId(),
      refreshType,
      startTime: at,
      plannedEnd: at + duration,
      status: 'Unknown',
      ...(failure ? { failure } : {}),
      ...(options.enhanced ? { enhanced: options.enhanced } : {}),
      attempts: [],
    };
    dataset.history.unshift(refresh);
    dataset.history.length = Math.min(dataset.history.length, historyLimit);
    this.running.add(dataset);
    return refresh;
  }

  /** Cancels a running refresh (enhanced refreshes only, checked by the route). */
  cancel(dataset: DatasetState, refresh: RefreshRecord): void {
    const now = this.state.clock.now();
    refresh.status = 'Cancelled';
    refresh.endTime = now;
    refresh.attempts = [{ attemptId: 1, startTime: refresh.startTime, endTime: now, type: 'Data' }];
    this.running.delete(dataset);
  }

  /** Brings every refresh and schedule up to the clock's now; calls are serialised. */
  catchUp(): Promise<void> {
    const next = this.chain.then(() => this.run());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async run(): Promise<void> {
    const now = this.state.clock.now();
    for (let boundary = nextBoundaryAfter(this.checkedUntil); boundary <= now; boundary = nextBoundaryAfter(boundary)) {
      await this.finishUntil(boundary);
      this.startScheduled(boundary);
      this.checkedUntil = boundary;
    }
    await this.finishUntil(now);
    this.checkedUntil = Math.max(this.checkedUntil, now);
  }

  private startScheduled(at: number): void {
    for (const dataset of this.state.datasets.values()) {
      if (dataset.kind !== 'import' || !isDue(dataset.schedule, at)) continue;
      // A slot that comes round while the last refresh still runs, or beyond the daily quota, is skipped.
      if (this.current(dataset) || !this.quotaAllows(dataset, at)) continue;
      this.start(dataset, 'Scheduled', at);
    }
  }

  private async finishUntil(at: number): Promise<void> {
    const due = [...this.running]
      .map((dataset) => ({ dataset, refresh: this.current(dataset) }))
      .filter(
        (item): item is { dataset: DatasetState; refresh: RefreshRecord } => item.refresh !== undefined && item.refresh.plannedEnd <= at,
      )
      .sort((a, b) => a.refresh.plannedEnd - b.refresh.plannedEnd);
    for (const { dataset, refresh } of due) await this.finish(dataset, refresh);
    for (const dataset of [...this.running]) if (!this.current(dataset)) this.running.delete(dataset);
  }

  private async finish(dataset: DatasetState, refresh: RefreshRecord): Promise<void> {
    const failure = refresh.failure ?? (await this.loadData(dataset, refresh));
    const end = refresh.plannedEnd;
    refresh.endTime = end;
    refresh.status = failure ? 'Failed' : 'Completed';
    if (failure) refresh.failure = failure;
    refresh.attempts = attemptsOf(refresh, failure);
    this.running.delete(dataset);
    if (refresh.refreshType === 'Scheduled') {
      dataset.schedule.consecutiveFailures = failure ? dataset.schedule.consecutiveFailures + 1 : 0;
      if (dataset.schedule.consecutiveFailures >= failuresBeforeDisable) dataset.schedule.enabled = false;
    }
  }

  /** Re-imports bound tables (or clears them for ClearValues); a storage error fails the refresh. */
  private async loadData(dataset: DatasetState, refresh: RefreshRecord): Promise<RefreshFailure | undefined> {
    const type = refresh.enhanced?.type ?? 'Full';
    const selected = refresh.enhanced?.objects.length
      ? new Set(refresh.enhanced.objects.map((object) => object.table.toLowerCase()))
      : undefined;
    const tables = dataset.model.tables.filter((table) => !selected || selected.has(table.name.toLowerCase()));
    if (type === 'ClearValues') {
      for (const table of tables) table.rows = [];
      return undefined;
    }
    if (type === 'Calculate' || type === 'Defragment' || !this.importer) return undefined;
    try {
      // Read everything first: a failed refresh leaves the previous data in place (transactional commit).
      const imported = await Promise.all(
        tables.map(async (table) => ({ table, rows: table.binding ? await this.importer?.(table.binding) : undefined })),
      );
      for (const { table, rows } of imported) if (rows) table.rows = rows;
      return undefined;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { errorCode: 'ModelRefresh_ShortMessage_ProcessingError', errorDescription: `Data source error: ${reason}` };
    }
  }
}

/** Attempts of a finished refresh: a Data and a Query phase on success; one failed Data attempt per try on failure. */
export function attemptsOf(refresh: RefreshRecord, failure: RefreshFailure | undefined): AttemptRecord[] {
  const start = refresh.startTime;
  const end = refresh.endTime ?? refresh.plannedEnd;
  if (!failure) {
    const split = start + Math.round((end - start) * 0.9);
    return [
      { attemptId: 1, startTime: start, endTime: split, type: 'Data' },
      { attemptId: 1, startTime: split, endTime: end, type: 'Query' },
    ];
  }
  const tries = (refresh.enhanced?.retryCount ?? 0) + 1;
  const slice = (end - start) / tries;
  return Array.from({ length: tries }, (_, index) => ({
    attemptId: index + 1,
    startTime: Math.round(start + slice * index),
    endTime: Math.round(start + slice * (index + 1)),
    type: 'Data' as const,
    failure,
  }));
}
