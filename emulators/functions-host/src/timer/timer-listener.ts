import type { FunctionDescriptor } from '../catalog/describe';
import type { SingletonSettings } from '../config/host-json';
import type { InvocationInput } from '../core/invoke';
import { invokeWithRetry, type Invoker } from '../core/retry';
import { writeLog } from '../log/logger';
import type { TimerSchedule } from './schedule';
import type { ScheduleStatus, ScheduleStatusStore } from './schedule-status';
import type { TableLease } from './table-lease';
import { timerInput } from './timer-input';

/** Collaborators of a {@link TimerListener}. */
export interface TimerListenerDeps {
  invoker: Invoker;
  schedule: TimerSchedule;
  /** Singleton lease; undefined when no storage is configured (then every host fires). */
  lease?: TableLease;
  /** Present when the schedule is monitored (useMonitor). */
  status?: ScheduleStatusStore;
  singleton: SingletonSettings;
}

// setTimeout cannot wait longer than ~24.8 days; longer waits are chained.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Drives one timer function like the timer extension's TimerListener under its singleton
 * listener lock: only the host holding the lease schedules; it fires runOnStartup and past-due
 * occurrences when it starts listening, never overlaps runs (the next occurrence is computed after
 * a run ends), and gives the lease up on stop so another host can take over.
 */
export class TimerListener {
  #stopped = false;
  #timer?: NodeJS.Timeout;
  #renewTimer?: NodeJS.Timeout;
  #running?: Promise<void>;
  /** Bumped whenever listening starts or stops, so callbacks of an earlier listening period go quiet. */
  #generation = 0;
  #status?: ScheduleStatus;

  constructor(
    readonly fn: FunctionDescriptor,
    private readonly deps: TimerListenerDeps,
  ) {}

  private log(level: 'information' | 'warning' | 'error' | 'debug', message: string): void {
    writeLog({ level, category: `Host.Triggers.Timer`, message: `[${this.fn.name}] ${message}` });
  }

  /** Starts competing for the lease (or listening directly without storage). */
  start(): void {
    if (!this.deps.lease) {
      this.log('warning', 'No storage connection: the timer runs without a singleton lock.');
      void this.startListening();
      return;
    }
    void this.acquireLoop();
  }

  private async acquireLoop(): Promise<void> {
    if (this.#stopped) return;
    const lease = this.deps.lease as TableLease;
    let acquired = false;
    try {
      acquired = await lease.tryAcquire();
    } catch (error) {
      this.log('warning', `Could not reach the singleton lock: ${(error as Error).message}`);
    }
    if (this.#stopped) {
      if (acquired) await lease.release();
      return;
    }
    if (acquired) {
      this.log('debug', `Singleton lock acquired (${lease.rowKey}).`);
      this.#renewTimer = setInterval(() => void this.renew(), Math.max(500, Math.floor(lease.durationMs / 3)));
      await this.startListening();
    } else {
      this.#timer = setTimeout(() => void this.acquireLoop(), this.deps.singleton.listenerLockRecoveryPollingIntervalMs);
    }
  }

  private async renew(): Promise<void> {
    const lease = this.deps.lease;
    if (!lease || this.#stopped) return;
    let kept = false;
    try {
      kept = await lease.renew();
    } catch (error) {
      // A transient storage error is retried on the next tick; the lease is still ours until it expires.
      this.log('warning', `Singleton lock renewal failed: ${(error as Error).message}`);
      return;
    }
    if (kept) return;
    this.log('warning', 'Singleton lock lost; another host took over the timer.');
    clearInterval(this.#renewTimer);
    clearTimeout(this.#timer);
    this.#generation += 1;
    this.#timer = setTimeout(() => void this.acquireLoop(), this.deps.singleton.listenerLockRecoveryPollingIntervalMs);
  }

  private active(generation: number): boolean {
    return !this.#stopped && generation === this.#generation;
  }

  private async startListening(): Promise<void> {
    const generation = ++this.#generation;
    const { status: store, schedule } = this.deps;
    this.#status = store ? await store.read().catch(() => undefined) : undefined;
    if (this.fn.timer?.runOnStartup) {
      await this.run(generation, false, new Date());
    } else if (this.#status && Date.parse(this.#status.next) < Date.now()) {
      // An occurrence was missed while no host was listening: run it now, flagged as past due.
      await this.run(generation, true, new Date(this.#status.next));
    }
    this.scheduleNext(generation, schedule.next(new Date()));
  }

  private scheduleNext(generation: number, next: Date | undefined): void {
    if (!this.active(generation) || !next) return;
    const wait = next.getTime() - Date.now();
    this.#timer = setTimeout(
      () => {
        // Re-arm when the wait was capped, or when the timer fired early (Node timers can be ~1 ms early).
        if (Date.now() < next.getTime()) return this.scheduleNext(generation, next);
        void this.run(generation, false, next).then(() => {
          // Never reuse the occurrence just run, even if the timer fired a few ms early.
          this.scheduleNext(generation, this.deps.schedule.next(new Date(Math.max(Date.now(), next.getTime()))));
        });
      },
      Math.min(Math.max(0, wait), MAX_TIMEOUT_MS),
    );
  }

  private async run(generation: number, isPastDue: boolean, occurrence: Date): Promise<void> {
    if (!this.active(generation)) return;
    const adjustForDst = this.deps.schedule.kind === 'cron';
    const status = this.#status;
    const reason = `Timer fired at ${new Date().toISOString()}`;
    const makeInput = (): InvocationInput => timerInput(this.fn, isPastDue, status, adjustForDst);
    this.#running = invokeWithRetry(this.deps.invoker, this.fn.fn, makeInput, reason, () => !this.active(generation)).then(
      () => undefined,
      () => undefined, // the invocation already logged its failure; the schedule goes on
    );
    await this.#running;
    this.#running = undefined;
    if (this.deps.status && this.active(generation)) {
      const next = this.deps.schedule.next(new Date(Math.max(Date.now(), occurrence.getTime())));
      this.#status = { last: occurrence.toISOString(), next: (next ?? occurrence).toISOString(), lastUpdated: new Date().toISOString() };
      await this.deps.status
        .write(this.#status)
        .catch((error: Error) => this.log('warning', `Could not save schedule status: ${error.message}`));
    }
  }

  /** Stops scheduling, waits for a running invocation, and releases the lease. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#generation += 1;
    clearTimeout(this.#timer);
    clearInterval(this.#renewTimer);
    await this.#running;
    await this.deps.lease?.release();
  }
}
