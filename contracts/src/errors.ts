import { z } from 'zod';

/** Every error code the API answers with. Clients switch on these, never on messages. */
export const errorCodes = [
  'BadRequest',
  'ValidationFailed',
  'Unauthorized',
  'Forbidden',
  /** 403: the user must consent (Teams' consent popup) before the API may call Power BI as them; details name the scopes. */
  'ConsentRequired',
  'NotFound',
  'Conflict',
  /** 412: the `If-Match` names a version that is no longer current. */
  'PreconditionFailed',
  /** 428: a conditional write (KPI definition update/delete) came without `If-Match`. */
  'PreconditionRequired',
  'Gone',
  'PayloadTooLarge',
  /** 422: an idempotency key reused with a different body (nothing was written). */
  'IdempotencyKeyReused',
  'UnsupportedMediaType',
  'TooManyRequests',
  /** 503: this host is at its limit for this kind of work (big reads, saves, exports, imports); retry after `Retry-After`. */
  'ServerBusy',
  'DependencyUnavailable',
  'InternalError',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One failing input: where (a JSON path such as `edits.3.value`) and why. */
export const errorDetailSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/** The one error envelope of every route: `{ "error": { code, message, details?, invocationId? } }`. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
    invocationId: z.string().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
