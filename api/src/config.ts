import { z } from 'zod';

/**
 * The API's configuration, read once from app settings (environment variables) and validated at
 * start-up so a missing or malformed setting stops the host with a clear message instead of
 * failing a request later. Locally the stack sets these to the emulators; in Azure they come
 * from the Function App's settings (infra/).
 */
const configSchema = z.object({
  /** The Functions host's own storage connection; our tables and queues live there too. */
  AzureWebJobsStorage: z.string().min(1, 'AzureWebJobsStorage (storage connection string) is required'),
  PLANBOARD_VERSION: z.string().default(process.env.npm_package_version ?? '0.1.0'),
  /** Bounds for a storage health probe so a dead dependency answers 503 fast. */
  HEALTH_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
});

export type ApiConfig = Readonly<z.infer<typeof configSchema>>;

let frozen: ApiConfig | undefined;

/** Parses the environment; throws listing every invalid setting. */
export function parseConfig(env: NodeJS.ProcessEnv): ApiConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid API configuration: ${problems}`);
  }
  return Object.freeze(result.data);
}

/** The configuration of this process, parsed on first use and fixed afterwards. */
export function config(): ApiConfig {
  frozen ??= parseConfig(process.env);
  return frozen;
}
