import { randomUUID } from 'node:crypto';
import { app } from '@azure/functions';
import type { CellEdit, ImportPreview } from '@planboard/contracts';
import { z } from 'zod';
import { actualsFor } from '../budget/actuals';
import { exportWorkbook } from '../budget/export';
import { planImport, readSheet, type SheetKind } from '../budget/import';
import { planPartitionKey, publicLine } from '../budget/line-entity';
import { planParams } from '../budget/params';
import { requirePlan } from '../budget/plan-state';
import { loadPreview, savePreview } from '../budget/previews';
import { saveEdits } from '../budget/save';
import { ApiError, badRequest } from '../errors';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseParams } from '../http/validate';
import { getServices } from '../services';

const maxUploadBytes = 5 * 1024 * 1024;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sheetKind(contentType: string | null): SheetKind {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === xlsxType) return 'xlsx';
  if (type === 'text/csv') return 'csv';
  throw new ApiError(415, 'UnsupportedMediaType', 'Upload an .xlsx workbook or a .csv file in the export layout.');
}

/** The grid as an Excel workbook (values, read-only columns marked, formula-safe text). */
app.http('budgetExport', {
  route: 'budget/{planId}/{scopeId}/export.xlsx',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { planId, scopeId } = parseParams(request, planParams);
    const scope = access.require(scopeId, 'read', 'This budget');
    const snapshot = await getServices().budget.read(planPartitionKey(planId, scopeId));
    const lines = [...snapshot.lines.values()].map(publicLine);
    const body = await exportWorkbook(`${scope.name} ${planId}`, lines, await actualsFor(access, planId, scopeId));
    return {
      status: 200,
      body,
      headers: {
        'Content-Type': xlsxType,
        'Content-Disposition': `attachment; filename="budget-${planId}-${scopeId}.xlsx"`,
        'Cache-Control': 'no-store',
      },
    };
  }),
});

/** Upload a file: returns what would change and the rows that cannot be imported; writes nothing. */
app.http('budgetImportPreview', {
  route: 'budget/{planId}/{scopeId}/import',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { planId, scopeId } = parseParams(request, planParams);
    const scope = access.require(scopeId, 'edit', 'This budget');
    const kind = sheetKind(request.headers.get('content-type'));
    const bytes = Buffer.from(await request.arrayBuffer());
    if (bytes.length === 0) throw badRequest('The file is empty.');
    if (bytes.length > maxUploadBytes) throw new ApiError(413, 'PayloadTooLarge', 'The file is larger than 5 MB.');
    const sheet = await readSheet(bytes, kind).catch(() => {
      throw badRequest(kind === 'xlsx' ? 'This is not a readable .xlsx workbook.' : 'This is not a readable .csv file.');
    });
    const { budget } = getServices();
    await requirePlan(budget, { planId, scopeId }, scope.name);
    const partitionKey = planPartitionKey(planId, scopeId);
    const snapshot = await budget.read(partitionKey);
    const plan = planImport(sheet.headers, sheet.rows, snapshot.lines);
    const previewId = randomUUID();
    const expiresAt = await savePreview(budget, partitionKey, previewId, access.caller.upn, plan.changes);
    const body: ImportPreview = {
      previewId,
      fileRows: sheet.rows.length,
      unchangedRows: plan.unchangedRows,
      changes: plan.changes,
      errors: plan.errors,
      expiresAt,
    };
    return json(body);
  }),
});

/** Apply a preview under the same concurrency rules as any save (conflicts reported, nothing lost). */
app.http('budgetImportApply', {
  route: 'budget/{planId}/{scopeId}/import/{previewId}/apply',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { planId, scopeId, previewId } = parseParams(request, planParams.extend({ previewId: z.string().uuid() }));
    const scope = access.require(scopeId, 'edit', 'This budget');
    const { budget } = getServices();
    await requirePlan(budget, { planId, scopeId }, scope.name);
    const preview = await loadPreview(budget, planPartitionKey(planId, scopeId), previewId, access.caller.upn);
    if (preview.changes.length === 0) return json({ applied: 0, unchanged: 0, conflicts: [], lines: [] });
    const edits = preview.changes.map(
      (change) => ({ lineId: change.lineId, field: change.field, value: change.new, baseRev: change.baseRev }) as CellEdit,
    );
    const result = await saveEdits(budget, {
      planId,
      scopeId,
      actor: access.caller.upn,
      patch: { idempotencyKey: previewId, action: 'import', edits },
    });
    return json(result, result.conflicts.length ? 409 : 200);
  }),
});
