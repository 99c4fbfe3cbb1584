import { maxReportTokenMinutes } from '@planboard/contracts';
import { z } from 'zod';

/**
 * The local Power BI emulator's sample report ids (emulators/powerbi `sampleIds`, Prod
 * workspaces). Public identifiers of the local sample tenant, like local-defaults.ts; Azure
 * deployments set the REPORT_* settings to their own workspace and report ids.
 */
export const localReportIds = {
  budget: { workspaceId: '6b20398d-cc58-5ba6-8c30-ba8135bddd15', reportId: 'fd52122f-ccc3-5e3d-88d9-971d7dd2eb78' },
  stores: { workspaceId: '0f169a00-3c65-5ebc-944e-f51cb605e363', reportId: '7ab8150e-0535-5d33-8439-914467468d4d' },
  kpi: { workspaceId: 'e06e78eb-4704-5e71-bcaa-90f569d13fe4', reportId: 'f37ff2ed-ba85-5170-b23e-4304b052e009' },
} as const;

const id = z.string().uuid();

/**
 * The embedded reports' settings, read from app settings like config.ts (kept here so the
 * reports feature owns its settings): one workspace + report id per catalog entry, and how long
 * embed tokens live. Validated on first use; a malformed value fails the reports routes with a
 * clear message rather than embedding the wrong thing.
 */
const schema = z.object({
  REPORT_BUDGET_WORKSPACE_ID: id.default(localReportIds.budget.workspaceId),
  REPORT_BUDGET_ID: id.default(localReportIds.budget.reportId),
  REPORT_STORES_WORKSPACE_ID: id.default(localReportIds.stores.workspaceId),
  REPORT_STORES_ID: id.default(localReportIds.stores.reportId),
  REPORT_KPI_WORKSPACE_ID: id.default(localReportIds.kpi.workspaceId),
  REPORT_KPI_ID: id.default(localReportIds.kpi.reportId),
  /** Embed token lifetime; short on purpose (the tab renews before expiry). Power BI caps it at the service principal's token. */
  REPORT_TOKEN_LIFETIME_MINUTES: z.coerce.number().int().min(1).max(maxReportTokenMinutes).default(maxReportTokenMinutes),
});

/** The parsed REPORT_* settings. */
export type ReportSettings = Readonly<z.infer<typeof schema>>;

let frozen: ReportSettings | undefined;

/** Parses REPORT_* settings from an environment; throws naming every invalid one. */
export function parseReportSettings(env: NodeJS.ProcessEnv): ReportSettings {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid reports configuration: ${problems}`);
  }
  return Object.freeze(result.data);
}

/** This process's report settings, parsed once. */
export function reportSettings(): ReportSettings {
  frozen ??= parseReportSettings(process.env);
  return frozen;
}
