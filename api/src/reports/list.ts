import type { ReportList, ReportSummary } from '@planboard/contracts';
import type { Access } from '../access/guard';
import { PowerBiError, type PowerBiClient } from '@planboard/server';
import { canOpen, reportCatalog, type CatalogEntry } from './catalog';
import { powerBiProblem, reportMetadata } from './metadata';

async function summary(client: PowerBiClient, access: Access, entry: CatalogEntry): Promise<ReportSummary | undefined> {
  try {
    const metadata = await reportMetadata(client, entry);
    // A dataset without RLS cannot be filtered to the caller's scopes: only admins may embed it (embed.ts).
    if (!metadata.rlsRequired && !access.caller.isAdmin) return undefined;
    return {
      id: entry.reportId,
      name: metadata.name,
      description: entry.description,
      scopeType: entry.scopeType,
      workspaceId: entry.workspaceId,
      ...(metadata.workspaceName ? { workspaceName: metadata.workspaceName } : {}),
      datasetId: metadata.datasetId,
      ...(metadata.datasetName ? { datasetName: metadata.datasetName } : {}),
    };
  } catch (error) {
    // A report Power BI does not know is a configuration slip: leave it out (logged) rather than fail the list.
    if (error instanceof PowerBiError && error.status === 404) {
      powerBiProblem(error, entry);
      return undefined;
    }
    throw powerBiProblem(error, entry);
  }
}

/**
 * The reports the caller may open (by their scope grants, and for a dataset without RLS only
 * admins), with workspace and dataset, in catalog order.
 */
export async function listReports(client: PowerBiClient, access: Access): Promise<ReportList> {
  const open = reportCatalog().filter((entry) => canOpen(access, entry));
  const reports = await Promise.all(open.map((entry) => summary(client, access, entry)));
  return { reports: reports.filter((report): report is ReportSummary => report !== undefined) };
}
