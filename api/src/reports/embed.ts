import type { ReportEmbed, ReportEmbedRequest } from '@planboard/contracts';
import { powerBiIdentity } from '../access/effective-identity';
import type { Access } from '../access/guard';
import { forbidden } from '../errors';
import type { PowerBiClient } from '@planboard/server';
import { canOpen, missingAccessMessage, type CatalogEntry } from './catalog';
import { powerBiProblem, reportMetadata } from './metadata';
import { reportSettings } from './settings';

/**
 * An embed token for one report, as the caller: checks their grants, then asks Power BI
 * (GenerateToken V2, as the service principal) for a View token whose effective identity is the
 * caller — username = UPN, roles from their grants (AllData for admins), the report's dataset —
 * so the dataset's RLS shows exactly their scopes. Datasets without RLS get no identity (Power BI
 * refuses one there). The token is short-lived: the tab renews it before `expiration`.
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
    const token = await client.embedTokens.generate({
      reports: [{ id: entry.reportId }],
      datasets: [{ id: metadata.datasetId }],
      ...(metadata.rlsRequired ? { identities: [powerBiIdentity(access, [metadata.datasetId])] } : {}),
      lifetimeInMinutes,
    });
    return { reportId: entry.reportId, embedUrl: metadata.embedUrl, accessToken: token.token, expiration: token.expiration };
  } catch (error) {
    throw powerBiProblem(error, entry);
  }
}
