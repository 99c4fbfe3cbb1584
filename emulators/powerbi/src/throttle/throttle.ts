/** A request budget: at most `limit` requests per `windowMs` (fixed windows). */
export interface Budget {
  limit: number;
  windowMs: number;
}

/** A refusal: how long to wait (the `Retry-After` header) and until when requests stay refused. */
export interface Refusal {
  retryAfterSeconds: number;
  /** Real-time epoch ms; every request of this key before it is refused too. */
  deadline: number;
}

interface Window {
  start: number;
  count: number;
  blockedUntil?: number;
}

/** Budgets the service documents (NOTES §2, §6), on by default. */
export const documentedBudgets = {
  /** executeQueries: 120 query requests per minute per user. */
  executeQueries: { limit: 120, windowMs: 60_000 },
  /** Push rows: 120 POST rows requests per minute per dataset. */
  postRows: { limit: 120, windowMs: 60_000 },
} as const satisfies Record<string, Budget>;

/**
 * Per-key request budgets in real time (clients sleep `Retry-After` real seconds). Once a key is
 * over budget, everything it sends before the announced deadline is refused, so the request log
 * can show that no request was served to a throttled caller before its Retry-After passed.
 */
export class Throttle {
  private readonly windows = new Map<string, Window>();
  private defaultBudget: Budget | undefined;
  private readonly callerBudgets = new Map<string, Budget>();

  /** Sets the general budget for one caller (UPN or app id), or for every caller with `*`; undefined removes it. */
  setCallerBudget(caller: string, budget: Budget | undefined): void {
    if (caller === '*') this.defaultBudget = budget;
    else if (budget) this.callerBudgets.set(caller.toLowerCase(), budget);
    else this.callerBudgets.delete(caller.toLowerCase());
  }

  /** The general budget that applies to a caller, if any. */
  callerBudget(caller: string): Budget | undefined {
    return this.callerBudgets.get(caller.toLowerCase()) ?? this.defaultBudget;
  }

  /** Drops every budget and window (reset). */
  clear(): void {
    this.windows.clear();
    this.callerBudgets.clear();
    this.defaultBudget = undefined;
  }

  /** Counts a request against a budget; a Refusal when over it. */
  take(bucket: string, key: string, budget: Budget | undefined, now: number): Refusal | undefined {
    if (!budget) return undefined;
    const id = `${bucket}\u0000${key.toLowerCase()}`;
    let window = this.windows.get(id);
    if (window?.blockedUntil !== undefined) {
      if (now < window.blockedUntil) return this.refuse(window, window.blockedUntil, now);
      window = undefined;
    }
    if (!window || now >= window.start + budget.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(id, window);
    }
    if (window.count >= budget.limit) return this.refuse(window, window.start + budget.windowMs, now);
    window.count += 1;
    return undefined;
  }

  private refuse(window: Window, until: number, now: number): Refusal {
    const retryAfterSeconds = Math.max(1, Math.ceil((until - now) / 1000));
    // The announced deadline (now + whole seconds) is at or after `until`; enforce the later one.
    const deadline = Math.max(window.blockedUntil ?? 0, now + retryAfterSeconds * 1000);
    window.blockedUntil = deadline;
    return { retryAfterSeconds, deadline };
  }
}
