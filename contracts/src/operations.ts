import { z } from 'zod';
import { isoInstantSchema } from './safe-input';

// No regex flags: JSON Schema (the OpenAPI document) patterns have none, so case-insensitivity is in the class.
const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'a Power BI id is a GUID');

/** Route parameters of the Operations routes. */
export const operationsWorkspaceParamsSchema = z.object({ workspaceId: guid });
export const operationsModelParamsSchema = z.object({ datasetId: guid });

/** Environments offered first; any other short name is a custom environment. */
export const suggestedEnvironments = ['Dev', 'Test', 'Prod'] as const;
/** Modules offered as suggestions (free text otherwise). */
export const suggestedModules = ['Budget', 'Sales', 'Finance', 'KPI', 'Operations', 'Stores'] as const;

/** An environment or module name: short printable text (it becomes a tile title). */
export const categoryNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'at most 40 characters')
  .regex(/^[\p{L}\p{N} ._&()/-]+$/u, 'letters, digits, spaces and . _ & ( ) / - only');

/** Where a workspace's category comes from: an admin's assignment, or the guess from its name. */
export const categorySourceSchema = z.enum(['assigned', 'guessed']);

/** How old the stored catalog is (every catalog answer says it). */
export const catalogAgeSchema = z.object({
  /** When the catalog was last read from Power BI; null before the first sync. */
  syncedAt: isoInstantSchema.nullable(),
  ageSeconds: z.number().int().nonnegative().nullable(),
});
export type CatalogAge = z.infer<typeof catalogAgeSchema>;

/** Refresh outcome as Power BI reports it (`Unknown` = running). */
export const refreshStatusSchema = z.string().max(40);

/** The newest stored refresh of a model. */
export const lastRefreshSchema = z.object({
  status: refreshStatusSchema,
  startTime: isoInstantSchema,
  endTime: isoInstantSchema.nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
});

export const weekdaySchema = z.enum(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

/** A refresh schedule as Power BI keeps it. */
export const refreshScheduleSchema = z.object({
  days: z.array(weekdaySchema),
  times: z.array(z.string()),
  enabled: z.boolean(),
  localTimeZoneId: z.string(),
  notifyOption: z.enum(['NoNotification', 'MailOnFailure']).optional(),
});
export type RefreshScheduleView = z.infer<typeof refreshScheduleSchema>;

export const operationsModelSchema = z.object({
  datasetId: guid,
  name: z.string(),
  workspaceId: guid,
  workspaceName: z.string(),
  configuredBy: z.string().nullable(),
  refreshable: z.boolean(),
  storageMode: z.string().nullable(),
  schedule: refreshScheduleSchema.nullable(),
  lastRefresh: lastRefreshSchema.nullable(),
  /**
   * Set when the model is stale: refreshable, scheduled, and two of its schedule slots passed
   * without a success (the second slot's time, ISO); null when it is not. Absent from older APIs.
   */
  staleSince: z.string().datetime({ offset: true }).nullable().optional(),
});
export type OperationsModel = z.infer<typeof operationsModelSchema>;

export const operationsReportSchema = z.object({
  reportId: guid,
  name: z.string(),
  workspaceId: guid,
  /** The model the report is bound to, possibly in another workspace. */
  datasetId: guid.nullable(),
  datasetName: z.string().nullable(),
  datasetWorkspaceId: guid.nullable(),
  datasetWorkspaceName: z.string().nullable(),
});
export type OperationsReport = z.infer<typeof operationsReportSchema>;

export const operationsWorkspaceSchema = z.object({
  workspaceId: guid,
  name: z.string(),
  capacityId: z.string().nullable(),
  /** Dedicated (Premium / Embedded / Fabric) capacity; false for shared. */
  dedicated: z.boolean(),
  environment: z.string(),
  module: z.string(),
  categorySource: categorySourceSchema,
  models: z.number().int().nonnegative(),
});
export type OperationsWorkspace = z.infer<typeof operationsWorkspaceSchema>;

export const operationsWorkspaceListSchema = z.object({ catalog: catalogAgeSchema, workspaces: z.array(operationsWorkspaceSchema) });
export type OperationsWorkspaceList = z.infer<typeof operationsWorkspaceListSchema>;

export const operationsWorkspaceDetailSchema = z.object({
  catalog: catalogAgeSchema,
  workspace: operationsWorkspaceSchema,
  models: z.array(operationsModelSchema),
  reports: z.array(operationsReportSchema),
});
export type OperationsWorkspaceDetail = z.infer<typeof operationsWorkspaceDetailSchema>;

/** `GET /api/operations/models`: every model in the stored catalog (the overview's tiles count them). */
export const operationsModelListSchema = z.object({ catalog: catalogAgeSchema, models: z.array(operationsModelSchema) });
export type OperationsModelList = z.infer<typeof operationsModelListSchema>;

export const operationsModelDetailSchema = z.object({
  catalog: catalogAgeSchema,
  model: operationsModelSchema,
  /** Reports bound to this model, in any workspace. */
  reports: z.array(operationsReportSchema),
});
export type OperationsModelDetail = z.infer<typeof operationsModelDetailSchema>;

/** What an on-demand catalog sync did. */
export const catalogSyncResultSchema = z.object({
  catalog: catalogAgeSchema,
  workspaces: z.number().int().nonnegative(),
  models: z.number().int().nonnegative(),
  reports: z.number().int().nonnegative(),
  failedWorkspaces: z.array(z.string()),
});
export type CatalogSyncResult = z.infer<typeof catalogSyncResultSchema>;

/** Most workspaces one bulk assignment may name: it and its audit entry commit in one storage transaction. */
export const maxWorkspacesPerAssignment = 99;

/** `PUT /api/operations/categories`: one environment and/or module for many workspaces, as one audited change. */
export const categoryAssignmentSchema = z
  .object({
    workspaceIds: z
      .array(guid)
      .min(1, 'name at least one workspace')
      .max(maxWorkspacesPerAssignment, `at most ${maxWorkspacesPerAssignment} workspaces per assignment`)
      .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, 'a workspace is named twice'),
    environment: categoryNameSchema.optional(),
    module: categoryNameSchema.optional(),
  })
  .strict()
  .refine((body) => body.environment !== undefined || body.module !== undefined, {
    message: 'give an environment, a module or both',
    path: ['environment'],
  });
