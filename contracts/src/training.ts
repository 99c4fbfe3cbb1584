import { z } from 'zod';
import { parseVideoUrl, videoPlatforms } from './training-video';

/**
 * Training (SPEC §5, seed 004). A programme of numbered days that admins unlock one by one;
 * everyone in the tenant is a learner and sees only unlocked days. Admins edit days, add
 * recordings, follow everyone's progress and read the audit of every admin action.
 */
export const maxTrainingDay = 99;

/** `{day}` in an address: 1–99, no leading zero. */
export const trainingDayParamSchema = z.string().regex(/^[1-9][0-9]?$/, 'a day is a number from 1 to 99');
/** `{recordingId}`: the id the API gave the recording. */
export const recordingIdSchema = z.string().regex(/^[a-z0-9]{8,32}$/, 'a recording id is 8–32 lower-case letters or digits');

/** A link a learner opens (slides, resources): https only, so no `javascript:` or plain-http link reaches the page. */
export const httpsLinkSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    if (value === '') return true;
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an https:// link (or empty)');

/** `PUT /api/training/days/{day}` (admins): the day's content. */
export const trainingDayInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(4000).default(''),
    presentationUrl: httpsLinkSchema.default(''),
    resourcesUrl: httpsLinkSchema.default(''),
  })
  .strict();
export type TrainingDayInput = z.infer<typeof trainingDayInputSchema>;

/** Who did something, in words (never only an id). */
export const trainingActorSchema = z.object({ name: z.string(), upn: z.string() });

export const recordingSchema = z.object({
  recordingId: z.string(),
  dayNumber: z.number().int(),
  title: z.string(),
  url: z.string(),
  platform: z.enum(videoPlatforms),
  /** The privacy-enhanced embed address; absent when the host offers none for this link. */
  embedUrl: z.string().optional(),
  durationSeconds: z.number().int().optional(),
  active: z.boolean(),
  addedAt: z.string(),
  addedBy: trainingActorSchema,
});
export type Recording = z.infer<typeof recordingSchema>;

/** `POST /api/training/days/{day}/recordings` (admins). The URL is checked by {@link parseVideoUrl}. */
export const recordingInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    url: z.string().max(2000),
    durationSeconds: z.number().int().min(1).max(36_000).optional(),
    active: z.boolean().default(true),
  })
  .strict()
  .superRefine((input, ctx) => {
    const parsed = parseVideoUrl(input.url);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['url'], message: parsed.reason });
  });
export type RecordingInput = z.infer<typeof recordingInputSchema>;

/** `POST /api/training/recordings/preview` (admins): what a link would be saved and embedded as. */
export const recordingPreviewInputSchema = z.object({ url: z.string().max(4000) }).strict();
export const recordingPreviewSchema = z.object({
  ok: z.boolean(),
  platform: z.enum(videoPlatforms).optional(),
  url: z.string().optional(),
  embedUrl: z.string().optional(),
  reason: z.string().optional(),
});
export type RecordingPreview = z.infer<typeof recordingPreviewSchema>;

/** One learner's progress on one day. Completion counts the parts the day has (slides, recording). */
export const dayProgressSchema = z.object({
  dayNumber: z.number().int(),
  presentationOpened: z.boolean(),
  recordingWatched: z.boolean(),
  /** How far the player got, when it reports it. */
  watchedSeconds: z.number().int().nonnegative(),
  completionPct: z.number().min(0).max(100),
  updatedAt: z.string(),
});
export type DayProgress = z.infer<typeof dayProgressSchema>;

/** `PUT /api/training/days/{day}/progress`: the caller's own progress; flags only ever turn on. */
export const progressInputSchema = z
  .object({
    presentationOpened: z.literal(true).optional(),
    recordingWatched: z.literal(true).optional(),
    watchedSeconds: z.number().int().min(0).max(36_000).optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, 'say what the learner did (presentationOpened, recordingWatched or watchedSeconds)');
export type ProgressInput = z.infer<typeof progressInputSchema>;

const unlockSchema = z.object({ at: z.string(), by: trainingActorSchema });

/** A day as the programme lists it. For learners a locked day is only its number: its content is not theirs yet. */
export const trainingDaySummarySchema = z.object({
  dayNumber: z.number().int(),
  unlocked: z.boolean(),
  title: z.string().optional(),
  description: z.string().optional(),
  unlockedAt: z.string().optional(),
  recordingCount: z.number().int().optional(),
  /** The caller's own progress on the day. */
  progress: dayProgressSchema.optional(),
});
export type TrainingDaySummary = z.infer<typeof trainingDaySummarySchema>;

/** `GET /api/training/days`. */
export const trainingProgrammeSchema = z.object({
  /** The caller runs the programme (sees locked days, edits, unlocks). */
  canManage: z.boolean(),
  days: z.array(trainingDaySummarySchema),
  /** The caller's completion over the unlocked days, 0–100. */
  overallPct: z.number(),
});
export type TrainingProgramme = z.infer<typeof trainingProgrammeSchema>;

/** `GET /api/training/days/{day}` (ETag for admins' `If-Match`). */
export const trainingDaySchema = z.object({
  dayNumber: z.number().int(),
  title: z.string(),
  description: z.string(),
  presentationUrl: z.string(),
  resourcesUrl: z.string(),
  unlocked: z.boolean(),
  unlock: unlockSchema.optional(),
  updatedAt: z.string(),
  updatedBy: trainingActorSchema,
  /** Learners see active recordings only; admins see all. */
  recordings: z.array(recordingSchema),
  progress: dayProgressSchema.optional(),
});
export type TrainingDay = z.infer<typeof trainingDaySchema>;

/** Unlock / lock: the day as it is now, and whether this request changed it (a repeat changes nothing and sends nothing). */
export const trainingDayChangeSchema = z.object({ day: trainingDaySchema, changed: z.boolean() });
export type TrainingDayChange = z.infer<typeof trainingDayChangeSchema>;

export const trainingAuditActions = ['unlock', 'lock', 'edit', 'addRecording', 'removeRecording'] as const;
export type TrainingAuditAction = (typeof trainingAuditActions)[number];

/** One admin action, written in the same transaction as the change it records. */
export const trainingAuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  by: trainingActorSchema,
  action: z.enum(trainingAuditActions),
  dayNumber: z.number().int(),
  /** What changed, in words ("Unlocked day 5", "Title: 'A' → 'B'"). */
  summary: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
});
export type TrainingAuditEntry = z.infer<typeof trainingAuditEntrySchema>;
export const trainingAuditSchema = z.object({ entries: z.array(trainingAuditEntrySchema) });
export const trainingAuditQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(500).optional(), day: trainingDayParamSchema.optional() })
  .strict();

/** `GET /api/training/progress` (admins): learners × days, and per-day completion counts. */
export const trainingProgressMatrixSchema = z.object({
  days: z.array(
    z.object({
      dayNumber: z.number().int(),
      title: z.string(),
      unlocked: z.boolean(),
      completed: z.number().int(),
      started: z.number().int(),
    }),
  ),
  learners: z.array(
    z.object({
      name: z.string(),
      upn: z.string(),
      /** Completion % per day, in the order of `days`; 0 for a day not started. */
      completion: z.array(z.number()),
      overallPct: z.number(),
    }),
  ),
});
export type TrainingProgressMatrix = z.infer<typeof trainingProgressMatrixSchema>;
