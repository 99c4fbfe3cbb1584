import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { ApiError, validationFailed } from '../errors';

function issuesToDetails(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

/** Parses and validates a JSON body; 415/400 with the failing fields named otherwise. */
export async function parseJsonBody<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().includes('application/json')) {
    throw new ApiError(415, 'UnsupportedMediaType', 'Send the request body as application/json.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await request.text());
  } catch {
    throw new ApiError(400, 'BadRequest', 'The request body is not valid JSON.');
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw validationFailed('The request body is invalid.', issuesToDetails(result.error));
  return result.data;
}

/** Validates the query string against a schema of string fields. */
export function parseQuery<S extends z.ZodType>(request: HttpRequest, schema: S): z.infer<S> {
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
