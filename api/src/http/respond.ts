import type { HttpResponseInit, InvocationContext } from '@azure/functions';
import type { ErrorEnvelope } from '@planboard/contracts';
import { ApiError } from '../errors';
import { isTransientDependencyFault, TRANSIENT_RETRY_AFTER_SECONDS } from './transient';

/** JSON success response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Cache-Control': 'no-store', ...headers } };
}

/**
 * The one error → HTTP mapping: ApiErrors keep their status and message; a transient dependency
 * fault (storage dropped the connection or is busy) is a 503 with Retry-After; anything else is
 * logged with its stack and answered as a 500 that reveals nothing but the invocation id.
 */
export function errorResponse(error: unknown, context: InvocationContext): HttpResponseInit {
  if (error instanceof ApiError) {
    const body: ErrorEnvelope = {
      error: { code: error.code, message: error.message, details: error.details, invocationId: context.invocationId },
    };
    return { status: error.status, jsonBody: body, headers: { 'Cache-Control': 'no-store', ...error.headers } };
  }
  if (isTransientDependencyFault(error)) {
    context.warn('Transient dependency fault', error instanceof Error ? error.stack : error);
    const body: ErrorEnvelope = {
      error: {
        code: 'DependencyUnavailable',
        message: 'Storage is not answering right now. Please try again in a few seconds.',
        invocationId: context.invocationId,
      },
    };
    return { status: 503, jsonBody: body, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(TRANSIENT_RETRY_AFTER_SECONDS) } };
  }
  context.error('Unhandled error', error instanceof Error ? error.stack : error);
  const body: ErrorEnvelope = {
    error: { code: 'InternalError', message: 'Something went wrong on our side. Please try again.', invocationId: context.invocationId },
  };
  return { status: 500, jsonBody: body, headers: { 'Cache-Control': 'no-store' } };
}
