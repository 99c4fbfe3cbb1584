import { z } from 'zod';

/** The bot app's settings, validated once at start-up (see api/src/config.ts for the pattern). */
const configSchema = z.object({
  AzureWebJobsStorage: z.string().min(1, 'AzureWebJobsStorage (storage connection string) is required'),
  PLANBOARD_VERSION: z.string().default(process.env.npm_package_version ?? '0.1.0'),
});

export type BotConfig = Readonly<z.infer<typeof configSchema>>;

let frozen: BotConfig | undefined;

/** Parses the environment; throws listing every invalid setting. */
export function parseConfig(env: NodeJS.ProcessEnv): BotConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid bot configuration: ${problems}`);
  }
  return Object.freeze(result.data);
}

/** The configuration of this process, parsed on first use and fixed afterwards. */
export function config(): BotConfig {
  frozen ??= parseConfig(process.env);
  return frozen;
}
