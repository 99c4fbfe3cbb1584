import type { HttpRequest } from '@azure/functions';
import { findForbiddenKey } from '@planboard/contracts';
import { parse as parseContentType } from 'content-type';
import type { z } from 'zod';
import { ApiError, validationFailed } from '../errors';

function issuesToDetails(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

const unsupported = (): ApiError => new ApiError(415, 'UnsupportedMediaType', 'Send the request body as application/json.');

/**
 * True for a JSON media type (RFC 9110 parsing, not a substring match): `application/json` or a
 * `+json` suffix type, with no parameter other than `charset=utf-8` (JSON is UTF-8, RFC 8259).
 */
export function isJsonMediaType(header: string | null): boolean {
  if (!header) return false;
  let parsed: ReturnType<typeof parseContentType>;
  try {
    parsed = parseContentType(header);
  } catch {
    return false;
  }
  const [type, subtype = ''] = parsed.type.split('/');
  if (type !== 'application' || !(subtype === 'json' || /^[a-z0-9!#$&^_.-]+\+json$/.test(subtype))) return false;
  return Object.entries(parsed.parameters).every(([name, value]) => name === 'charset' && value.toLowerCase() === 'utf-8');
}

/** 400 when parsed input carries `__proto__` / `constructor` / `prototype` at any depth. */
function refuseForbiddenKeys(value: unknown, where: string): void {
  const path = findForbiddenKey(value);
  if (path !== undefined)
    throw validationFailed(`The ${where} uses a reserved key.`, [{ path, message: `${path.split('.').pop()} is not allowed as a key` }]);
}

/** Parses and validates a JSON body; 415/400 with the failing fields named otherwise. */
export async function parseJsonBody<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.infer<S>> {
  if (!isJsonMediaType(request.headers.get('content-type'))) throw unsupported();
  let raw: unknown;
  try {
    raw = JSON.parse(await request.text());
  } catch {
    throw new ApiError(400, 'BadRequest', 'The request body is not valid JSON.');
  }
  refuseForbiddenKeys(raw, 'request body');
  const result = schema.safeParse(raw);
  if (!result.success) throw validationFailed('The request body is invalid.', issuesToDetails(result.error));
  return result.data;
}

/** Validates the query string against a schema of string fields. */
export function parseQuery<S extends z.ZodType>(request: HttpRequest, schema: S): z.infer<S> {
  // Keys from the URL itself: the worker's RPC query mapping is a plain object, which swallows `__proto__`.
  const keys = [...new URL(request.url).searchParams.keys()];
  refuseForbiddenKeys(Object.fromEntries(keys.map((key) => [key, ''])), 'query string');
  const result = schema.safeParse(Object.fromEntries(request.query.entries()));
  if (!result.success) throw validationFailed('The query string is invalid.', issuesToDetails(result.error));
  return result.data;
}

/** Validates route parameters. */
export function parseParams<S extends z.ZodType>(request: HttpRequest, schema: S): z.infer<S> {
  const result = schema.safeParse(request.params);
  if (!result.success) throw validationFailed('The address is invalid.', issuesToDetails(result.error));
  return result.data;
}
