import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { errorResponse } from './respond';

/** Headers every response carries: no MIME sniffing (a JSON error must never be rendered as HTML). */
const securityHeaders = { 'X-Content-Type-Options': 'nosniff' } as const;

function withSecurityHeaders(response: HttpResponseInit): HttpResponseInit {
  const headers = new Headers(response.headers as ConstructorParameters<typeof Headers>[0]);
  for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
  return { ...response, headers: Object.fromEntries(headers) };
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
