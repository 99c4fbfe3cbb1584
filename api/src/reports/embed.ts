import type { ReportEmbed, ReportEmbedRequest } from '@planboard/contracts';
import { powerBiIdentity } from '../access/effective-identity';
import type { Access } from '../access/guard';
import { ApiError, forbidden } from '../errors';
import type { PowerBiClient } from '@planboard/server';
import { canOpen, missingAccessMessage, type CatalogEntry } from './catalog';
import { powerBiProblem, reportMetadata } from './metadata';
import { reportSettings } from './settings';

/** Words for a refusal: the report's dataset has no row-level security, so it would show every scope. */
export function unfilteredMessage(entry: CatalogEntry): string {
  const what = { businessUnit: 'business unit', store: 'store', department: 'department' }[entry.scopeType];
  return `This report's Power BI dataset has no row-level security, so it would show every ${what}, not only yours. Only Planboard admins can open it until it is filtered by ${what}.`;
}

/**
 * An embed token for one report, as the caller: checks their grants, then asks Power BI
 * (GenerateToken V2, as the service principal) for a View token whose effective identity is the
 * caller — username = UPN, roles from their grants (AllData for admins), the report's dataset —
 * so the dataset's RLS shows exactly their scopes. A dataset without RLS cannot filter (and
 * Power BI refuses an identity there): it is embedded, without identity, only for admins, who
 * may read every scope; anyone else gets a 403 before Power BI is asked for a token. The token
 * is short-lived: the tab renews it before `expiration`.
 */
export async function embedReport(
  client: PowerBiClient,
  access: Access,
  entry: CatalogEntry,
  request: ReportEmbedRequest = {},
): Promise<ReportEmbed> {
  if (!canOpen(access, entry)) throw forbidden(missingAccessMessage(entry));
  const lifetimeInMinutes = Math.min(reportSettings().REPORT_TOKEN_LIFETIME_MINUTES, request.lifetimeMinutes ?? Number.MAX_SAFE_INTEGER);
  try {
    const metadata = await reportMetadata(client, entry);
    if (!metadata.rlsRequired && !access.caller.isAdmin) throw forbidden(unfilteredMessage(entry));
    const token = await client.embedTokens.generate({
      reports: [{ id: entry.reportId }],
      datasets: [{ id: metadata.datasetId }],
      ...(metadata.rlsRequired ? { identities: [powerBiIdentity(access, [metadata.datasetId])] } : {}),
      lifetimeInMinutes,
    });
    return { reportId: entry.reportId, embedUrl: metadata.embedUrl, accessToken: token.token, expiration: token.expiration };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw powerBiProblem(error, entry);
  }
}
