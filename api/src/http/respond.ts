import type { HttpResponseInit, InvocationContext } from '@azure/functions';
import type { ErrorEnvelope } from '@planboard/contracts';
import { ApiError } from '../errors';

/** JSON success response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Cache-Control': 'no-store', ...headers } };
}

/**
 * The one error → HTTP mapping: ApiErrors keep their status and message; anything else is logged
 * with its stack and answered as a 500 that reveals nothing but the invocation id.
 */
export function errorResponse(error: unknown, context: InvocationContext): HttpResponseInit {
  if (error instanceof ApiError) {
    const body: ErrorEnvelope = {
      error: { code: error.code, message: error.message, details: error.details, invocationId: context.invocationId },
    };
    return { status: error.status, jsonBody: body, headers: { 'Cache-Control': 'no-store', ...error.headers } };
  }
  context.error('Unhandled error', error instanceof Error ? error.stack : error);
  const body: ErrorEnvelope = {
    error: { code: 'InternalError', message: 'Something went wrong on our side. Please try again.', invocationId: context.invocationId },
  };
  return { status: 500, jsonBody: body, headers: { 'Cache-Control': 'no-store' } };
}
