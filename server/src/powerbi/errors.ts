/**
 * Typed Power BI failures. Callers branch on the class (or `kind`): a throttled caller waits, a
 * transient fault may succeed later, a user fault (4xx) will fail the same way again, and an
 * auth fault means the app registration or the user's token is wrong.
 */

/** Why a call failed; decides whether retrying can help. */
export type PowerBiFaultKind = 'throttled' | 'transient' | 'user' | 'auth';

/** What every Power BI error carries. */
export interface PowerBiErrorInit {
  message: string;
  /** HTTP status; absent when no response arrived (timeout, network, not sent). */
  status?: number;
  /** Power BI's error code (`error.code`, `pbi.error.code`) or ours (`Timeout`, `NetworkError`, …). */
  code: string;
  /** `RequestId` / `x-ms-request-id` of the response, for Microsoft support. */
  requestId?: string;
  /** Seconds the service asked us to wait (`Retry-After`). */
  retryAfterSeconds?: number;
  method?: string;
  path?: string;
  /** `pbi.error.details` when present. */
  details?: unknown;
  cause?: unknown;
}

/** Base class of every error the Power BI client throws. */
export class PowerBiError extends Error {
  readonly kind: PowerBiFaultKind = 'user';
  readonly status?: number;
  readonly code: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
  readonly method?: string;
  readonly path?: string;
  readonly details?: unknown;

  constructor(init: PowerBiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.method = init.method;
    this.path = init.path;
    this.details = init.details;
  }
}

/** 429 (or a request we refused to send because the caller is still inside a `Retry-After`). */
export class PowerBiThrottledError extends PowerBiError {
  override readonly kind = 'throttled';
}

/** 5xx, timeouts and network failures: the same request may succeed later. */
export class PowerBiTransientError extends PowerBiError {
  override readonly kind = 'transient';
}

/** No response within the per-request timeout. */
export class PowerBiTimeoutError extends PowerBiTransientError {}

/** A 4xx other than 401/403/429: the request itself is wrong (bad body, unknown id, quota, state). */
export class PowerBiRequestError extends PowerBiError {
  override readonly kind = 'user';
}

/** 401/403 from Power BI, or no token could be acquired. */
export class PowerBiAuthError extends PowerBiError {
  override readonly kind = 'auth';
}

/**
 * Entra needs the user to act before it issues a delegated token: consent to the Power BI scopes
 * (AADSTS65001, `consent_required`) or another interaction (`interaction_required`, MFA, …). Only
 * the user's client can do that (Teams' consent popup); the API tells it so.
 */
export class PowerBiConsentRequiredError extends PowerBiAuthError {}

/**
 * Parses `Retry-After`: delta-seconds (what Power BI sends) or an HTTP-date. Fractions are kept;
 * an unparseable or negative value counts as absent so the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The request id Power BI puts on responses (both spellings occur). */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('requestid') ?? headers.get('x-ms-request-id') ?? undefined;
}

interface ErrorBody {
  error?: { code?: string; message?: string; 'pbi.error'?: { code?: string; details?: unknown } };
  message?: string;
}

function parseBody(text: string): ErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as ErrorBody) : {};
  } catch {
    return {};
  }
}

const defaultCodes: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 429: 'TooManyRequests' };

/**
 * Builds the typed error for a non-2xx response. Bodies come in three shapes: the usual
 * `{error:{code,message}}`, `{error:{code,"pbi.error":{code,details}}}` (404s, DAX errors), and
 * the 429 `{message:"… Retry in N seconds."}` without an envelope.
 */
export function errorFromResponse(
  response: { status: number; headers: Headers },
  text: string,
  request: { method: string; path: string },
  now: number,
): PowerBiError {
  const body = parseBody(text);
  const pbi = body.error?.['pbi.error'];
  const code = body.error?.code ?? pbi?.code ?? defaultCodes[response.status] ?? (response.status >= 500 ? 'ServiceError' : 'BadRequest');
  const serviceMessage =
    body.error?.message ?? body.message ?? (text && !text.trimStart().startsWith('{') ? text.slice(0, 300) : undefined);
  const init: PowerBiErrorInit = {
    message: `Power BI ${request.method} ${request.path} failed with ${response.status} ${code}${serviceMessage ? `: ${serviceMessage}` : ''}`,
    status: response.status,
    code,
    requestId: requestIdOf(response.headers),
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), now),
    method: request.method,
    path: request.path,
    details: pbi?.details,
  };
  if (response.status === 429) return new PowerBiThrottledError(init);
  if (response.status === 401 || response.status === 403) return new PowerBiAuthError(init);
  if (response.status >= 500 || response.status === 408) return new PowerBiTransientError(init);
  return new PowerBiRequestError(init);
}

/** `Refresh.serviceExceptionJson` is a string holding JSON; this reads it without throwing. */
export function parseServiceException(json: string | undefined): { errorCode?: string; errorDescription?: string } | undefined {
  if (!json) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' ? (parsed as { errorCode?: string; errorDescription?: string }) : undefined;
  } catch {
    return { errorDescription: json };
  }
}
