import { z } from 'zod';

/**
 * Messages on the `notifications` Storage queue: every producer (refresh failure detection, plan
 * unlock/submit, later KPI and training) writes one of these and the bot turns it into an Adaptive
 * Card for the subscribed conversations. The queue holds base64 JSON, as the Functions queue
 * trigger expects. To add a kind (e.g. `kpiOffTrack`, `trainingDayUnlocked`): add its schema to
 * `notificationSchema` and its topic to `topicOfNotification`; the bot's exhaustive switches then
 * fail to compile until it has a card for it.
 */

/** The queue name (the poison queue is `notifications-poison`, as the Functions host names it). */
export const notificationsQueue = 'notifications';
export const notificationsPoisonQueue = `${notificationsQueue}-poison`;

/** What a conversation can subscribe to. */
export const alertTopics = ['refresh', 'plans', 'kpis', 'training', 'data'] as const;
export type AlertTopic = (typeof alertTopics)[number];

const isoDate = z.string().datetime({ offset: true });
/** Free text from data: bounded so one message (and its card) stays far below the 64 KB queue limit. */
const text = (max: number) => z.string().max(max);

/** Who did something: display name plus the user's UPN when known. */
export const actorSchema = z.object({ name: text(200), upn: text(320).optional() });
export type Actor = z.infer<typeof actorSchema>;

const base = {
  /** Deterministic dedupe key: the same event always has the same id, so a duplicate message never sends a second card. */
  id: z.string().min(1).max(300),
  version: z.literal(1),
  createdAt: isoDate,
};

/** A dataset refresh that ended in failure (found by the API's detection timer). */
export const refreshFailedSchema = z.object({
  ...base,
  kind: z.literal('refreshFailed'),
  workspaceId: z.string().min(1).max(100),
  workspaceName: text(400),
  datasetId: z.string().min(1).max(100),
  datasetName: text(400),
  /** Dev, Test, Prod or whatever the workspace is categorised as (`Unassigned` when unknown). */
  environment: text(100),
  errorCode: text(400),
  errorDescription: text(4000),
  /** Power BI's id of the refresh (history `requestId`). */
  requestId: z.string().min(1).max(200),
  refreshType: text(50),
  /** True for a refresh the schedule started: four in a row make Power BI disable the schedule. */
  scheduled: z.boolean(),
  startedAt: isoDate,
  endedAt: isoDate,
  durationMs: z.number().int().nonnegative(),
  lastSuccessAt: isoDate.nullable(),
  /** Failures in a row including this one (scheduled refreshes only, when `scheduled`). */
  consecutiveFailures: z.number().int().min(1),
  /** Scopes the dataset serves, when known: personal subscribers see failures of their scopes only. */
  scopeIds: z.array(z.string().max(100)).max(200).optional(),
});
export type RefreshFailedNotification = z.infer<typeof refreshFailedSchema>;

/**
 * The outcome of a refresh retried from a failure card: the bot updates the original card(s)
 * (`notificationId`) in place rather than posting a new one.
 */
export const refreshRetryFinishedSchema = z.object({
  ...base,
  kind: z.literal('refreshRetryFinished'),
  /** The `refreshFailed` notification whose card offered the retry. */
  notificationId: z.string().min(1).max(300),
  datasetId: z.string().min(1).max(100),
  status: z.enum(['Completed', 'Failed']),
  endedAt: isoDate,
  durationMs: z.number().int().nonnegative(),
  errorCode: text(400).optional(),
});
export type RefreshRetryFinishedNotification = z.infer<typeof refreshRetryFinishedSchema>;

/** The dataset fields every schedule-health alert carries (names for the card, ids for its buttons). */
const scheduleHealthDataset = {
  workspaceId: z.string().min(1).max(100),
  workspaceName: text(400),
  datasetId: z.string().min(1).max(100),
  datasetName: text(400),
  environment: text(100),
  lastSuccessAt: isoDate.nullable(),
  scopeIds: z.array(z.string().max(100)).max(200).optional(),
};

