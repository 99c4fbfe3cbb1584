import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { errorResponse } from './respond';

/** Headers every response carries: no MIME sniffing (a JSON error must never be rendered as HTML). */
const securityHeaders = { 'X-Content-Type-Options': 'nosniff' } as const;

function withSecurityHeaders(response: HttpResponseInit): HttpResponseInit {
  const headers = response.headers;
  if (Array.isArray(headers)) return { ...response, headers: [...headers, ...Object.entries(securityHeaders)] };
  if (headers && typeof (headers as { set?: unknown }).set === 'function') {
    for (const [name, value] of Object.entries(securityHeaders)) (headers as { set(name: string, value: string): void }).set(name, value);
    return response;
  }
  return { ...response, headers: { ...(headers as Record<string, string> | undefined), ...securityHeaders } };
}

/** Wraps a handler so every thrown error goes through the central error mapping. */
export function route(handler: (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>): HttpHandler {
  return async (request, context) => {
    try {
      return withSecurityHeaders(await handler(request, context));
    } catch (error) {
      return withSecurityHeaders(errorResponse(error, context));
    }
  };
}
