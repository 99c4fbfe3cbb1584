import { z } from 'zod';
import { scopeIdSchema } from './directory';
import { isoInstantSchema } from './safe-input';

/** The cells a contributor may change; everything else on a line is read-only. */
export const editableFields = ['budgetAmount', 'forecastSales', 'comments'] as const;
export type EditableField = (typeof editableFields)[number];

/** Bounds every number cell must stay within (also enforced by the grid while typing). */
export const amountBounds = { min: 0, max: 1_000_000_000 } as const;
export const maxCommentLength = 2000;

export const planIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'a plan id is a lower-case slug such as fy2027');
export const lineIdSchema = z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+\.[a-z0-9-]+$/, 'a line id looks like laptops.europe.q1');

export const planStatuses = ['draft', 'submitted', 'refreshing', 'live', 'failed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** Who last changed a cell and when (for conflict dialogs and the grid's "changed by others" marks). */
export const cellChangeSchema = z.object({ rev: z.number().int(), by: z.string(), at: z.string() });

export const budgetLineSchema = z.object({
  lineId: lineIdSchema,
  category: z.string(),
  region: z.string(),
  quarter: z.string(),
  /** Null is a blank cell (cleared, never typed): not the same as 0, and counted as nothing in totals. */
  budgetAmount: z.number().nullable(),
  forecastSales: z.number().nullable(),
  comments: z.string(),
  /** The line's version: increases with every change to any of its cells. */
  rev: z.number().int().nonnegative(),
  changes: z.partialRecord(z.enum(editableFields), cellChangeSchema),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const actualsSchema = z.object({
  available: z.boolean(),
  /** Why actuals are missing (Power BI slow or down), in words for the user. */
  reason: z.string().optional(),
  /**
   * The user has not consented to Planboard reading Power BI on their behalf (and no admin has):
   * the tab offers Teams' consent popup for these scopes, then reloads the actuals.
   */
  consentRequired: z.array(z.string()).optional(),
  /** Previous year's actual sales by line id. */
  values: z.record(z.string(), z.number()),
  fetchedAt: z.string().optional(),
});
export type Actuals = z.infer<typeof actualsSchema>;

export const planStateSchema = z.object({
  status: z.enum(planStatuses),
  submittedBy: z.string().optional(),
  submittedAt: z.string().optional(),
  refreshId: z.string().optional(),
  /**
   * How the refresh is followed: `execution` (enhanced refresh: its execution details) or `history`
   * (plain refresh on shared capacity, where enhanced refresh is refused: the refresh history entry
   * with this request id). Absent on plans submitted before plain refreshes existed: `execution`.
   */
  refreshFollow: z.enum(['execution', 'history']).optional(),
  refreshError: z.string().optional(),
  unlockedBy: z.string().optional(),
  unlockedAt: z.string().optional(),
  unlockReason: z.string().optional(),
});
export type PlanState = z.infer<typeof planStateSchema>;

/** `GET /api/budget/{planId}/{scopeId}` (and `?since=` for the lines changed since a cursor). */
export const budgetGridSchema = z.object({
  planId: planIdSchema,
  scopeId: scopeIdSchema,
  scopeName: z.string(),
  canEdit: z.boolean(),
  state: planStateSchema,
  /** Opaque: pass back as `since` to get only what changed afterwards. */
  cursor: z.string(),
  /** All lines, or with `since` only the changed ones. */
  lines: z.array(budgetLineSchema),
  actuals: actualsSchema,
  delta: z.boolean(),
});
export type BudgetGrid = z.infer<typeof budgetGridSchema>;

/** `since` is a cursor this API returned: a date-time, so out-of-range years (`-271821-…`) are a 400, not a RangeError. */
export const budgetQuerySchema = z.object({ since: isoInstantSchema.optional() }).strict();

/** A number cell's value; null clears it (blank, which is not 0). */
const numberCell = z.number().finite().min(amountBounds.min).max(amountBounds.max).nullable();
export const cellEditSchema = z.discriminatedUnion('field', [
  z.object({ lineId: lineIdSchema, field: z.literal('budgetAmount'), value: numberCell, baseRev: z.number().int().nonnegative() }),
  z.object({ lineId: lineIdSchema, field: z.literal('forecastSales'), value: numberCell, baseRev: z.number().int().nonnegative() }),
  z.object({
    lineId: lineIdSchema,
    field: z.literal('comments'),
    value: z.string().max(maxCommentLength),
    baseRev: z.number().int().nonnegative(),
  }),
]);
export type CellEdit = z.infer<typeof cellEditSchema>;

export const editActions = ['edit', 'paste', 'fill', 'import', 'undo', 'redo'] as const;
export type EditAction = (typeof editActions)[number];

/** `PATCH /api/budget/{planId}/{scopeId}`: a batch of cell edits, retried safely with the same key. */
export const budgetPatchSchema = z
  .object({
    idempotencyKey: z.string().uuid(),
    action: z.enum(editActions),
    edits: z.array(cellEditSchema).min(1).max(60_000),
  })
  .strict();
export type BudgetPatch = z.infer<typeof budgetPatchSchema>;

export const conflictSchema = z.object({
  lineId: lineIdSchema,
  field: z.enum(editableFields),
  /** Null: a blank number cell. */
  mine: z.union([z.number(), z.string(), z.null()]),
  theirs: z.union([z.number(), z.string(), z.null()]),
  by: z.string(),
  at: z.string(),
  /** Send this as `baseRev` to overwrite ("keep mine"). */
  currentRev: z.number().int(),
});
export type CellConflict = z.infer<typeof conflictSchema>;

export const budgetPatchResultSchema = z.object({
  applied: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.array(conflictSchema),
  /** The saved lines as stored now (new revisions). */
  lines: z.array(budgetLineSchema),
});
export type BudgetPatchResult = z.infer<typeof budgetPatchResultSchema>;

export const auditEntrySchema = z.object({
  /** Null for plan-level events (submit, unlock). */
  lineId: lineIdSchema.nullable(),
  field: z.string(),
  old: z.union([z.number(), z.string(), z.null()]),
  new: z.union([z.number(), z.string(), z.null()]),
  by: z.string(),
  at: z.string(),
  action: z.enum([...editActions, 'submit', 'unlock']),
  rev: z.number().int(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `POST …/unlock`: admins reopen a submitted plan and must say why (the BU is notified). */
export const unlockRequestSchema = z
  .object({ reason: z.string().trim().min(3, 'Give a reason of at least 3 characters').max(500) })
  .strict();
export type UnlockRequest = z.infer<typeof unlockRequestSchema>;

/** `GET /api/budget/{planId}/status`: the submission state of every BU the caller can see. */
export const planStatusListSchema = z.object({
  planId: planIdSchema,
  units: z.array(z.object({ scopeId: scopeIdSchema, scopeName: z.string(), state: planStateSchema })),
});
export type PlanStatusList = z.infer<typeof planStatusListSchema>;

/** Totals of a set of lines; blank cells count as nothing, and how many are blank is said apart. */
export const budgetTotalsSchema = z.object({
  lines: z.number().int().nonnegative(),
  budgetAmount: z.number(),
  forecastSales: z.number(),
  /** Lines whose budget amount is blank (not yet planned). */
  blankBudget: z.number().int().nonnegative(),
});
export type BudgetTotals = z.infer<typeof budgetTotalsSchema>;

/**
 * `GET /api/budget/{planId}/summary`: every business unit the caller can read, side by side
 * (read-only): its plan's status and totals, by quarter too, and the totals of them all.
 */
export const budgetSummarySchema = z.object({
  planId: planIdSchema,
  units: z.array(
    z.object({
      scopeId: scopeIdSchema,
      scopeName: z.string(),
      state: planStateSchema,
      totals: budgetTotalsSchema,
      byQuarter: z.array(z.object({ quarter: z.string(), totals: budgetTotalsSchema })),
    }),
  ),
  totals: budgetTotalsSchema,
});
export type BudgetSummary = z.infer<typeof budgetSummarySchema>;

/** One cell an import would change. */
export const importChangeSchema = z.object({
  lineId: lineIdSchema,
  field: z.enum(editableFields),
  /** Null: a blank number cell (an empty cell in the file). */
  old: z.union([z.number(), z.string(), z.null()]),
  new: z.union([z.number(), z.string(), z.null()]),
  /** The row's revision when previewed; applying reports a conflict if the cell changed since. */
  baseRev: z.number().int(),
});
export type ImportChange = z.infer<typeof importChangeSchema>;

/** A row of the file that cannot be imported, and why (row numbers as Excel shows them). */
export const importRowErrorSchema = z.object({ row: z.number().int(), column: z.string().optional(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/**
 * A cell of a read-only column (Category, Actual Sales…) that differs from the plan: the import
 * leaves it as it is and says so ("ignored: read-only"), rather than dropping it silently.
 */
export const importIgnoredSchema = z.object({
  row: z.number().int(),
  lineId: lineIdSchema,
  column: z.string(),
  /** What the file holds, and what the plan keeps (as text, as the sheet shows them). */
  value: z.string(),
  kept: z.string(),
  reason: z.literal('read-only'),
});
export type ImportIgnored = z.infer<typeof importIgnoredSchema>;

/**
 * `POST /api/budget/{planId}/{scopeId}/import` (body: the .xlsx or .csv file in the export layout):
 * what would change, what cannot be imported and why. Nothing is written until it is applied.
 */
export const importPreviewSchema = z.object({
  previewId: z.string().uuid(),
  fileRows: z.number().int(),
  unchangedRows: z.number().int(),
  changes: z.array(importChangeSchema),
  errors: z.array(importRowErrorSchema),
  /** Edits to read-only columns, which the import ignores (reported per row and column). */
  ignored: z.array(importIgnoredSchema),
  /** How many such edits there are when `ignored` lists only the first ones. */
  ignoredCount: z.number().int(),
  expiresAt: z.string(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** The export layout: these headers, in this order, on the first sheet (import reads the same). */
export const budgetSheetColumns = [
  { key: 'lineId', header: 'Line ID', editable: false },
  { key: 'category', header: 'Category', editable: false },
  { key: 'region', header: 'Region', editable: false },
  { key: 'quarter', header: 'Quarter', editable: false },
  { key: 'actualSales', header: 'Actual Sales (prior year)', editable: false },
  { key: 'budgetAmount', header: 'Budget Amount', editable: true },
  { key: 'forecastSales', header: 'Forecast Sales', editable: true },
  { key: 'comments', header: 'Comments', editable: true },
] as const;

/**
 * The export's last row sums the number columns; its Line ID cell holds this word (never a line id,
 * which has dots), and import skips that row.
 */
export const budgetSheetTotalsLabel = 'Total';
