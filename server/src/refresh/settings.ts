import { z } from 'zod';
import { storageSetting, storageSettingRequired } from '../storage/connection';

/**
 * Settings of refresh failure detection, validated on first use (the API's own settings live in
 * `config.ts`; these are read by the API's timers and by the bot, which shares this code).
 */
const schema = z.object({
  AzureWebJobsStorage: z.string({ error: storageSettingRequired }).min(1, storageSettingRequired),
  /**
   * Local emulator only: its `/_emulator/clock`, because its clock can be moved forward and
   * schedule slots must be computed in its time. Unset in Azure (the real clock).
   */
  POWERBI_CLOCK_URL: z.string().url().optional(),
  /** History entries read per watched dataset and poll. */
  REFRESH_HISTORY_TOP: z.coerce.number().int().min(2).max(60).default(10),
  /** How long after a slot (or a trigger) a dataset stays watched when no refresh shows up. */
  REFRESH_GRACE_MINUTES: z.coerce.number().positive().default(30),
  /** After this long a failure recorded but not marked enqueued is considered abandoned by a crashed run. */
  REFRESH_REPAIR_AFTER_SECONDS: z.coerce.number().nonnegative().default(120),
});

export type RefreshSettings = Readonly<z.infer<typeof schema>>;

let frozen: RefreshSettings | undefined;

/** Parses the environment; throws listing every invalid setting. */
export function parseRefreshSettings(env: NodeJS.ProcessEnv): RefreshSettings {
  const result = schema.safeParse({ ...env, AzureWebJobsStorage: storageSetting(env) });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid refresh detection configuration: ${problems}`);
  }
  return Object.freeze(result.data);
}

/** This process's settings, parsed once. */
export function refreshSettings(): RefreshSettings {
  frozen ??= parseRefreshSettings(process.env);
  return frozen;
}
