/** Graph's error body (https://learn.microsoft.com/graph/errors). */
export interface GraphErrorBody {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string; 'client-request-id': string } };
}

/** An error a handler throws; the route adds `innerError` (date and request ids) when it answers. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(requestId: string, clientRequestId: string): GraphErrorBody {
    const date = new Date().toISOString().replace(/\.\d{3}Z$/, '');
    return {
      error: {
        code: this.code,
        message: this.message,
        innerError: { date, 'request-id': requestId, 'client-request-id': clientRequestId },
      },
    };
  }
}

/** 401 with Graph's token messages (empty, invalid, expired, no permission claims). */
export function invalidAuthenticationToken(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });
}

/** 403: the token is valid but its permissions do not reach the drive. */
export function accessDenied(): GraphError {
  return new GraphError(403, 'accessDenied', 'Access denied');
}

/** 404 for a drive, item or path that does not exist. */
export function itemNotFound(message = 'The resource could not be found.'): GraphError {
  return new GraphError(404, 'itemNotFound', message);
}

/** 400 for malformed requests (bad `$top`, bad token, unknown segment). */
export function invalidRequest(message: string): GraphError {
  return new GraphError(400, 'invalidRequest', message);
}

/** 410 for a delta token the service no longer accepts: the client must enumerate again. */
export function resyncRequired(): GraphError {
  return new GraphError(
    410,
    'resyncRequired',
    "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
    {},
  );
}

/** 429 with `Retry-After` (OneDrive's `activityLimitReached`). */
export function throttled(retryAfterSeconds: number): GraphError {
  return new GraphError(429, 'activityLimitReached', 'The app or user has been throttled.', { 'Retry-After': String(retryAfterSeconds) });
}

/** 405 for writes: the emulated API is read-only (the control API changes files). */
export function methodNotAllowed(method: string): GraphError {
  return new GraphError(405, 'invalidRequest', `The HTTP method '${method}' is not supported by the emulator (read-only).`);
}
