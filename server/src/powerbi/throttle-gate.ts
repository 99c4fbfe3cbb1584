import { PowerBiThrottledError } from './errors';

/** Time source and sleep, injectable so unit tests can drive them. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** `Date.now` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * Holds back every request of one caller until the latest `Retry-After` deadline has passed.
 * Power BI throttles per user / service principal, so once one response says "retry in N s"
 * any request of that caller sent earlier would be refused too (and prolong the penalty); the
 * gate makes concurrent and queued requests wait for the same deadline, not only the retried one.
 */
export class ThrottleGate {
  constructor(
    private readonly clock: Clock,
    /** Deadlines further away than this fail fast instead of parking requests for an hour. */
    private readonly maxWaitMs: number,
    /** Deadlines by caller, shared by all gates of a {@link ThrottleGates}. */
    private readonly deadlines: Map<string, number>,
    readonly callerKey: string,
  ) {}

  /** The epoch ms before which nothing may be sent (0 when open). */
  get deadline(): number {
    return this.deadlines.get(this.callerKey) ?? 0;
  }

  /** Records a `Retry-After` that arrived at `receivedAt`; deadlines only ever move later. */
  closeFor(seconds: number, receivedAt: number): void {
    this.deadlines.set(this.callerKey, Math.max(this.deadline, receivedAt + Math.ceil(seconds * 1000)));
  }

  isClosed(): boolean {
    return this.clock.now() < this.deadline;
  }

  /**
   * Waits until the deadline. Loops because a timer may fire a millisecond early by the wall
   * clock, and because another response may push the deadline later while we sleep.
   * @throws PowerBiThrottledError (not sent) when the remaining wait exceeds `maxWaitMs`
   */
  async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const remaining = this.deadline - this.clock.now();
      if (remaining <= 0) return;
      if (remaining > this.maxWaitMs) {
        throw new PowerBiThrottledError({
          message: `Power BI throttled this caller for another ${Math.ceil(remaining / 1000)} s; the request was not sent`,
          status: 429,
          code: 'TooManyRequests',
          retryAfterSeconds: Math.ceil(remaining / 1000),
        });
      }
      await this.clock.sleep(remaining, signal);
    }
  }
}

/** The gates of one client: one deadline per caller key, expired ones dropped so the map stays small. */
export class ThrottleGates {
  private readonly deadlines = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly maxWaitMs: number,
  ) {}

  for(callerKey: string): ThrottleGate {
    if (this.deadlines.size > 1000) {
      const now = this.clock.now();
      for (const [key, deadline] of this.deadlines) if (deadline <= now) this.deadlines.delete(key);
    }
    return new ThrottleGate(this.clock, this.maxWaitMs, this.deadlines, callerKey);
  }
}
