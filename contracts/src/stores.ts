import { z } from 'zod';
import { scopeIdSchema } from './directory';
import { periodStartSchema } from './kpi';

/**
 * Store data (SPEC §4): the caller's stores with their master data (synced from Dataverse) and
 * per-store sales, labour and transactions by day or ISO week and by day part.
 */
export const storeDayParts = ['breakfast', 'lunch', 'dinner', 'late'] as const;
export type StoreDayPart = (typeof storeDayParts)[number];
export const storeSalesGroupings = ['day', 'week'] as const;
export type StoreSalesGrouping = (typeof storeSalesGroupings)[number];

/** The six-digit store number, as the sales files and Dataverse carry it. */
export const storeIdSchema = z.string().regex(/^\d{6}$/, 'a store id is six digits, such as 104233');

/** `{storeId}` of the store routes. */
export const storeParamsSchema = z.object({ storeId: storeIdSchema });

/** The longest range one sales query may cover (days): bounds the rows read per request. */
export const storeSalesMaxDays = 400;

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs;

/** `GET /api/stores/{storeId}/sales?from=&to=&by=`: an inclusive date range, grouped by day or ISO week (default). */
export const storeSalesQuerySchema = z
  .object({
    from: periodStartSchema,
    to: periodStartSchema,
    by: z.enum(storeSalesGroupings).default('week'),
  })
  .strict()
  .refine((query) => query.from <= query.to, { message: 'from must not be after to', path: ['to'] })
  .refine((query) => daysBetween(query.from, query.to) < storeSalesMaxDays, {
    message: `a range covers at most ${storeSalesMaxDays} days`,
    path: ['to'],
  });
export type StoreSalesQuery = z.infer<typeof storeSalesQuerySchema>;

/** One store the caller may read: its scope, and master data when the store master has it. */
export const storeSummarySchema = z.object({
  storeId: storeIdSchema,
  scopeId: scopeIdSchema,
  name: z.string(),
  location: z.string().nullable(),
  region: z.string().nullable(),
  /** The business unit's name, when the caller may read it (its id alone would reveal a scope). */
  businessUnit: z.string().nullable(),
  manager: z.string().nullable(),
  active: z.boolean(),
});
export type StoreSummary = z.infer<typeof storeSummarySchema>;

/** `GET /api/stores`: the caller's stores by name. */
export const storeListSchema = z.object({ stores: z.array(storeSummarySchema) });
export type StoreList = z.infer<typeof storeListSchema>;

/** Sums of a group of sales rows, and the ratios people compare stores by (null without labour or sales). */
export const storeSalesTotalsSchema = z.object({
  netSales: z.number(),
  transactions: z.number(),
  labourHours: z.number(),
  salesPerLabourHour: z.number().nullable(),
  labourHoursPerTransaction: z.number().nullable(),
});
export type StoreSalesTotals = z.infer<typeof storeSalesTotalsSchema>;

/** One day (`start` = the date) or ISO week (`start` = its Monday, `label` e.g. `2026-W45`). */
export const storeSalesPeriodSchema = storeSalesTotalsSchema.extend({
  start: periodStartSchema,
  label: z.string(),
  /** Days of the period with any row. */
  days: z.number().int().nonnegative(),
});
export type StoreSalesPeriod = z.infer<typeof storeSalesPeriodSchema>;

export const storeDayPartTotalsSchema = storeSalesTotalsSchema.extend({ dayPart: z.enum(storeDayParts) });
export type StoreDayPartTotals = z.infer<typeof storeDayPartTotalsSchema>;

/** `GET /api/stores/{storeId}/sales`: periods oldest first, every day part, and the range's totals. */
export const storeSalesSchema = z.object({
  storeId: storeIdSchema,
  name: z.string(),
  from: periodStartSchema,
  to: periodStartSchema,
  by: z.enum(storeSalesGroupings),
  periods: z.array(storeSalesPeriodSchema),
  dayParts: z.array(storeDayPartTotalsSchema),
  totals: storeSalesTotalsSchema,
});
export type StoreSales = z.infer<typeof storeSalesSchema>;
