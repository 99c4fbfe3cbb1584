import { z } from 'zod';
import { isoInstantSchema } from './safe-input';

/** A bulk fetch job's id (time-ordered, URL-safe). */
export const fetchJobIdSchema = z.string().regex(/^[a-z0-9-]{8,40}$/, 'not a fetch job id');

/** A workspace the job could not read, and why (in words). */
export const fetchJobFailureSchema = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  reason: z.string(),
});
export type FetchJobFailure = z.infer<typeof fetchJobFailureSchema>;

/**
 * "Fetch everything": the catalog and the refresh history of every model, one queue message per
 * workspace. Progress is what the workspaces' hosts have recorded so far.
 */
export const fetchJobSchema = z.object({
  jobId: fetchJobIdSchema,
  startedAt: isoInstantSchema,
  startedBy: z.string(),
  /** Workspaces to read. */
  total: z.number().int().nonnegative(),
  /** Workspaces finished (read, or failed with a reason). */
  done: z.number().int().nonnegative(),
  /** Models whose history was read. */
  models: z.number().int().nonnegative(),
  failures: z.array(fetchJobFailureSchema),
  state: z.enum(['running', 'completed', 'completedWithFailures']),
  /** When the last workspace finished; null while running. */
  finishedAt: isoInstantSchema.nullable(),
});
export type FetchJob = z.infer<typeof fetchJobSchema>;

/** `POST /api/operations/fetch-all` (202): the job started, or the one already running (200). */
export const fetchJobStartSchema = z.object({ job: fetchJobSchema, alreadyRunning: z.boolean() });
export type FetchJobStart = z.infer<typeof fetchJobStartSchema>;

/** `GET /api/operations/fetch-all`: the newest job, null before the first. */
export const fetchJobCurrentSchema = z.object({ job: fetchJobSchema.nullable() });
export type FetchJobCurrent = z.infer<typeof fetchJobCurrentSchema>;

/** One queue message: a workspace of a job. */
export const fetchJobMessageSchema = z.object({
  jobId: fetchJobIdSchema,
  workspaceId: z.string().min(1).max(80),
  workspaceName: z.string().max(400),
  dedicated: z.boolean().optional(),
  capacityId: z.string().max(80).optional(),
});
export type FetchJobMessage = z.infer<typeof fetchJobMessageSchema>;
