/**
 * The emulator's clock: real time plus an offset that tests move forward. Refresh durations,
 * refresh history, quotas and schedules all read this clock, so a test can "wait" an hour in a
 * millisecond. Tokens and throttling keep using real time, because clients (jose, Retry-After
 * sleeps) measure those with the real clock.
 */
export class Clock {
  private offset: number;

  constructor(
    offsetMs = 0,
    private readonly realNow: () => number = Date.now,
  ) {
    this.offset = offsetMs;
  }

  /** Emulated time in epoch milliseconds. */
  now(): number {
    return this.realNow() + this.offset;
  }

  /** How far the emulated time is ahead of real time. */
  get offsetMs(): number {
    return this.offset;
  }

  /** Moves emulated time forward; time never goes backwards, so negative values are refused. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
    this.offset += ms;
  }

  /** Sets the offset (reset to the configured start). */
  setOffset(ms: number): void {
    this.offset = ms;
  }
}
