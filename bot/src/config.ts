import { localIdentityAuthority, localPowerBi, sampleTenantId, storageSetting, storageSettingRequired } from '@planboard/server';
import { z } from 'zod';

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/**
 * The bot app's settings, validated once at start-up (see api/src/config.ts for the pattern).
 * Locally the stack points them at the emulators and runs the bot anonymously (no app id: the
 * Agents Playground sends no token); in Azure they come from the Function App settings (infra/).
 */
const configSchema = z.object({
  AzureWebJobsStorage: z.string({ error: storageSettingRequired }).min(1, storageSettingRequired),
  PLANBOARD_VERSION: z.string().default(process.env.npm_package_version ?? '0.1.0'),
  /** The bot's Entra app. Empty = anonymous (local only): incoming requests are not authenticated. */
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  /** `SingleTenant` in Azure; locally `MultiTenant`, since botbuilder refuses SingleTenant without an app id. */
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  /** Tenants whose users the bot serves (the API's allow-list); default: the app's tenant (Azure) or the sample tenant. */
  AUTH_TENANT_IDS: csv.optional(),
  /** Set by infra/ in Azure (the Entra app's tenant, also Power BI's). */
  AAD_APP_TENANT_ID: z.string().optional(),
  POWERBI_TENANT_ID: z.string().optional(),
  /** Power BI as the service principal, for `refresh`, `schedule` and card retries (same values as the API). */
  POWERBI_API_URL: z.string().url().default(localPowerBi.apiUrl),
  /** Set by infra/ in Azure (authority host + tenant: sovereign clouds have their own host). Default: the local identity provider. */
  POWERBI_AUTHORITY: z.string().url().optional(),
  POWERBI_CLIENT_ID: z.string().min(1).default(localPowerBi.servicePrincipalId),
  POWERBI_CLIENT_SECRET: z.string().min(1).default(localPowerBi.servicePrincipalSecret),
  POWERBI_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** Where the tab is served: "Open history", "Open Budget" and "Open KPIs" buttons link there. */
  TAB_ENDPOINT: z.string().url().default('http://127.0.0.1:53000'),
  /** The Teams app id: when set, buttons open the tab inside Teams (deep link) instead of a browser. */
  TEAMS_APP_ID: z.string().default(''),
});

export type BotConfig = Readonly<
  Omit<z.infer<typeof configSchema>, 'AUTH_TENANT_IDS' | 'POWERBI_AUTHORITY'> & { AUTH_TENANT_IDS: string[]; POWERBI_AUTHORITY: string }
>;

let frozen: BotConfig | undefined;

/** Parses the environment; throws listing every invalid setting. */
export function parseConfig(env: NodeJS.ProcessEnv): BotConfig {
  const result = configSchema.safeParse({ ...env, AzureWebJobsStorage: storageSetting(env) });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid bot configuration: ${problems}`);
  }
  if (result.data.MicrosoftAppType === 'SingleTenant' && !result.data.MicrosoftAppId) {
    throw new Error(
      'Invalid bot configuration: MicrosoftAppType SingleTenant needs MicrosoftAppId (leave both unset to run anonymously locally)',
    );
  }
  if (result.data.POWERBI_TENANT_ID && !result.data.POWERBI_AUTHORITY) {
    throw new Error(
      'Invalid bot configuration: POWERBI_TENANT_ID needs POWERBI_AUTHORITY (the authority host and tenant, as infra/ sets it)',
    );
  }
  const data = result.data;
  const appTenant = data.AAD_APP_TENANT_ID || data.MicrosoftAppTenantId;
  return Object.freeze({
    ...data,
    AUTH_TENANT_IDS: data.AUTH_TENANT_IDS ?? [appTenant || sampleTenantId],
    POWERBI_AUTHORITY: data.POWERBI_AUTHORITY ?? `${localIdentityAuthority}/${sampleTenantId}`,
  });
}

/** The configuration of this process, parsed on first use and fixed afterwards. */
export function config(): BotConfig {
  frozen ??= parseConfig(process.env);
  return frozen;
}
