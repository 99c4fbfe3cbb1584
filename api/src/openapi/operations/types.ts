import type { z } from 'zod';

/** A body the route accepts, by media type. */
export type RequestBody = { [mediaType: string]: z.ZodType };

/** One response: a JSON schema, or a described non-JSON body (a file). */
export type ResponseSpec = z.ZodType | { description: string; mediaType: string };

/** One operation of the API as the OpenAPI document describes it (paths in the Functions route syntax, without `/api`). */
export interface OperationSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  route: string;
  operationId: string;
  tag: string;
  summary: string;
  /** Anonymous routes (health, sign-in settings) need no bearer token. */
  anonymous?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: RequestBody;
  /** Success responses by status; every operation also gets the error envelope for 4xx/5xx. */
  responses: Record<number, ResponseSpec>;
}
