import { z } from 'zod';
import { scopeTypes } from './directory';

// No regex flags: JSON Schema (the OpenAPI document) patterns have none, so case-insensitivity is in the class.
const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'a Power BI id is a GUID');

/** Route parameter of the report routes. */
export const reportParamsSchema = z.object({ reportId: guid });

/**
 * A report the caller may open (`GET /api/reports`). `scopeType` says which of the caller's
 * grants decide what it shows (its dataset's row-level security filters by that kind of scope).
 */
export const reportSummarySchema = z.object({
  id: guid,
  name: z.string(),
  /** What the report is about, in a sentence for the list. */
  description: z.string(),
  scopeType: z.enum(scopeTypes),
  workspaceId: guid,
  workspaceName: z.string().optional(),
  datasetId: guid,
  datasetName: z.string().optional(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportListSchema = z.object({ reports: z.array(reportSummarySchema) });
export type ReportList = z.infer<typeof reportListSchema>;

/** Longest embed token a client may ask for; the server may give less (its setting, the service principal's token). */
export const maxReportTokenMinutes = 60;

/** `POST /api/reports/{reportId}/embed` body (optional): a client may ask for a shorter-lived token. */
export const reportEmbedRequestSchema = z
  .object({ lifetimeMinutes: z.number().int().min(1).max(maxReportTokenMinutes).optional() })
  .strict();
export type ReportEmbedRequest = z.infer<typeof reportEmbedRequestSchema>;

/**
 * What powerbi-client needs to embed one report as the caller: the embed URL, an embed token
 * whose effective identity is the caller (so the dataset's RLS shows only their scopes) and its
 * expiry, before which the tab renews it with `report.setAccessToken`.
 */
/**
 * Whether the scopes the caller may read hold any data for a report: `noDataYet` when none does
 * (nothing recorded yet, which the tab words apart from missing access, a 403), `hasData` when
 * some does. Absent when the API cannot tell (the report's data is not Planboard's own).
 */
export const reportDataStates = ['hasData', 'noDataYet'] as const;
export type ReportDataState = (typeof reportDataStates)[number];

export const reportEmbedSchema = z.object({
  reportId: guid,
  embedUrl: z.string().url(),
  accessToken: z.string().min(1),
  /** UTC ISO date-time. */
  expiration: z.string(),
  dataState: z.enum(reportDataStates).optional(),
});
export type ReportEmbed = z.infer<typeof reportEmbedSchema>;
