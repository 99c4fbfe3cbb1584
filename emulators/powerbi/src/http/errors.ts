/** The body of an error response: the service's `{"error":{…}}` envelope, or the bare 429 message (NOTES §2). */
export type ErrorBody = { error: { code: string; message?: string; 'pbi.error'?: Record<string, unknown> } } | { message: string };

/**
 * An error a handler throws to answer with a documented status, body and headers. Handlers throw
 * instead of returning so that deeply nested checks (access, limits) can stop a request.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
    /** For 429s: real-time epoch ms before which the caller stays refused (logged). */
    readonly retryDeadline?: number,
  ) {
    super('error' in body ? `${body.error.code}: ${body.error.message ?? ''}` : body.message);
  }
}

/** `400 {"error":{"code":"InvalidRequest","message"}}`, the service's usual shape for a refused request. */
export function invalidRequest(message: string, code = 'InvalidRequest'): ApiError {
  return new ApiError(400, { error: { code, message } });
}

/** The observed 404 body (NOTES §2): no message, a `pbi.error` block with the same code. */
export function entityNotFound(): ApiError {
  const code = 'PowerBIEntityNotFound';
  return new ApiError(404, { error: { code, 'pbi.error': { code, parameters: {}, details: [], exceptionCulprit: 1 } } });
}

/** 401 for a caller who is authenticated but not allowed (workspace access, RLS); code per observation where known. */
export function notAuthorized(message: string, code = 'PowerBINotAuthorizedException'): ApiError {
  return new ApiError(401, { error: { code, message } });
}

/** 403 for a delegated token without any of the operation's required scopes. */
export function forbidden(message: string): ApiError {
  return new ApiError(403, { error: { code: 'PowerBINotAuthorizedException', message } });
}

/** 401 for a missing or invalid bearer token, with the challenge header clients look for. */
export function unauthenticated(code: string, message: string): ApiError {
  return new ApiError(
    401,
    { error: { code, message } },
    { 'WWW-Authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"` },
  );
}

/** The 429 of NOTES §2: a bare `message`, `Retry-After` in whole seconds. */
export function throttled(retryAfterSeconds: number, deadline?: number): ApiError {
  const message = `You have exceeded the amount of requests allowed in the current time frame and further requests will fail. Retry in ${retryAfterSeconds} seconds.`;
  return new ApiError(429, { message }, { 'Retry-After': String(retryAfterSeconds) }, deadline);
}

/**
 * The observed 400 for a DAX failure (NOTES §5): `DatasetExecuteQueriesError` with a
 * `pbi.error.details` list; the first detail carries the engine's reason.
 */
export function daxError(reason: string): ApiError {
  const code = 'DatasetExecuteQueriesError';
  const details = [
    { code: 'DetailsMessage', detail: { type: 1, value: reason } },
    { code: 'AnalysisServicesErrorCode', detail: { type: 1, value: '3239575574' } },
  ];
  return new ApiError(400, { error: { code, 'pbi.error': { code, parameters: {}, details } } });
}