export type CategoryAssignment = z.infer<typeof categoryAssignmentSchema>;

export const categoryAuditEntrySchema = z.object({
  at: isoInstantSchema,
  by: z.string(),
  workspaceIds: z.array(guid),
  environment: z.string().nullable(),
  module: z.string().nullable(),
});
export type CategoryAuditEntry = z.infer<typeof categoryAuditEntrySchema>;

export const categoryAssignmentResultSchema = z.object({ changed: z.number().int().nonnegative(), entry: categoryAuditEntrySchema });
export const categoryAuditListSchema = z.object({ entries: z.array(categoryAuditEntrySchema) });

/** One stored refresh of a model. */
export const storedRefreshSchema = z.object({
  requestId: z.string(),
  refreshType: z.string(),
  startTime: isoInstantSchema,
  endTime: isoInstantSchema.nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  status: refreshStatusSchema,
  errorCode: z.string().nullable(),
  errorDescription: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
});
export type StoredRefresh = z.infer<typeof storedRefreshSchema>;

/** Final and running statuses a history can be filtered by (`Unknown` = still running). */
export const refreshStatusFilterSchema = z.enum(['Unknown', 'Completed', 'Failed', 'Disabled', 'Cancelled'], {
  error: 'status is one of Unknown, Completed, Failed, Disabled, Cancelled',
});
export type RefreshStatusFilter = z.infer<typeof refreshStatusFilterSchema>;

/** An opaque page cursor (`next` of the previous page). */
export const historyCursorSchema = z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, 'cursor is the next value of a previous page');

/** `GET …/history`: a time window, newest first; optionally one status, paged through `cursor`. */
export const refreshHistoryQuerySchema = z
  .object({
    from: isoInstantSchema.optional(),
    to: isoInstantSchema.optional(),
    top: z.coerce.number().int().min(1).max(1000).default(200),
    status: refreshStatusFilterSchema.optional(),
    cursor: historyCursorSchema.optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
    message: 'from must not be after to',
    path: ['from'],
  });

