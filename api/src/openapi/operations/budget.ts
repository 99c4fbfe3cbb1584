import {
  budgetAuditPageSchema,
  budgetGridSchema,
  budgetPatchResultSchema,
  budgetPatchSchema,
  budgetQuerySchema,
  importPreviewSchema,
  lineIdSchema,
  planIdSchema,
  planStatusListSchema,
  planTransitionSchema,
  scopeIdSchema,
  unlockRequestSchema,
} from '@planboard/contracts';
import { z } from 'zod';
import type { OperationSpec } from './types';

const planParams = z.object({ planId: planIdSchema, scopeId: scopeIdSchema });
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = z.string().describe('The file (binary)');

/** Budget grid, saves, audit, Excel and the plan lifecycle. */
export const budgetOperations: readonly OperationSpec[] = [
  {
    method: 'get',
    route: 'budget/{planId}/{scopeId}',
    operationId: 'budgetGrid',
    tag: 'Budget',
    summary: 'The budget grid of a business unit (ETag; 304 on If-None-Match)',
    params: planParams,
    query: budgetQuerySchema,
    responses: { 200: budgetGridSchema },
  },
  {
    method: 'patch',
    route: 'budget/{planId}/{scopeId}',
    operationId: 'budgetSave',
    tag: 'Budget',
    summary: 'Save cell edits (merged cell by cell, idempotent by key)',
    params: planParams,
    body: { 'application/json': budgetPatchSchema },
    responses: { 200: budgetPatchResultSchema, 409: budgetPatchResultSchema },
  },
  {
    method: 'get',
    route: 'budget/{planId}/{scopeId}/audit',
    operationId: 'budgetAudit',
    tag: 'Budget',
    summary: 'Who changed what, newest first (paged)',
    params: planParams,
    query: z.object({
      line: lineIdSchema.optional(),
      page: z.coerce.number().int().min(1).optional(),
      pageSize: z.coerce.number().int().min(1).max(500).optional(),
    }),
    responses: { 200: budgetAuditPageSchema },
  },
  {
    method: 'get',
    route: 'budget/{planId}/{scopeId}/export.xlsx',
    operationId: 'budgetExport',
    tag: 'Budget',
    summary: 'The grid as an Excel workbook',
    params: planParams,
    responses: { 200: { description: 'The workbook', mediaType: xlsx } },
  },
  {
    method: 'post',
    route: 'budget/{planId}/{scopeId}/import',
    operationId: 'budgetImportPreview',
    tag: 'Budget',
    summary: 'Upload a workbook or CSV: what would change (writes nothing)',
    params: planParams,
    body: { [xlsx]: upload, 'text/csv': upload },
    responses: { 200: importPreviewSchema },
  },
  {
    method: 'post',
    route: 'budget/{planId}/{scopeId}/import/{previewId}/apply',
    operationId: 'budgetImportApply',
    tag: 'Budget',
    summary: 'Apply a preview',
    params: planParams.extend({ previewId: z.string().uuid() }),
    responses: { 200: budgetPatchResultSchema, 409: budgetPatchResultSchema },
  },
  {
    method: 'post',
    route: 'budget/{planId}/{scopeId}/submit',
    operationId: 'budgetSubmit',
    tag: 'Budget',
    summary: 'Submit the plan (read-only afterwards)',
    params: planParams,
    responses: { 200: planTransitionSchema },
  },
  {
    method: 'post',
    route: 'budget/{planId}/{scopeId}/unlock',
    operationId: 'budgetUnlock',
    tag: 'Budget',
    summary: 'Unlock a submitted plan (admins)',
    params: planParams,
    body: { 'application/json': unlockRequestSchema },
    responses: { 200: planTransitionSchema },
  },
  {
    method: 'get',
    route: 'budget/{planId}/status',
    operationId: 'budgetStatus',
    tag: 'Budget',
    summary: 'Submission state of every visible BU',
    params: z.object({ planId: planIdSchema }),
    responses: { 200: planStatusListSchema },
  },
];