/**
 * The third scheduled failure in a row (found by detection): one more and Power BI disables the
 * schedule. Sent once per failure streak (`id` names the third failure).
 */
export const scheduleAtRiskSchema = z.object({
  ...base,
  kind: z.literal('scheduleAtRisk'),
  ...scheduleHealthDataset,
  /** The third failure's refresh id, end and error. */
  requestId: z.string().min(1).max(200),
  endedAt: isoDate,
  errorCode: text(400),
  errorDescription: text(4000),
  consecutiveFailures: z.number().int().min(1),
});
export type ScheduleAtRiskNotification = z.infer<typeof scheduleAtRiskSchema>;

/** Power BI disabled a dataset's refresh schedule after failures in a row (sent once per disabling). */
export const scheduleDisabledSchema = z.object({
  ...base,
  kind: z.literal('scheduleDisabled'),
  ...scheduleHealthDataset,
  /** The failure after which the schedule was found disabled. */
  requestId: z.string().min(1).max(200),
  endedAt: isoDate,
  errorCode: text(400),
  consecutiveFailures: z.number().int().min(1),
});
export type ScheduleDisabledNotification = z.infer<typeof scheduleDisabledSchema>;

/**
 * A scheduled dataset with no successful refresh for two of its schedule slots, whatever the
 * reason (schedule disabled, gateway offline, never started). Sent once per staleness episode.
 */
export const modelStaleSchema = z.object({
  ...base,
  kind: z.literal('modelStale'),
  ...scheduleHealthDataset,
  /** The second slot that passed without a success (service time). */
  staleSince: isoDate,
  scheduleEnabled: z.boolean(),
});
export type ModelStaleNotification = z.infer<typeof modelStaleSchema>;

/** Any schedule-health alert. */
export type ScheduleHealthNotification = ScheduleAtRiskNotification | ScheduleDisabledNotification | ModelStaleNotification;

/** An admin unlocked a submitted plan so the business unit can edit it again. */
export const planUnlockedSchema = z.object({
  ...base,
  kind: z.literal('planUnlocked'),
  planId: z.string().min(1).max(100),
  scopeId: z.string().min(1).max(100),
  scopeName: text(200),
  by: actorSchema,
  reason: text(2000),
  at: isoDate,
});
export type PlanUnlockedNotification = z.infer<typeof planUnlockedSchema>;

/** A business unit's plan was submitted (and its dataset refresh started, when `refreshId` is set). */
export const planSubmittedSchema = z.object({
  ...base,
  kind: z.literal('planSubmitted'),
  planId: z.string().min(1).max(100),
  scopeId: z.string().min(1).max(100),
  scopeName: text(200),
  by: actorSchema,
  at: isoDate,
  refreshId: z.string().max(200).optional(),
});
export type PlanSubmittedNotification = z.infer<typeof planSubmittedSchema>;

/** A KPI turned off track with a new data point (sent once per KPI and period). */
export const kpiOffTrackSchema = z.object({
  ...base,
  kind: z.literal('kpiOffTrack'),
  departmentId: z.string().min(1).max(100),
  departmentName: text(200),
  kpiId: z.string().min(1).max(100),
  kpiName: text(200),
  unit: text(40),
  period: text(20),
  periodStart: text(20),
  value: z.number(),
  target: z.number().optional(),
  /** What "on track" means, in words ("≥ 95 %", "between 2 and 4 days"). */
  targetText: text(200),
  by: actorSchema,
  at: isoDate,
});
export type KpiOffTrackNotification = z.infer<typeof kpiOffTrackSchema>;

/** An admin unlocked a training day: learners get a card with a link to it (sent once per unlock). */
export const trainingDayUnlockedSchema = z.object({
  ...base,
  kind: z.literal('trainingDayUnlocked'),
  dayNumber: z.number().int().min(1).max(99),
  title: text(200),
  description: text(4000),
  by: actorSchema,
  at: isoDate,
});
export type TrainingDayUnlockedNotification = z.infer<typeof trainingDayUnlockedSchema>;