export const refreshHistorySchema = z.object({
  datasetId: guid,
  refreshes: z.array(storedRefreshSchema),
  /** The cursor of the next (older) page; null on the last page. */
  next: z.string().nullable(),
});
export type RefreshHistory = z.infer<typeof refreshHistorySchema>;

/** What one history fetch did. */
export const historyFetchResultSchema = z.object({
  datasetId: guid,
  /** Entries read from Power BI (over all requests of this fetch). */
  read: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  /** True when even the largest request did not reach what was stored: Power BI no longer has what lies between. */
  gap: z.boolean(),
  lastRefresh: lastRefreshSchema.nullable(),
});
export type HistoryFetchResult = z.infer<typeof historyFetchResultSchema>;

/** `POST …/refresh` (202): the refresh started; follow it through the history. */
export const refreshStartedSchema = z.object({
  datasetId: guid,
  requestId: z.string().nullable(),
  startedAt: isoInstantSchema,
  status: z.literal('Unknown'),
});
export type RefreshStarted = z.infer<typeof refreshStartedSchema>;

/**
 * Windows time zone ids Power BI offers, mapped to IANA zones for the arithmetic. Zones with
 * offsets off the half hour cannot have slots on :00/:30 UTC boundaries and are left out.
 */
export const windowsToIana: Record<string, string> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'FLE Standard Time': 'Europe/Helsinki',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Russian Standard Time': 'Europe/Moscow',
  'Arabian Standard Time': 'Asia/Dubai',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Kolkata',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'Singapore Standard Time': 'Asia/Singapore',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
};

/** Times Power BI accepts: on the hour or the half hour. */
export const scheduleTimeSchema = z.string().regex(/^([01][0-9]|2[0-3]):(00|30)$/, 'times are hh:00 or hh:30 (30-minute steps)');

/** Most refresh times a day on dedicated capacity (8 on shared, checked against the workspace). */
export const maxScheduleTimesPremium = 48;
export const maxScheduleTimesShared = 8;

/**
 * `PUT …/schedule`. Either a whole enabled schedule, or `{enabled:false}` alone (Power BI: a
 * request that disables the schedule contains no other changes). `confirmTakeOver` says the admin
 * agreed that Planboard becomes the model's owner when Power BI requires it.
 */
export const scheduleUpdateSchema = z.discriminatedUnion(
  'enabled',
  [
    z.strictObject({
      enabled: z.literal(true),
      days: z
        .array(weekdaySchema)
        .min(1, 'at least one day must be specified')
        .refine((days) => new Set(days).size === days.length, 'a day is named twice'),
      times: z
        .array(scheduleTimeSchema)
        .min(1, 'at least one time must be specified')
        .max(maxScheduleTimesPremium, `at most ${maxScheduleTimesPremium} times a day`)
        .refine((times) => new Set(times).size === times.length, 'a time is named twice'),
      localTimeZoneId: z.string().min(1).max(80),
      notifyOption: z.enum(['NoNotification', 'MailOnFailure']).optional(),
      confirmTakeOver: z.boolean().optional(),
    }),
    z.strictObject(
      { enabled: z.literal(false), confirmTakeOver: z.boolean().optional() },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? 'a request that disables the schedule must contain no other changes (Power BI rule)'
            : undefined,
      },
    ),
  ],
  { error: 'enabled must be true (with days, times and time zone) or false (alone)' },
);
export type ScheduleUpdate = z.infer<typeof scheduleUpdateSchema>;

export const scheduleViewSchema = z.object({
  datasetId: guid,
  schedule: refreshScheduleSchema,
  owner: z.string().nullable(),
  /** Planboard (its service principal) owns the model: changes need no takeover. */
  ownedByPlanboard: z.boolean(),
  /** Most times a day this model's capacity allows. */
  maxTimesPerDay: z.number().int().positive(),
  /** The update took the model over first (only in answers to an update). */
  tookOver: z.boolean().optional(),
});
export type ScheduleView = z.infer<typeof scheduleViewSchema>;
