import { app, type HttpRequest } from '@azure/functions';
import type { CellEdit, ImportPreview } from '@planboard/contracts';
import { z } from 'zod';
import type { Access } from '../access/guard';
import { actualsFor } from '../budget/actuals';
import { exportCsv, exportWorkbook } from '../budget/export';
import { planImport } from '../budget/import';
import { planPartitionKey, publicLine } from '@planboard/server';
import { planParams } from '../budget/params';
import { requirePlan } from '../budget/plan-state';
import { loadPreview, newPreviewId, savePreview } from '../budget/previews';
import type { SheetKind } from '../budget/read-sheet';
import { readUploadedSheet } from '../budget/upload';
import { config } from '../config';
import { ApiError } from '../errors';
import { authedRoute } from '../http/authed';
import { limited } from '../http/limits';
import { json } from '../http/respond';
import { parseParams } from '../http/validate';
import { getServices } from '../services';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const previewTtlMs = (): number => config().IMPORT_PREVIEW_TTL_HOURS * 3_600_000;

function sheetKind(contentType: string | null): SheetKind {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === xlsxType) return 'xlsx';
  if (type === 'text/csv') return 'csv';
  throw new ApiError(415, 'UnsupportedMediaType', 'Upload an .xlsx workbook or a .csv file in the export layout.');
}

/** Everything an export needs, read before the first byte is sent (a failure is still a clean error response). */
async function exportData(request: HttpRequest, access: Access) {
  const { planId, scopeId } = parseParams(request, planParams);
  access.require(scopeId, 'read', 'This budget');
  const snapshot = await getServices().budget.read(planPartitionKey(planId, scopeId));
  const lines = [...snapshot.lines.values()].map(publicLine);
  return { planId, scopeId, lines, actuals: await actualsFor(access, planId, scopeId) };
}

const download = (type: string, filename: string) => ({
  'Content-Type': type,
  'Content-Disposition': `attachment; filename="${filename}"`,
  'Cache-Control': 'no-store',
});

/** The grid as an Excel workbook (values, read-only columns marked, text as string cells), streamed. */
app.http('budgetExport', {
  route: 'budget/{planId}/{scopeId}/export.xlsx',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(
    limited('exports', async (request, _context, access) => {
      const { planId, scopeId, lines, actuals } = await exportData(request, access);
      return { status: 200, body: exportWorkbook(lines, actuals), headers: download(xlsxType, `budget-${planId}-${scopeId}.xlsx`) };
    }),
  ),
});

/** The grid as a .csv (text a spreadsheet would evaluate is guarded), streamed. */
app.http('budgetExportCsv', {
  route: 'budget/{planId}/{scopeId}/export.csv',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(
    limited('exports', async (request, _context, access) => {
      const { planId, scopeId, lines, actuals } = await exportData(request, access);
      return {
        status: 200,
        body: exportCsv(lines, actuals),
        headers: download('text/csv; charset=utf-8', `budget-${planId}-${scopeId}.csv`),
      };
    }),
  ),
});

/** Upload a file: returns what would change and the rows that cannot be imported; writes nothing. */
app.http('budgetImportPreview', {
  route: 'budget/{planId}/{scopeId}/import',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(
    limited('imports', async (request, _context, access) => {
      const { planId, scopeId } = parseParams(request, planParams);
      const scope = access.require(scopeId, 'edit', 'This budget');
      const kind = sheetKind(request.headers.get('content-type'));
      const sheet = await readUploadedSheet(request, kind, config().BUDGET_IMPORT_MAX_ROWS);
      const { budget } = getServices();
      await requirePlan(budget, { planId, scopeId }, scope.name);
      const partitionKey = planPartitionKey(planId, scopeId);
      const snapshot = await budget.read(partitionKey);
      // Prior-year actuals, when Power BI answers, so edits to them are reported as ignored too.
      const actuals = await actualsFor(access, planId, scopeId);
      const plan = planImport(sheet.headers, sheet.rows, snapshot.lines, actuals.available ? actuals.values : undefined);
      const previewId = newPreviewId();
      const expiresAt = await savePreview(budget, partitionKey, previewId, access.caller.upn, plan.changes, previewTtlMs());
      const body: ImportPreview = {
        previewId,
        fileRows: plan.fileRows,
        unchangedRows: plan.unchangedRows,
        changes: plan.changes,
        errors: plan.errors,
        ignored: plan.ignored,
        ignoredCount: plan.ignoredCount,
        expiresAt,
      };
      return json(body);
    }),
  ),
});

/** Apply a preview under the same concurrency rules as any save (conflicts reported, nothing lost). */
app.http('budgetImportApply', {
  route: 'budget/{planId}/{scopeId}/import/{previewId}/apply',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(
    limited('imports', async (request, _context, access) => {
      const { planId, scopeId, previewId } = parseParams(request, planParams.extend({ previewId: z.string().uuid() }));
      const scope = access.require(scopeId, 'edit', 'This budget');
      const { budget } = getServices();
      await requirePlan(budget, { planId, scopeId }, scope.name);
      const preview = await loadPreview(budget, planPartitionKey(planId, scopeId), previewId, access.caller.upn, previewTtlMs());
      if (preview.changes.length === 0) return json({ applied: 0, unchanged: 0, conflicts: [], lines: [] });
      const edits = preview.changes.map(
        (change) => ({ lineId: change.lineId, field: change.field, value: change.new, baseRev: change.baseRev }) as CellEdit,
      );
      const result = await getServices().budgetSaves.save({
        planId,
        scopeId,
        actor: access.caller.upn,
        patch: { idempotencyKey: previewId, action: 'import', edits },
      });
      return json(result, result.conflicts.length ? 409 : 200);
    }),
  ),
});
