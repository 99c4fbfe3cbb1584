/** What the control API sets: refuse requests for a while, optionally after some more are served. */
export interface ThrottleRule {
  /** `Retry-After` of the refusals, in seconds. */
  retryAfterSeconds: number;
  /** How many more requests are served before the refusals start (default 0: the next one). */
  afterRequests?: number;
}

/**
 * Forced throttling. Once triggered, every request until `Retry-After` has passed is refused
 * (with the seconds that remain), as the real services keep refusing an over-limit caller; after
 * that requests are served again and the rule is spent.
 */
export class ForcedThrottle {
  private rule: ThrottleRule | undefined;
  private served = 0;
  private refusingUntil: number | undefined;

  set(rule: ThrottleRule | undefined): void {
    this.rule = rule;
    this.served = 0;
    this.refusingUntil = undefined;
  }

  /** Seconds to announce in `Retry-After` when this request is refused; undefined to serve it. */
  check(now = Date.now()): number | undefined {
    if (this.refusingUntil !== undefined) {
      if (now < this.refusingUntil) return Math.max(1, Math.ceil((this.refusingUntil - now) / 1000));
      this.set(undefined);
      return undefined;
    }
    if (!this.rule) return undefined;
    if (this.served < (this.rule.afterRequests ?? 0)) {
      this.served += 1;
      return undefined;
    }
    this.refusingUntil = now + this.rule.retryAfterSeconds * 1000;
    return this.rule.retryAfterSeconds;
  }

  /** The rule and whether refusals are under way (for `GET /_emulator/throttle`). */
  describe(): { rule: ThrottleRule | null; refusingUntil: string | null } {
    return { rule: this.rule ?? null, refusingUntil: this.refusingUntil ? new Date(this.refusingUntil).toISOString() : null };
  }
}
