import { z } from 'zod';
import { scopeIdSchema } from './directory';

/**
 * KPI monitoring (SPEC §2). A KPI belongs to a department (a scope of type `department`); its
 * data points carry a value and, unless the KPI is "within range", the period's target. Status
 * comes from the target type and two thresholds, each a shortfall in percent:
 * - shortfall: how far the value is worse than its target, in % of |target| (0 when met); for
 *   "within range", the distance outside [rangeMin, rangeMax] in % of the range's width;
 * - on track: shortfall ≤ atRiskPct; at risk: ≤ offTrackPct; off track: beyond.
 */
export const kpiTargetTypes = ['higherIsBetter', 'lowerIsBetter', 'withinRange'] as const;
export type KpiTargetType = (typeof kpiTargetTypes)[number];
export const kpiStatuses = ['onTrack', 'atRisk', 'offTrack', 'noData'] as const;
export type KpiStatus = (typeof kpiStatuses)[number];
export const kpiPeriods = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type KpiPeriod = (typeof kpiPeriods)[number];

export const kpiIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'a KPI id is a lower-case slug such as on-time-delivery');
/** Calendar date of the period's first day. */
export const periodStartSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date looks like 2026-11-02')
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'not a calendar date',
  );
const measure = z.number().finite().min(-1e12).max(1e12);
const percent = z.number().finite().min(0).max(1000);

export const kpiThresholdsSchema = z
  .object({ atRiskPct: percent, offTrackPct: percent })
  .refine((t) => t.atRiskPct <= t.offTrackPct, { message: 'atRiskPct must not exceed offTrackPct', path: ['offTrackPct'] });
export type KpiThresholds = z.infer<typeof kpiThresholdsSchema>;

/** `POST /api/kpis/{departmentId}` and `PUT …/{kpiId}`: a KPI's definition. */
export const kpiDefinitionInputSchema = z
  .object({
    kpiId: kpiIdSchema,
    name: z.string().trim().min(1).max(120),
    unit: z.string().trim().max(20).default(''),
    description: z.string().max(1000).default(''),
    targetType: z.enum(kpiTargetTypes),
    thresholds: kpiThresholdsSchema,
    rangeMin: measure.optional(),
    rangeMax: measure.optional(),
  })
  .strict()
  .superRefine((kpi, ctx) => {
    if (kpi.targetType !== 'withinRange') return;
    if (kpi.rangeMin === undefined || kpi.rangeMax === undefined)
      ctx.addIssue({ code: 'custom', path: ['rangeMin'], message: 'a "within range" KPI needs rangeMin and rangeMax' });
    else if (kpi.rangeMin > kpi.rangeMax)
      ctx.addIssue({ code: 'custom', path: ['rangeMax'], message: 'rangeMax must not be below rangeMin' });
  });
export type KpiDefinitionInput = z.infer<typeof kpiDefinitionInputSchema>;

/** `POST …/{kpiId}/points`: one data point (the same period again replaces it). */
export const kpiDataPointInputSchema = z
  .object({
    period: z.enum(kpiPeriods),
    periodStart: periodStartSchema,
    value: measure,
    /** The period's target; required unless the KPI is "within range". */
    target: measure.optional(),
    notes: z.string().max(2000).default(''),
  })
  .strict();
export type KpiDataPointInput = z.infer<typeof kpiDataPointInputSchema>;

export const kpiDataPointSchema = z.object({
  period: z.enum(kpiPeriods),
  periodStart: z.string(),
  value: z.number(),
  target: z.number().optional(),
  notes: z.string(),
  status: z.enum(kpiStatuses),
  author: z.string(),
  recordedAt: z.string(),
});
export type KpiDataPoint = z.infer<typeof kpiDataPointSchema>;

/**
 * The version of a KPI definition, for `If-Match` on its update and delete (required there: 428
 * without it, 412 when stale). The same value as the `ETag` header, which a browser on another
 * origin cannot always read (App Service CORS does not expose it), hence also in the body.
 */
export const kpiEtagSchema = z.string().min(1).describe('The version of the KPI definition: send it as If-Match');

/** A KPI with its current status (of its latest period) and recent trend, oldest first. */
export const kpiSummarySchema = z.object({
  departmentId: scopeIdSchema,
  kpiId: kpiIdSchema,
  name: z.string(),
  unit: z.string(),
  description: z.string(),
  targetType: z.enum(kpiTargetTypes),
  thresholds: z.object({ atRiskPct: z.number(), offTrackPct: z.number() }),
  rangeMin: z.number().optional(),
  rangeMax: z.number().optional(),
  status: z.enum(kpiStatuses),
  latest: kpiDataPointSchema.optional(),
  trend: z.array(kpiDataPointSchema),
  /** The definition's version where the answer read it (dashboard, create, update); a data point's answer has none. */
  etag: kpiEtagSchema.optional(),
});
export type KpiSummary = z.infer<typeof kpiSummarySchema>;

/** `POST /api/kpis/{departmentId}` (201) and `PUT …/{kpiId}`: the KPI as saved, with its new version. */
export const kpiSavedSchema = kpiSummarySchema.extend({ etag: kpiEtagSchema });
export type KpiSaved = z.infer<typeof kpiSavedSchema>;

/** `GET /api/kpis`: the departments the caller may read, with their KPIs. */
export const kpiDashboardSchema = z.object({
  departments: z.array(
    z.object({
      departmentId: scopeIdSchema,
      name: z.string(),
      /** May add data points (grant edit or higher). */
      canEdit: z.boolean(),
      /** May create, change and delete KPI definitions (grant approve or higher). */
      canManage: z.boolean(),
      counts: z.record(z.enum(kpiStatuses), z.number().int()),
      kpis: z.array(kpiSummarySchema),
    }),
  ),
});
export type KpiDashboard = z.infer<typeof kpiDashboardSchema>;

/** `GET /api/kpis/{departmentId}/{kpiId}`: the KPI, its data points (newest first) and its definition's version. */
export const kpiDetailSchema = z.object({ kpi: kpiSummarySchema, points: z.array(kpiDataPointSchema), etag: kpiEtagSchema });
export type KpiDetail = z.infer<typeof kpiDetailSchema>;

/** Most data points one import may carry (one Power BI push call takes 10,000 rows). */
export const maxKpiImportRows = 10_000;

/** `POST /api/kpis/{departmentId}/import` as JSON (a .csv/.xlsx upload has the same columns). */
export const kpiImportJsonSchema = z
  .object({
    points: z
      .array(z.object({ kpiId: z.string() }).catchall(z.unknown()))
      .min(1)
      .max(maxKpiImportRows),
  })
  .strict();
export const kpiImportRowErrorSchema = z.object({ row: z.number().int(), kpiId: z.string().optional(), message: z.string() });
export type KpiImportRowError = z.infer<typeof kpiImportRowErrorSchema>;
/** All rows valid: all written; any row invalid: nothing written, every error listed (400). */
export const kpiImportResultSchema = z.object({ imported: z.number().int(), errors: z.array(kpiImportRowErrorSchema) });
export type KpiImportResult = z.infer<typeof kpiImportResultSchema>;
/** Column headers of a .csv/.xlsx import (case-insensitive; the JSON keys in brackets). */
export const kpiImportColumns = {
  kpiId: 'KPI ID',
  period: 'Period',
  periodStart: 'Period Start',
  value: 'Value',
  target: 'Target',
  notes: 'Notes',
} as const;
