import { z } from 'zod';

/** `GET /api/health`: liveness of the process. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  service: z.string(),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  /** This host process (a new id per start): tells scaled-out instances apart. */
  instanceId: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

/** The API's `GET /api/health`: liveness plus the load this host carries. */
export const apiHealthSchema = healthSchema.extend({
  /** Expensive work this host is doing and queueing now, per kind (its admission limits). */
  load: z.record(
    z.enum(['planReads', 'planSaves', 'exports', 'imports']),
    z.object({ running: z.number().int().nonnegative(), waiting: z.number().int().nonnegative(), limit: z.number().int().positive() }),
  ),
});
export type ApiHealth = z.infer<typeof apiHealthSchema>;

/** `GET /api/health/<dependency>`: a real round trip to the dependency and how long it took. */
export const dependencyHealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  dependency: z.string(),
  latencyMs: z.number().nonnegative(),
  reason: z.string().optional(),
});
export type DependencyHealth = z.infer<typeof dependencyHealthSchema>;