/** A store-data pipeline run that failed or rejected rows (admins who `subscribe data`). */
export const storeRunProblemSchema = z.object({
  ...base,
  kind: z.literal('storeRunProblem'),
  runId: z.string().min(1).max(60),
  state: z.enum(['succeeded', 'failed']),
  trigger: text(20),
  requestedBy: text(320),
  finishedAt: isoDate,
  durationMs: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  rowsLoaded: z.number().int().nonnegative(),
  rowsRejected: z.number().int().nonnegative(),
  rowsRemoved: z.number().int().nonnegative(),
  /** Files that failed or had rejected rows, with counts in words (at most 10). */
  problems: z.array(text(400)).max(10),
  error: text(2000).optional(),
  refresh: z.enum(['notNeeded', 'running', 'completed', 'failed']),
});
export type StoreRunProblemNotification = z.infer<typeof storeRunProblemSchema>;

/** One queue message. */
export const notificationSchema = z.discriminatedUnion('kind', [
  refreshFailedSchema,
  refreshRetryFinishedSchema,
  scheduleAtRiskSchema,
  scheduleDisabledSchema,
  modelStaleSchema,
  planUnlockedSchema,
  planSubmittedSchema,
  kpiOffTrackSchema,
  trainingDayUnlockedSchema,
  storeRunProblemSchema,
]);
export type Notification = z.infer<typeof notificationSchema>;
export type NotificationKind = Notification['kind'];

/**
 * The subscription topic a notification is delivered under; `undefined` for messages that update
 * earlier cards instead of posting new ones.
 */
export function topicOfNotification(notification: Notification): AlertTopic | undefined {
  switch (notification.kind) {
    case 'refreshFailed':
    case 'scheduleAtRisk':
    case 'scheduleDisabled':
    case 'modelStale':
      return 'refresh';
    case 'refreshRetryFinished':
      return undefined;
    case 'planUnlocked':
    case 'planSubmitted':
      return 'plans';
    case 'kpiOffTrack':
      return 'kpis';
    case 'trainingDayUnlocked':
      return 'training';
    case 'storeRunProblem':
      return 'data';
    default: {
      const unhandled: never = notification;
      throw new Error(`Unhandled notification ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The scope a notification is about, for personal subscribers (`undefined`: admin-wide alerts). */
export function scopesOfNotification(notification: Notification): string[] | undefined {
  switch (notification.kind) {
    case 'refreshFailed':
    case 'scheduleAtRisk':
    case 'scheduleDisabled':
    case 'modelStale':
      return notification.scopeIds;
    case 'refreshRetryFinished':
      return undefined;
    case 'planUnlocked':
    case 'planSubmitted':
      return [notification.scopeId];
    case 'kpiOffTrack':
      return [notification.departmentId];
    // Everyone in the tenant is a learner: no scope limits who receives it.
    case 'trainingDayUnlocked':
      return undefined;
    // Admin-wide: the pipeline serves every store.
    case 'storeRunProblem':
      return undefined;
    default: {
      const unhandled: never = notification;
      throw new Error(`Unhandled notification ${JSON.stringify(unhandled)}`);
    }
  }
}

/** `GET /api/notifications/poison` (admins): messages that failed delivery five times. */
export const poisonReportSchema = z.object({
  /** Approximate, as the queue service reports it. */
  count: z.number().int().nonnegative(),
  /** Up to 32 of the oldest, decoded where possible. */
  messages: z.array(
    z.object({
      messageId: z.string(),
      insertedOn: z.string().optional(),
      kind: z.string().optional(),
      notificationId: z.string().optional(),
      summary: z.string(),
    }),
  ),
});
export type PoisonReport = z.infer<typeof poisonReportSchema>;
