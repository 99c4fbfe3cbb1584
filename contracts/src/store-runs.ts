import { z } from 'zod';
import { isoInstantSchema } from './safe-input';

/** A pipeline run's id (time-ordered so the newest sorts first, URL-safe). */
export const storeRunIdSchema = z.string().regex(/^[a-z0-9-]{8,40}$/, 'not a run id');
/** An upload preview's id. */
export const storeUploadIdSchema = z.string().uuid();

export const storeRunTriggerSchema = z.enum(['timer', 'manual', 'upload']);
export type StoreRunTrigger = z.infer<typeof storeRunTriggerSchema>;

/**
 * `queued` (message sent), `running`, then `succeeded` (rows may have been rejected), `failed`
 * (a source or the load broke off), or `skipped` (another run held the pipeline's lease).
 */
export const storeRunStateSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'skipped']);
export type StoreRunState = z.infer<typeof storeRunStateSchema>;

/** What a run did with one file. */
export const storeFileActionSchema = z.enum(['loaded', 'replaced', 'removed', 'claimedElsewhere', 'failed']);
export type StoreFileAction = z.infer<typeof storeFileActionSchema>;

export const storeRunFileSchema = z.object({
  name: z.string(),
  action: storeFileActionSchema,
  rowsRead: z.number().int().nonnegative(),
  /** Rows written (new or changed values). */
  rowsLoaded: z.number().int().nonnegative(),
  /** Rows already in the table with the same values (not written again). */
  rowsUnchanged: z.number().int().nonnegative(),
  rowsRejected: z.number().int().nonnegative(),
  /** Rows of the file's previous version that it no longer has (deleted). */
  rowsRemoved: z.number().int().nonnegative(),
  /** Why the file failed, in words. */
  error: z.string().optional(),
});
export type StoreRunFile = z.infer<typeof storeRunFileSchema>;

export const storeRunRefreshSchema = z.object({
  /** `running`: the rows are loaded (the run has finished) and the store model is refreshing. */
  state: z.enum(['notNeeded', 'running', 'completed', 'failed']),
  /** Power BI's refresh request id, when one was started. */
  requestId: z.string().optional(),
  error: z.string().optional(),
});
export type StoreRunRefresh = z.infer<typeof storeRunRefreshSchema>;

export const storeRunTotalsSchema = z.object({
  files: z.number().int().nonnegative(),
  rowsRead: z.number().int().nonnegative(),
  rowsLoaded: z.number().int().nonnegative(),
  rowsUnchanged: z.number().int().nonnegative(),
  rowsRejected: z.number().int().nonnegative(),
  rowsRemoved: z.number().int().nonnegative(),
  /** Table Storage requests the load made (query pages and ≤100-operation transactions). */
  storageRequests: z.number().int().nonnegative().default(0),
});
export type StoreRunTotals = z.infer<typeof storeRunTotalsSchema>;

export const storeRunSchema = z.object({
  runId: storeRunIdSchema,
  trigger: storeRunTriggerSchema,
  requestedBy: z.string(),
  state: storeRunStateSchema,
  queuedAt: isoInstantSchema,
  startedAt: isoInstantSchema.nullable(),
  finishedAt: isoInstantSchema.nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  /** The sources read, in words (`OneDrive: Store data/Weekly sales`, `Dataverse: store master`, `Upload: week.xlsx`). */
  sources: z.array(z.string()),
  /** Files seen so far / to read (progress while running). */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  files: z.array(storeRunFileSchema),
  totals: storeRunTotalsSchema,
  /** Stores synced from Dataverse into the store master table. */
  storesSynced: z.number().int().nonnegative(),
  refresh: storeRunRefreshSchema,
  /** Why the run failed or was skipped, in words. */
  error: z.string().optional(),
});
export type StoreRun = z.infer<typeof storeRunSchema>;

/** `POST /api/stores/runs` and `POST /api/stores/uploads/{id}/load` (202). */
export const storeRunStartedSchema = z.object({ runId: storeRunIdSchema });
export type StoreRunStarted = z.infer<typeof storeRunStartedSchema>;

/** `GET /api/stores/runs`: newest first. */
export const storeRunListSchema = z.object({ runs: z.array(storeRunSchema) });
export type StoreRunList = z.infer<typeof storeRunListSchema>;

export const storeRunListQuerySchema = z.object({ top: z.coerce.number().int().min(1).max(100).default(20) });

/** A row that was not loaded, and why. */
export const storeRejectedRowSchema = z.object({
  file: z.string(),
  rowNumber: z.number().int().positive(),
  reasons: z.array(z.string()).min(1),
  /** The row's cells as read (text). */
  values: z.array(z.string()),
});
export type StoreRejectedRow = z.infer<typeof storeRejectedRowSchema>;

/** `GET /api/stores/runs/{id}`: the run and its first rejected rows. */
export const storeRunReportSchema = z.object({
  run: storeRunSchema,
  rejected: z.array(storeRejectedRowSchema),
  /** More rejected rows than listed here (download the .xlsx). */
  rejectedTruncated: z.boolean(),
});
export type StoreRunReport = z.infer<typeof storeRunReportSchema>;

/** The good rows of an upload as previewed. */
export const storeSalesRowSchema = z.object({
  storeNumber: z.string().regex(/^\d{6}$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  dayPart: z.enum(['breakfast', 'lunch', 'dinner', 'late']),
  netSales: z.number().nonnegative(),
  transactions: z.number().int().nonnegative(),
  labourHours: z.number().nonnegative(),
});
export type StoreSalesRow = z.infer<typeof storeSalesRowSchema>;

/** `POST /api/stores/uploads`: what would be loaded; nothing is written to the sales table yet. */
export const storeUploadPreviewSchema = z.object({
  uploadId: storeUploadIdSchema,
  fileName: z.string(),
  rowsRead: z.number().int().nonnegative(),
  rowsValid: z.number().int().nonnegative(),
  rowsRejected: z.number().int().nonnegative(),
  /** The first valid rows. */
  sample: z.array(storeSalesRowSchema),
  rejected: z.array(storeRejectedRowSchema),
  expiresAt: isoInstantSchema,
});
export type StoreUploadPreview = z.infer<typeof storeUploadPreviewSchema>;

export const storeUploadQuerySchema = z.object({
  fileName: z
    .string()
    .min(1)
    .max(200)
    .regex(/\.(xlsx|csv)$/i, 'an .xlsx or .csv file name'),
});

export const storeSourceSchema = z.object({
  kind: z.enum(['onedrive', 'dataverse']),
  /** In words: the folder, or the environment and table. */
  name: z.string(),
  state: z.enum(['ok', 'failing', 'neverRead']),
  lastReadAt: isoInstantSchema.nullable(),
  /** Files (OneDrive) or stores (Dataverse) known after the last read. */
  items: z.number().int().nonnegative(),
  lastError: z.string().optional(),
});
export type StoreSource = z.infer<typeof storeSourceSchema>;

/** `GET /api/stores/sources`. */
export const storeSourceListSchema = z.object({ sources: z.array(storeSourceSchema) });
export type StoreSourceList = z.infer<typeof storeSourceListSchema>;

/** One queue message: a run to perform. */
export const storeRunMessageSchema = z.object({
  runId: storeRunIdSchema,
  uploadId: storeUploadIdSchema.optional(),
});
export type StoreRunMessage = z.infer<typeof storeRunMessageSchema>;
