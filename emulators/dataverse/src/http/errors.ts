/** Dataverse's error body: `{"error":{"code":"0x…","message":"…"}}` (Web API error handling). */
export interface DataverseErrorBody {
  error: { code: string; message: string };
}

/** An error a handler throws to answer with Dataverse's status, body and headers. */
export class DataverseError extends Error {
  constructor(
    readonly status: number,
    readonly body: DataverseErrorBody | undefined,
    readonly headers: Record<string, string> = {},
  ) {
    super(body ? `${body.error.code}: ${body.error.message}` : `HTTP ${status}`);
  }
}

function error(status: number, code: string, message: string, headers: Record<string, string> = {}): DataverseError {
  return new DataverseError(status, { error: { code, message } }, headers);
}

/**
 * 404 for an entity set the environment does not have (names are case sensitive), with the code
 * of "Troubleshoot Dataverse Web API client errors".
 */
export function segmentNotFound(segment: string): DataverseError {
  return error(404, '0x8006088a', `Resource not found for the segment '${segment}'.`);
}

/** 400 for a `$select` / `$filter` / `$orderby` naming a column the table does not have (documented code `0x0`). */
export function unknownProperty(property: string, entityType: string): DataverseError {
  return error(400, '0x0', `Could not find a property named '${property}' on type 'Microsoft.Dynamics.CRM.${entityType}'.`);
}

/** 400 for a malformed query option (OData's syntax errors, `0x80060888`). */
export function querySyntaxError(message: string): DataverseError {
  return error(400, '0x80060888', message);
}

/** 404 for a record id that does not exist (`ObjectDoesNotExist`). */
export function recordNotFound(entityType: string, id: string): DataverseError {
  return error(404, '0x80040217', `${entityType} With Id = ${id} Does Not Exist`);
}

/** 405 for a write: the emulator's Web API is read-only (the control API changes data). */
export function methodNotAllowed(method: string): DataverseError {
  return error(405, '0x80060888', `The HTTP method '${method}' is not allowed on this resource in the emulator (read-only).`);
}

/**
 * 401 for a missing, malformed, foreign or expired token. Dataverse answers with an empty body
 * and the challenge naming the tenant's authority.
 */
export function unauthorized(authority: string, environmentUrl: string): DataverseError {
  return new DataverseError(401, undefined, {
    'WWW-Authenticate': `Bearer authorization_uri=${authority}/oauth2/authorize, resource_id=${environmentUrl}/`,
  });
}

/** 403 for a valid app-only token whose app is not an application user of the environment. */
export function notAnApplicationUser(appId: string): DataverseError {
  return error(
    403,
    '0x80072560',
    `The user is not a member of the organization. Application ${appId} is not an application user of this environment.`,
  );
}

/** 403 for a delegated (user) token: this emulator serves app-only callers (the pipeline) only. */
export function delegatedNotSupported(): DataverseError {
  return error(403, '0x80072560', 'The user is not a member of the organization.');
}

/**
 * The service-protection 429 of "Number of requests" (0x80072322 = -2147015902), with
 * `Retry-After` in seconds.
 */
export function serviceProtection(retryAfterSeconds: number): DataverseError {
  return error(429, '0x80072322', 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.', {
    'Retry-After': String(retryAfterSeconds),
  });
}
