import type { ErrorCode, ErrorDetail } from '@planboard/contracts';

/**
 * A fault of the caller (bad input, missing rights, a conflict): answered with a 4xx and a message
 * the user can act on. Anything that is not an ApiError is a system fault and becomes a 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]): ApiError => new ApiError(400, 'BadRequest', message, details);
export const validationFailed = (message: string, details: ErrorDetail[]): ApiError =>
  new ApiError(400, 'ValidationFailed', message, details);
export const forbidden = (message = 'You do not have access to this resource.'): ApiError => new ApiError(403, 'Forbidden', message);
export const notFound = (message = 'Not found.'): ApiError => new ApiError(404, 'NotFound', message);
export const conflict = (message: string, details?: ErrorDetail[]): ApiError => new ApiError(409, 'Conflict', message, details);

/** A dependency (storage, Power BI) is unreachable: the caller may retry later. */
export const dependencyUnavailable = (message: string, retryAfterSeconds?: number): ApiError =>
  new ApiError(
    503,
    'DependencyUnavailable',
    message,
    undefined,
    retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : undefined,
  );
