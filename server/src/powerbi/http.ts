import {
  BulkheadRejectedError,
  bulkhead,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  type BulkheadPolicy,
  type RetryPolicy,
  type TimeoutPolicy,
} from 'cockatiel';
import type { TokenSource } from './auth';
import { errorFromResponse, parseRetryAfter, PowerBiError, PowerBiTimeoutError, PowerBiTransientError } from './errors';
import { backoffFor, RetryBudget, retryDefaults, type RetrySettings } from './retry';
import { systemClock, ThrottleGates, type Clock, type ThrottleGate } from './throttle-gate';

/** Transport defaults: enough parallelism for bulk reads, a bounded queue, and a generous per-attempt timeout. */
export const httpDefaults = { maxConcurrency: 16, maxQueue: 10_000, timeoutMs: 30_000 } as const;

/** Transport settings of a Power BI client. */
export interface PowerBiHttpOptions {
  /** `https://api.powerbi.com/v1.0/myorg` in Azure; the emulator's `http://127.0.0.1:7400/v1.0/myorg` locally. */
  baseUrl: string;
  /** Requests in flight at once (all callers of this client together). Default 16. */
  maxConcurrency?: number;
  /** Requests waiting for a slot before new ones are refused. Default 10,000. */
  maxQueue?: number;
  /** Per attempt, from sending to the last byte of the body. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetrySettings>;
  fetch?: typeof fetch;
  clock?: Clock;
  /** Called before every retry (telemetry). */
  onRetry?: (event: { method: string; path: string; attempt: number; error: PowerBiError }) => void;
}

/** One REST call. `path` is relative to the base URL and already encoded. */
export interface PowerBiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /**
   * Whether sending twice is harmless, which allows retrying after a 5xx or a timeout (the
   * service may have acted). Default: true except for POST. 429/503 are always retried: the
   * service did not process those.
   */
  idempotent?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A 2xx response with its parsed JSON body (`undefined` when empty). */
export interface PowerBiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** Thrown inside the bulkhead when the gate closed while we queued: release the slot and wait. */
const gateClosed = Symbol('gate closed');

/**
 * The Power BI transport: cockatiel policies around `fetch`, from the outside in —
 * retry (Retry-After-aware backoff, separate budgets for throttling and faults) → per-caller
 * `Retry-After` gate → bulkhead (concurrency limit, queue) → timeout → fetch.
 * The gate sits outside the bulkhead so a throttled caller does not hold slots while it waits.
 */
export class PowerBiHttp {
  readonly baseUrl: string;
  private readonly settings: RetrySettings;
  private readonly clock: Clock;
  private readonly fetchImpl: typeof fetch;
  private readonly gates: ThrottleGates;
  private readonly bulkhead: BulkheadPolicy;
  private readonly retry: RetryPolicy;
  private readonly timeouts = new Map<number, TimeoutPolicy>();
  private readonly retryable = new WeakSet<object>();
  private readonly timeoutMs: number;

  constructor(private readonly options: PowerBiHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.settings = { ...retryDefaults, ...options.retry };
    this.clock = options.clock ?? systemClock;
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? httpDefaults.timeoutMs;
    this.gates = new ThrottleGates(this.clock, this.settings.maxRetryAfterSeconds * 1000);
    this.bulkhead = bulkhead(options.maxConcurrency ?? httpDefaults.maxConcurrency, options.maxQueue ?? httpDefaults.maxQueue);
    this.retry = retry(
      handleWhen((error) => this.retryable.has(error)),
      { maxAttempts: this.settings.maxThrottledRetries + this.settings.maxTransientRetries, backoff: backoffFor(this.settings) },
    );
  }

  /** Requests currently sent and not yet answered. */
  get inFlight(): number {
    return (this.options.maxConcurrency ?? httpDefaults.maxConcurrency) - this.bulkhead.executionSlots;
  }

  /** The `Retry-After` deadline (epoch ms) of a caller, 0 when it may send. */
  throttledUntil(callerKey: string): number {
    return this.gates.for(callerKey).deadline;
  }

