import { maxKpiImportRows } from '@planboard/contracts';
import { z } from 'zod';
import {
  storageSetting,
  storageSettingRequired,
  localApiClientId,
  localBrowserAuthority,
  localIdentityAuthority,
  localPowerBi,
  localTabClientId,
  localTabDomain,
  sampleTenantId,
} from '@planboard/server';
import { microsoftHostClientIds } from './auth/microsoft-hosts';

/** `running/waiting`, e.g. `8/64`: bounds of one kind of expensive request per host (http/limits.ts). */
const admissionLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
      const running = Number(match?.[1]);
      const waiting = Number(match?.[2]);
      if (!match || running < 1 || waiting < 0) {
        ctx.addIssue({ code: 'custom', message: `expected "running/waiting" such as "${fallback}" (running at least 1)` });
        return z.NEVER;
      }
      return { running, waiting };
    });

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/**
 * The API's configuration, read once from app settings (environment variables) and validated at
 * start-up so a missing or malformed setting stops the host with a clear message instead of
 * failing a request later. Locally the stack sets these to the emulators; in Azure they come
 * from the Function App's settings (infra/).
 */
const configSchema = z.object({
  /** The Functions host's own storage connection; our tables and queues live there too. */
  AzureWebJobsStorage: z.string({ error: storageSettingRequired }).min(1, storageSettingRequired),
  PLANBOARD_VERSION: z.string().default(process.env.npm_package_version ?? '0.1.0'),
  /** Bounds for a storage health probe so a dead dependency answers 503 fast. */
  HEALTH_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  /** Tenants whose users may sign in (Entra `tid`). */
  AUTH_TENANT_IDS: csv.default([sampleTenantId]),
  /** The API's app registration (v2 tokens carry it as `aud`). */
  AUTH_CLIENT_ID: z.string().min(1).default(localApiClientId),
  /** Extra accepted audiences, e.g. the Application ID URI `api://<tab domain>/<client id>` of v1 tokens. */
  AUTH_AUDIENCES: csv.optional(),
  /** Trusted issuers with `{tid}`; Entra: `https://login.microsoftonline.com/{tid}/v2.0,https://sts.windows.net/{tid}/`. */
  AUTH_ISSUERS: csv.default([`${localIdentityAuthority}/{tid}/v2.0`, `${localIdentityAuthority}/sts/{tid}/`]),
  /** Key sets; Entra: `https://login.microsoftonline.com/common/discovery/v2.0/keys`. */
  AUTH_JWKS_URIS: csv.default([`${localIdentityAuthority}/${sampleTenantId}/discovery/v2.0/keys`]),
  /** Sign-in settings the tab reads at run time (outside Teams): the authority as a browser reaches it. */
  AUTH_PUBLIC_AUTHORITY: z.string().url().default(localBrowserAuthority),
  AUTH_TAB_CLIENT_ID: z.string().min(1).default(localTabClientId),
  /**
   * Client apps whose user tokens are accepted (`azp`/`appid`); default: the Teams / Microsoft 365
   * hosts (auth/microsoft-hosts.ts) and AUTH_TAB_CLIENT_ID. Tokens other apps of the tenant obtained are refused.
   */
  AUTH_ALLOWED_CLIENT_IDS: csv.optional(),
  /** Application ID URI host part (`api://<tab domain>/<client id>`). */
  AUTH_TAB_DOMAIN: z.string().min(1).default(localTabDomain),
  /** Power BI REST base (`https://api.powerbi.com/v1.0/myorg` in Azure; the emulator locally). */
  POWERBI_API_URL: z.string().url().default(localPowerBi.apiUrl),
  POWERBI_AUTHORITY: z.string().url().default(`${localIdentityAuthority}/${sampleTenantId}`),
  /** Service principal for app-only calls (refresh, embed tokens). Local values are emulator-only. */
  POWERBI_CLIENT_ID: z.string().min(1).default(localPowerBi.servicePrincipalId),
  POWERBI_CLIENT_SECRET: z.string().min(1).default(localPowerBi.servicePrincipalSecret),
  /** The API's own registration, for on-behalf-of calls as the user (RLS applies). */
  POWERBI_OBO_CLIENT_ID: z.string().min(1).default(localApiClientId),
  POWERBI_OBO_CLIENT_SECRET: z.string().min(1).default(localPowerBi.apiSecret),
  POWERBI_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(16),
  /** The budget semantic model (workspace + dataset) that holds actuals and receives submitted plans. */
  BUDGET_WORKSPACE_ID: z.string().uuid().default(localPowerBi.budgetWorkspaceId),
  BUDGET_DATASET_ID: z.string().uuid().default(localPowerBi.budgetDatasetId),
  /** The KPI push dataset (workspace + dataset) that receives every recorded data point (table `DataPoints`). */
  KPI_PUSH_WORKSPACE_ID: z.string().uuid().default(localPowerBi.kpiPushWorkspaceId),
  KPI_PUSH_DATASET_ID: z.string().uuid().default(localPowerBi.kpiPushDatasetId),
  /** How long the grid waits for actuals before loading without them. */
  ACTUALS_TIMEOUT_MS: z.coerce.number().int().positive().default(4000),
  /** Budget and KPI imports: the largest upload accepted (bytes as sent). */
  IMPORT_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /** The most an .xlsx may unpack to (all its parts together), checked before and while it is inflated. */
  IMPORT_MAX_UNPACKED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  /** The longest cell text read from an import (Excel's own limit is 32,767 characters). */
  IMPORT_MAX_CELL_CHARS: z.coerce.number().int().positive().default(32_767),
  /** The most data rows a budget import may hold (a BU plan is far smaller; this bounds memory and time). */
  BUDGET_IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(60_000),
  /** The most data rows a KPI import file may hold. */
  KPI_IMPORT_MAX_ROWS: z.coerce.number().int().positive().max(maxKpiImportRows).default(maxKpiImportRows),
  /** How long an import preview can be applied; a timer deletes it afterwards. */
  IMPORT_PREVIEW_TTL_HOURS: z.coerce.number().positive().default(24),
  /**
   * Per host, how many of each expensive request run at once and how many may wait; more are
   * refused with 503 ServerBusy + Retry-After. Sized so that a host's memory stays well under the
   * Flex Consumption instance's 2 GB (a 50,000-line plan read holds ~10 MB, an export ~60 MB).
   */
  LIMIT_PLAN_READS: admissionLimit('8/64'),
  LIMIT_PLAN_SAVES: admissionLimit('16/192'),
  LIMIT_EXPORTS: admissionLimit('2/6'),
  LIMIT_IMPORTS: admissionLimit('2/4'),
  /** Microsoft Graph (`https://graph.microsoft.com/v1.0`; the Graph emulator's HTTPS listener locally). */
  GRAPH_API_URL: z.string().url().default('https://graph.microsoft.com/v1.0'),
  /** The OneDrive / SharePoint drive holding the weekly store sales workbooks (unset: the OneDrive source is not configured). */
  STORE_SALES_DRIVE_ID: z.string().min(1).optional(),
  /** The folder of that drive, as a path from its root. */
  STORE_SALES_FOLDER: z
    .string()
    .min(1)
    .default('Store data/Weekly sales')
    .transform((value) => value.replace(/^\/+|\/+$/g, '')),
  /** Dataverse Web API base (`https://<env>.crm.dynamics.com/api/data/v9.2`); unset: the store master source is not configured. */
  DATAVERSE_API_URL: z.string().url().optional(),
  /** The environment URL tokens are requested for (`<DATAVERSE_RESOURCE>/.default`). */
  DATAVERSE_RESOURCE: z.string().url().optional(),
  /** The app registration that reads the sources app-only (default: the API's own, as for on-behalf-of). */
  STORE_SOURCES_CLIENT_ID: z.string().min(1).default(localApiClientId),
  STORE_SOURCES_CLIENT_SECRET: z.string().min(1).default(localPowerBi.apiSecret),
  /** The most rows one pipeline file or upload may hold (bounds time; memory is bounded by streaming). */
  STORE_FILE_MAX_ROWS: z.coerce.number().int().positive().default(200_000),
  /** The largest workbook the pipeline downloads (bytes). */
  STORE_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
});

export type ApiConfig = Readonly<z.infer<typeof configSchema> & { AUTH_AUDIENCES: string[]; AUTH_ALLOWED_CLIENT_IDS: string[] }>;

let frozen: ApiConfig | undefined;

/** Parses the environment; throws listing every invalid setting. */
export function parseConfig(env: NodeJS.ProcessEnv): ApiConfig {
  const result = configSchema.safeParse({ ...env, AzureWebJobsStorage: storageSetting(env) });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid API configuration: ${problems}`);
  }
  const data = result.data;
  const audiences = data.AUTH_AUDIENCES ?? [data.AUTH_CLIENT_ID, `api://${data.AUTH_TAB_DOMAIN}/${data.AUTH_CLIENT_ID}`];
  const clients = data.AUTH_ALLOWED_CLIENT_IDS ?? [...microsoftHostClientIds, data.AUTH_TAB_CLIENT_ID];
  return Object.freeze({ ...data, AUTH_AUDIENCES: audiences, AUTH_ALLOWED_CLIENT_IDS: clients });
}

/** The configuration of this process, parsed on first use and fixed afterwards. */
export function config(): ApiConfig {
  frozen ??= parseConfig(process.env);
  return frozen;
}
