import { app, type HttpRequest } from '@azure/functions';
import { reportEmbedRequestSchema, reportParamsSchema, type ReportEmbedRequest } from '@planboard/contracts';
import { notFound } from '../errors';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseJsonBody, parseParams } from '../http/validate';
import { catalogEntry } from '../reports/catalog';
import { reportDataState } from '../reports/data-state';
import { embedReport } from '../reports/embed';
import { listReports } from '../reports/list';
import { getServices } from '../services';

/** The body is optional: without one (no Content-Type) the defaults apply. */
function embedRequest(request: HttpRequest): Promise<ReportEmbedRequest> {
  return request.headers.get('content-type') ? parseJsonBody(request, reportEmbedRequestSchema) : Promise.resolve({});
}

/** The Power BI reports the caller may open, with workspace and dataset. */
app.http('reportsList', {
  route: 'reports',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => json(await listReports(getServices().powerBi, access))),
});

/** An embed token for one report with the caller as effective identity; 403 outside their scopes. */
app.http('reportEmbed', {
  route: 'reports/{reportId}/embed',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { reportId } = parseParams(request, reportParamsSchema);
    const entry = catalogEntry(reportId);
    if (!entry) throw notFound('This report was not found.');
    const services = getServices();
    const embed = await embedReport(services.powerBi, access, entry, await embedRequest(request));
    // A hint for the tab's wording only: a storage hiccup must not cost the caller their report.
    const dataState = await reportDataState(entry, access, services.kpis).catch((error: unknown) => {
      console.warn(`Could not tell whether report ${entry.key} has data:`, error instanceof Error ? error.message : error);
      return undefined;
    });
    return json(dataState ? { ...embed, dataState } : embed);
  }),
});
