import { decorrelatedJitterGenerator, ExponentialBackoff, type IBackoff, type IBackoffFactory, type IRetryBackoffContext } from 'cockatiel';
import { PowerBiError } from './errors';

/** When and how often the client retries. */
export interface RetrySettings {
  /** Retries after 429/503 for one call; each waits out `Retry-After` (or backs off without one). */
  maxThrottledRetries: number;
  /** Retries after 5xx, timeouts and network failures for one call. */
  maxTransientRetries: number;
  /** First backoff for faults without `Retry-After`. */
  initialDelayMs: number;
  /** Cap of one backoff. */
  maxDelayMs: number;
  /**
   * Longest `Retry-After` worth waiting for inside a call. Power BI has answered `Retry-After:
   * 3392`; parking a user's request for an hour is worse than failing with the wait in the error.
   */
  maxRetryAfterSeconds: number;
}

/** Defaults: a few quick retries for faults, more patience for throttling, a minute at most per wait. */
export const retryDefaults: RetrySettings = {
  maxThrottledRetries: 6,
  maxTransientRetries: 4,
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterSeconds: 60,
};

/** Whether the service told us when to come back: then the throttle gate waits, not the backoff. */
function hasRetryAfter(error: unknown): boolean {
  return error instanceof PowerBiError && (error.status === 429 || error.status === 503) && error.retryAfterSeconds !== undefined;
}

type Context = IRetryBackoffContext<unknown>;

/**
 * cockatiel backoff that waits 0 ms after a `Retry-After` answer (the per-caller gate holds the
 * request until the deadline, so sleeping here too would only add delay) and otherwise steps a
 * decorrelated-jitter exponential backoff capped at `maxDelayMs`.
 */
class RetryAfterAwareBackoff implements IBackoff<Context> {
  constructor(
    private readonly exponential: IBackoffFactory<unknown>,
    readonly duration: number,
  ) {}

  next(context: Context): IBackoff<Context> {
    const error = 'error' in context.result ? context.result.error : undefined;
    if (hasRetryAfter(error)) return new RetryAfterAwareBackoff(this.exponential, 0);
    const step = this.exponential.next(context);
    return new RetryAfterAwareBackoff(step, step.duration);
  }
}

/** The backoff factory for one client. */
export function backoffFor(settings: RetrySettings): IBackoffFactory<Context> {
  const exponential = new ExponentialBackoff({
    initialDelay: settings.initialDelayMs,
    maxDelay: settings.maxDelayMs,
    generator: decorrelatedJitterGenerator,
  });
  return new RetryAfterAwareBackoff(exponential, 0);
}

/**
 * The retry decision for one call. cockatiel counts attempts but has one budget; throttling and
 * faults need separate ones (a bulk fetch may be throttled many times, while a failing service
 * should surface quickly), and only idempotent requests may be repeated after a fault.
 */
export class RetryBudget {
  private throttled = 0;
  private transient = 0;

  constructor(
    private readonly settings: RetrySettings,
    private readonly idempotent: boolean,
  ) {}

  /** Counts `error` against its budget and tells whether to try again. */
  allows(error: PowerBiError): boolean {
    if (error.status === 429 || error.status === 503) {
      if ((error.retryAfterSeconds ?? 0) > this.settings.maxRetryAfterSeconds) return false;
      return ++this.throttled <= this.settings.maxThrottledRetries;
    }
    if (error.kind !== 'transient') return false;
    if (!this.idempotent && error.code !== 'ConnectionRefused') return false;
    return ++this.transient <= this.settings.maxTransientRetries;
  }
}
