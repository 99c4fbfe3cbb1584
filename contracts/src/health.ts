import { z } from 'zod';

/** `GET /api/health`: liveness of the process. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  service: z.string(),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
});
export type Health = z.infer<typeof healthSchema>;

/** `GET /api/health/<dependency>`: a real round trip to the dependency and how long it took. */
export const dependencyHealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  dependency: z.string(),
  latencyMs: z.number().nonnegative(),
  reason: z.string().optional(),
});
export type DependencyHealth = z.infer<typeof dependencyHealthSchema>;
