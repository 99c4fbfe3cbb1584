/**
 * Whether an error is a transient fault of a dependency reached over the network (storage above
 * all): the connection dropped or was refused, or the service answered that it is busy or failed.
 * The Azure SDKs have already retried these (their default retry policy); what reaches us is worth
 * a 503 with Retry-After — the client's retry will likely succeed — never a 500.
 */
const transientStatuses = new Set([408, 500, 502, 503, 504]);
const transientCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  // @azure/core-rest-pipeline's code for a request that never got an answer.
  'REQUEST_SEND_ERROR',
  // Storage's own names for "try again".
  'ServerBusy',
  'OperationTimedOut',
  'InternalError',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  cause?: unknown;
}

function isTransientOne(error: ErrorLike): boolean {
  if (typeof error.code === 'string' && transientCodes.has(error.code)) return true;
  if (error.name === 'RestError' && typeof error.statusCode === 'number' && transientStatuses.has(error.statusCode)) return true;
  return typeof error.message === 'string' && /socket hang up|other side closed/i.test(error.message);
}

/** True when this error, or one it wraps (`cause`), is a transient dependency fault. */
export function isTransientDependencyFault(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (isTransientOne(current as ErrorLike)) return true;
    current = (current as ErrorLike).cause;
  }
  return false;
}

/** Seconds a client should wait before retrying after a transient dependency fault. */
export const TRANSIENT_RETRY_AFTER_SECONDS = 5;