  /** Sends `request` as `caller`, retrying per the policies; throws a {@link PowerBiError}. */
  send<T>(caller: TokenSource, request: PowerBiRequest): Promise<PowerBiResponse<T>> {
    const budget = new RetryBudget(this.settings, request.idempotent ?? request.method !== 'POST');
    const gate = this.gates.for(caller.callerKey);
    return this.retry.execute(async ({ attempt }) => {
      try {
        return await this.attempt<T>(caller, gate, request);
      } catch (error) {
        if (error instanceof PowerBiError && budget.allows(error)) {
          this.retryable.add(error);
          this.options.onRetry?.({ method: request.method, path: request.path, attempt: attempt + 1, error });
        }
        throw error;
      }
    }, request.signal);
  }

  private async attempt<T>(caller: TokenSource, gate: ThrottleGate, request: PowerBiRequest): Promise<PowerBiResponse<T>> {
    for (;;) {
      await gate.wait(request.signal);
      // A fresh token per attempt: after a long Retry-After the previous one may be near expiry.
      const token = await caller.getToken();
      try {
        return await this.bulkhead.execute(() => {
          // Re-checked inside the slot: a 429 may have closed the gate while this request queued.
          if (gate.isClosed()) throw gateClosed;
          return this.exchange<T>(request, token, gate);
        }, request.signal);
      } catch (error) {
        if (error === gateClosed) continue;
        if (error instanceof BulkheadRejectedError) {
          throw new PowerBiTransientError({
            message: 'Too many Power BI requests queued in this client',
            code: 'ClientQueueFull',
            ...this.where(request),
            cause: error,
          });
        }
        throw error;
      }
    }
  }

  private exchange<T>(request: PowerBiRequest, token: string, gate: ThrottleGate): Promise<PowerBiResponse<T>> {
    const ms = request.timeoutMs ?? this.timeoutMs;
    let policy = this.timeouts.get(ms);
    if (!policy) this.timeouts.set(ms, (policy = timeout(ms, TimeoutStrategy.Cooperative)));
    const hasBody = request.body !== undefined;
    return policy.execute(async ({ signal }) => {
      try {
        const response = await this.fetchImpl(this.url(request), {
          method: request.method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(hasBody ? { 'content-type': 'application/json' } : {}),
          },
          body: hasBody ? JSON.stringify(request.body) : undefined,
          signal,
        });
        // The deadline counts from when we saw the answer, which is never before the service sent it.
        // The gate closes on the headers, before the body is read, so no request slips out meanwhile.
        const receivedAt = this.clock.now();
        const retryAfter =
          response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after'), receivedAt) : undefined;
        if (retryAfter !== undefined) gate.closeFor(retryAfter, receivedAt);
        const text = await response.text();
        if (response.ok) return { status: response.status, headers: response.headers, body: this.parse<T>(text, request) };
        throw errorFromResponse(response, text, request, receivedAt);
      } catch (error) {
        if (error instanceof PowerBiError) throw error;
        if (request.signal?.aborted) throw request.signal.reason ?? error; // the caller gave up: not ours to retry
        if (signal.aborted)
          throw new PowerBiTimeoutError({
            message: `Power BI ${request.method} ${request.path} timed out after ${ms} ms`,
            code: 'Timeout',
            ...this.where(request),
          });
        const cause = (error as { cause?: { code?: string } }).cause;
        // A refused connection never reached the service, so even a POST may be sent again.
        const code = cause?.code === 'ECONNREFUSED' ? 'ConnectionRefused' : 'NetworkError';
        throw new PowerBiTransientError({
          message: `Power BI ${request.method} ${request.path} failed: ${(error as Error).message}`,
          code,
          ...this.where(request),
          cause: error,
        });
      }
    }, request.signal);
  }

  private parse<T>(text: string, request: PowerBiRequest): T {
    if (text.trim() === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new PowerBiTransientError({
        message: `Power BI ${request.method} ${request.path} answered with invalid JSON`,
        code: 'InvalidResponse',
        ...this.where(request),
        cause: error,
      });
    }
  }

  private url(request: PowerBiRequest): string {
    const query = Object.entries(request.query ?? {})
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      // OData option names keep their `$` (`$top`), values are encoded.
      .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
      .join('&');
    return `${this.baseUrl}${request.path}${query ? `?${query}` : ''}`;
  }

  private where(request: PowerBiRequest): { method: string; path: string } {
    return { method: request.method, path: request.path };
  }
}
