import { app } from '@azure/functions';
import { capacityIngestResultSchema, performanceQuerySchema } from '@planboard/contracts';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseQuery } from '../http/validate';
import { ingestCapacityNow, performanceView } from '../operations/analyser';
import { performanceWorkbook } from '../operations/analyser/export';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Slowest, failed and outlier refreshes, refresh counts, start delay and capacity use of a window (admins). */
app.http('operationsPerformance', {
  route: 'operations/performance',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    return json(await performanceView(parseQuery(request, performanceQuerySchema)));
  }),
});

/** The same view as an Excel workbook, one sheet per table. */
app.http('operationsPerformanceExport', {
  route: 'operations/performance.xlsx',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const query = parseQuery(request, performanceQuerySchema);
    const body = await performanceWorkbook(await performanceView(query));
    return {
      status: 200,
      body,
      headers: {
        'Content-Type': xlsxType,
        'Content-Disposition': `attachment; filename="performance-${query.window}.xlsx"`,
        'Cache-Control': 'no-store',
      },
    };
  }),
});

/** Reads capacity utilisation now (admins); the timer below does the same every 15 minutes. */
app.http('operationsCapacityIngest', {
  route: 'operations/capacity/ingest',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    access.requireAdmin();
    return json(capacityIngestResultSchema.parse(await ingestCapacityNow()));
  }),
});

/**
 * Every 15 minutes: capacity utilisation from the Fabric Capacity Metrics model (its own data
 * refreshes about that often), for the Performance view's capacity line.
 */
app.timer('operationsCapacityTimer', {
  schedule: '0 */15 * * * *',
  handler: async (_timer, context) => {
    context.log(`Capacity utilisation ingested: ${JSON.stringify(await ingestCapacityNow())}`);
  },
});
