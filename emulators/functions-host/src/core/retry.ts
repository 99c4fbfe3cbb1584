import { writeLog } from '../log/logger';
import { InvocationError, type InvocationInput, type InvocationOutcome } from './invoke';
import type { RegisteredFunction } from './registry';
import type { RpcDuration, RpcRetryOptions } from './types';

/** Runs an invocation (e.g. `invoke` plus output bindings). */
export type Invoker = (fn: RegisteredFunction, input: InvocationInput, reason: string) => Promise<InvocationOutcome>;

function durationMs(duration: RpcDuration | null | undefined): number {
  if (!duration) return 0;
  return Number(duration.seconds ?? 0) * 1000 + Math.round(Number(duration.nanos ?? 0) / 1e6);
}

/** Delay before retry number `retryCount` (1-based), per the function's `retry` option. */
export function retryDelayMs(options: RpcRetryOptions, retryCount: number): number {
  if (options.retryStrategy === 'exponentialBackoff') {
    const min = durationMs(options.minimumInterval);
    const max = durationMs(options.maximumInterval) || Number.MAX_SAFE_INTEGER;
    return Math.min(max, min * 2 ** (retryCount - 1));
  }
  return durationMs(options.delayInterval);
}

/**
 * Function-level retry policy (`app.timer(..., { retry })`), honoured by the host for triggers that
 * support it (timers here). Each attempt gets a fresh invocation id and a retryContext, and the
 * final failure is rethrown. maxRetryCount -1 means retry forever, as on Azure.
 */
export async function invokeWithRetry(
  invoker: Invoker,
  fn: RegisteredFunction,
  makeInput: () => InvocationInput,
  reason: string,
  shouldStop: () => boolean = () => false,
): Promise<InvocationOutcome> {
  const options = fn.metadata.retryOptions;
  const max = options?.maxRetryCount ?? 0;
  let lastCause: unknown;
  for (let retryCount = 0; ; retryCount += 1) {
    const input = makeInput();
    if (options && retryCount > 0) {
      const exception =
        lastCause instanceof Error
          ? { message: lastCause.message, stackTrace: lastCause.stack, source: lastCause.name }
          : { message: String(lastCause) };
      input.retryContext = { retryCount, maxRetryCount: max, exception };
    }
    try {
      return await invoker(fn, input, reason);
    } catch (error) {
      if (!options || (max !== -1 && retryCount >= max) || shouldStop()) throw error;
      const delay = retryDelayMs(options, retryCount + 1);
      const cause = error instanceof InvocationError ? error.cause : error;
      lastCause = cause;
      writeLog({
        level: 'warning',
        category: `Function.${fn.metadata.name}`,
        message: `Retrying 'Functions.${fn.metadata.name}' in ${delay}ms (attempt ${retryCount + 1} of ${max === -1 ? 'unlimited' : max}): ${cause instanceof Error ? cause.message : String(cause)}`,
      });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
