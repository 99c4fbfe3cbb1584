/**
 * Deep links into a report.
 *
 * - In a browser (and in Teams' own URL): `index.html#/reports/<reportId>`.
 * - In Teams: `https://teams.microsoft.com/l/entity/<appId>/reports?context={"subEntityId":"<reportId>"}`
 *   (context URL-encoded; `appId` is the Teams app id of appPackage/manifest.json, `reports` the
 *   static tab's `entityId`). Teams opens the Reports tab at its contentUrl (`#/reports`) and passes
 *   the sub-entity id as `page.subPageId` of the Teams context (teams/host.ts exposes it), which
 *   {@link initialReportId} turns into the report to open.
 */
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a Power BI id (a GUID); anything else in a link is ignored rather than sent to the API. */
export const isReportId = (value: string | undefined): value is string => !!value && guid.test(value);

/** The tab's own link to a report (hash route). */
export const reportHref = (reportId: string): string => `#/reports/${encodeURIComponent(reportId)}`;

/** The list of reports. */
export const reportsHref = '#/reports';

/** The report a hash route names (`#/reports/<id>` → id), if any. */
export function reportIdFromRoute(rest: readonly string[]): string | undefined {
  const candidate = rest[0];
  return isReportId(candidate) ? candidate.toLowerCase() : undefined;
}

/** A Teams deep link that opens the Reports tab on one report (see the module comment). */
export function teamsReportDeepLink(appId: string, reportId: string, label = 'Report'): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: reportId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/reports?label=${encodeURIComponent(label)}&context=${context}`;
}

/**
 * The report to open when the page starts: the URL wins; otherwise the Teams deep link's
 * sub-entity id (only once per page load, so going back to the list stays on the list).
 */
export function initialReportId(rest: readonly string[], subPageId: string | undefined, subPageUsed: boolean): string | undefined {
  return reportIdFromRoute(rest) ?? (!subPageUsed && isReportId(subPageId) ? subPageId.toLowerCase() : undefined);
}
