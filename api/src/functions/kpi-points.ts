import { app, type HttpRequest } from '@azure/functions';
import {
  futurePeriodProblem,
  kpiDataPointInputSchema,
  kpiImportJsonSchema,
  type KpiDataPointInput,
  type KpiImportResult,
} from '@planboard/contracts';
import type { SheetKind } from '../budget/read-sheet';
import { readUploadedSheet } from '../budget/upload';
import { config } from '../config';
import { ApiError, badRequest, validationFailed } from '../errors';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { isJsonMediaType, parseJsonBody, parseParams } from '../http/validate';
import { rowsFromJson, rowsFromSheet, validateImport, type ImportRow } from '../kpi/import';
import type { KpiDefinition } from '@planboard/server';
import { departmentParams, kpiParams } from '../kpi/params';
import { requireDepartment, requireKpi, thisDepartment, thisKpi, writeContext } from '../kpi/routes';
import { targetProblem } from '@planboard/server';
import { writePoints } from '../kpi/write';
import { getServices } from '../services';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Records one data point (edit); the same period and start again replaces it. Returns the KPI after the write. */
app.http('kpiPointUpsert', {
  route: 'kpis/{scopeId}/{kpiId}/points',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, context, access) => {
    const { scopeId, kpiId } = parseParams(request, kpiParams);
    const scope = access.require(scopeId, 'edit', thisKpi);
    const { kpi } = await requireKpi(scopeId, kpiId);
    const point = await parseJsonBody(request, kpiDataPointInputSchema);
    const problem = targetProblem(kpi, point);
    if (problem) throw validationFailed('The request body is invalid.', [{ path: 'target', message: problem }]);
    const future = futurePeriodProblem(point, new Date());
    if (future) throw validationFailed('The request body is invalid.', [{ path: 'periodStart', message: future }]);
    const result = await writePoints(writeContext(access, scope, context), [{ kpi, points: [point] }]);
    return json(result.summaries[0]);
  }),
});

/** The rows of an import request: a JSON body, or an uploaded .csv/.xlsx (within the import limits of the config). */
async function importRows(request: HttpRequest): Promise<ImportRow[]> {
  const header = request.headers.get('content-type');
  if (isJsonMediaType(header)) return rowsFromJson((await parseJsonBody(request, kpiImportJsonSchema)).points);
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase();
  const kind: SheetKind | undefined = type === xlsxType ? 'xlsx' : type === 'text/csv' ? 'csv' : undefined;
  if (!kind)
    throw new ApiError(415, 'UnsupportedMediaType', 'Send the points as application/json, or upload a .csv (text/csv) or .xlsx file.');
  const sheet = await readUploadedSheet(request, kind, config().KPI_IMPORT_MAX_ROWS);
  const rows = rowsFromSheet(sheet.headers, sheet.rows);
  if (typeof rows === 'string') throw badRequest(rows);
  return rows;
}

/**
 * Bulk import of data points into a department's KPIs (edit). All rows are validated first: any
 * invalid row answers 400 listing every row's errors (`rows.<row>`) and nothing is written.
 */
app.http('kpiImport', {
  route: 'kpis/{scopeId}/import',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, context, access) => {
    const { scopeId } = parseParams(request, departmentParams);
    const scope = requireDepartment(access.require(scopeId, 'edit', thisDepartment));
    const rows = await importRows(request);
    const definitions = await getServices().kpis.listDefinitions(scopeId);
    const kpiById = new Map(definitions.map(({ kpi }) => [kpi.kpiId, kpi]));
    const { points, errors } = validateImport(rows, kpiById);
    if (errors.length) {
      const badRows = new Set(errors.map((error) => error.row)).size;
      throw validationFailed(
        `${badRows} of ${rows.length} rows cannot be imported; nothing was imported.`,
        errors.map((error) => ({
          path: `rows.${error.row}`,
          message: `Row ${error.row}${error.kpiId ? ` (${error.kpiId.slice(0, 60)})` : ''}: ${error.message}`,
        })),
      );
    }
    const byKpi = new Map<string, { kpi: KpiDefinition; points: KpiDataPointInput[] }>();
    for (const { kpiId, point } of points) {
      const kpi = kpiById.get(kpiId);
      if (!kpi) continue; // validateImport accepted only known KPIs
      const entry = byKpi.get(kpiId) ?? { kpi, points: [] };
      entry.points.push(point);
      byKpi.set(kpiId, entry);
    }
    await writePoints(writeContext(access, scope, context), [...byKpi.values()]);
    const body: KpiImportResult = { imported: points.length, errors: [] };
    return json(body);
  }),
});
