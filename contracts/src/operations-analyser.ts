import { z } from 'zod';
import { categoryNameSchema } from './operations';
import { isoInstantSchema } from './safe-input';

const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'a Power BI id is a GUID');

/** The analyser's time windows: the last 24 hours (hourly), the last 7 days and all stored history (daily). */
export const performanceWindowSchema = z.enum(['24h', '7d', 'all'], { error: 'window is one of 24h, 7d, all' });
export type PerformanceWindow = z.infer<typeof performanceWindowSchema>;

/** `GET /api/operations/performance` (and `.xlsx`): a window and optional filters. */
export const performanceQuerySchema = z
  .object({
    window: performanceWindowSchema.default('24h'),
    environment: categoryNameSchema.optional(),
    module: categoryNameSchema.optional(),
    workspace: guid.optional(),
  })
  .strict();
export type PerformanceQuery = z.infer<typeof performanceQuerySchema>;

/** Where a refresh ran, in words. */
const placeSchema = z.object({
  datasetId: z.string(),
  modelName: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  environment: z.string(),
  module: z.string(),
});

export const slowRefreshSchema = placeSchema.extend({
  requestId: z.string(),
  refreshType: z.string(),
  startTime: isoInstantSchema,
  durationMs: z.number().nonnegative(),
  /** The model's typical duration: median of its latest 30 completed refreshes; null without any. */
  typicalMs: z.number().nonnegative().nullable(),
});

export const failedRefreshSchema = placeSchema.extend({
  requestId: z.string(),
  refreshType: z.string(),
  startTime: isoInstantSchema,
  errorCode: z.string().nullable(),
  errorDescription: z.string().nullable(),
});

export const outlierRefreshSchema = placeSchema.extend({
  requestId: z.string(),
  refreshType: z.string(),
  startTime: isoInstantSchema,
  durationMs: z.number().nonnegative(),
  /** The model's median before this refresh, and the bar it went over. */
  medianMs: z.number().nonnegative(),
  thresholdMs: z.number().nonnegative(),
  /** Duration ÷ median. */
  ratio: z.number().nonnegative(),
});

export const failureRateSchema = z.object({
  key: z.string(),
  label: z.string(),
  refreshes: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** failed ÷ refreshes (0 when none ran). */
  rate: z.number().min(0).max(1),
});

export const countPointSchema = z.object({
  /** Start of the hour or day (UTC). */
  at: isoInstantSchema,
  environment: z.string(),
  completed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  disabled: z.number().int().nonnegative(),
});

export const startDelaySchema = z.object({
  capacityId: z.string(),
  capacityName: z.string(),
  /** Scheduled refreshes measured. */
  scheduled: z.number().int().nonnegative(),
  p50Ms: z.number().nonnegative().nullable(),
  p95Ms: z.number().nonnegative().nullable(),
});

export const capacityPointSchema = z.object({
  capacityId: z.string(),
  capacityName: z.string(),
  at: isoInstantSchema,
  /** Capacity units used, % of the capacity. */
  utilisation: z.number().nonnegative(),
});

export const performanceReportSchema = z.object({
  window: performanceWindowSchema,
  /** Window start; null for all stored history. */
  from: isoInstantSchema.nullable(),
  to: isoInstantSchema,
  bucket: z.enum(['hour', 'day']),
  /** The outlier rule in words (the UI shows it beside the outliers). */
  outlierRule: z.string(),
  filters: z.object({
    environments: z.array(z.string()),
    modules: z.array(z.string()),
    workspaces: z.array(z.object({ workspaceId: z.string(), name: z.string() })),
  }),
  slowest: z.array(slowRefreshSchema),
  failed: z.object({
    recent: z.array(failedRefreshSchema),
    byEnvironment: z.array(failureRateSchema),
    byModel: z.array(failureRateSchema),
    codes: z.array(z.object({ errorCode: z.string(), count: z.number().int().nonnegative() })),
  }),
  outliers: z.array(outlierRefreshSchema),
  counts: z.array(countPointSchema),
  startDelay: z.array(startDelaySchema),
  capacity: z.array(capacityPointSchema),
  /** Table entities read to answer (grows with models × days, not with refreshes). */
  read: z.object({
    rollups: z.number().int().nonnegative(),
    index: z.number().int().nonnegative(),
    raw: z.number().int().nonnegative(),
    capacity: z.number().int().nonnegative(),
  }),
});
export type PerformanceReport = z.infer<typeof performanceReportSchema>;
export type SlowRefresh = z.infer<typeof slowRefreshSchema>;
export type FailedRefresh = z.infer<typeof failedRefreshSchema>;
export type OutlierRefresh = z.infer<typeof outlierRefreshSchema>;
export type FailureRate = z.infer<typeof failureRateSchema>;
export type CountPoint = z.infer<typeof countPointSchema>;
export type StartDelay = z.infer<typeof startDelaySchema>;
export type CapacityPoint = z.infer<typeof capacityPointSchema>;

/** `POST /api/operations/capacity/ingest`: what was read from the capacity-metrics models. */
export const capacityIngestResultSchema = z.object({
  models: z.number().int().nonnegative(),
  readings: z.number().int().nonnegative(),
  skipped: z.array(z.string()),
});
export type CapacityIngestResult = z.infer<typeof capacityIngestResultSchema>;
