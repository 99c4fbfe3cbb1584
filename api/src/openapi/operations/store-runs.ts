import {
  storeRunIdSchema,
  storeRunListQuerySchema,
  storeRunListSchema,
  storeRunReportSchema,
  storeRunStartedSchema,
  storeSourceListSchema,
  storeUploadIdSchema,
  storeUploadPreviewSchema,
  storeUploadQuerySchema,
} from '@planboard/contracts';
import { z } from 'zod';
import type { OperationSpec } from './types';

const tag = 'Store data';
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = z.string().describe('The file (binary)');
const runParams = z.object({ runId: storeRunIdSchema });

/** The store-data pipeline (admins): runs, their reports, uploads, sources. */
export const storeRunOperations: readonly OperationSpec[] = [
  {
    method: 'post',
    route: 'stores/runs',
    operationId: 'storesRunStart',
    tag,
    summary: 'Run the pipeline now (queued)',
    responses: { 202: storeRunStartedSchema },
  },
  {
    method: 'get',
    route: 'stores/runs',
    operationId: 'storesRunList',
    tag,
    summary: 'Run history, newest first',
    query: storeRunListQuerySchema,
    responses: { 200: storeRunListSchema },
  },
  {
    method: 'get',
    route: 'stores/runs/{runId}',
    operationId: 'storesRunGet',
    tag,
    summary: 'A run: progress and data-quality report',
    params: runParams,
    responses: { 200: storeRunReportSchema },
  },
  {
    method: 'get',
    route: 'stores/runs/{runId}/rejected.xlsx',
    operationId: 'storesRunRejectedXlsx',
    tag,
    summary: 'The rejected rows of a run as a workbook',
    params: runParams,
    responses: { 200: { description: 'The workbook', mediaType: xlsx } },
  },
  {
    method: 'post',
    route: 'stores/uploads',
    operationId: 'storesUploadPreview',
    tag,
    summary: 'Upload a store sales file: preview of its rows and errors (nothing loaded)',
    query: storeUploadQuerySchema,
    body: { [xlsx]: upload, 'text/csv': upload },
    responses: { 200: storeUploadPreviewSchema },
  },
  {
    method: 'post',
    route: 'stores/uploads/{uploadId}/load',
    operationId: 'storesUploadLoad',
    tag,
    summary: 'Load a previewed upload (queued run)',
    params: z.object({ uploadId: storeUploadIdSchema }),
    responses: { 202: storeRunStartedSchema },
  },
  {
    method: 'get',
    route: 'stores/sources',
    operationId: 'storesSources',
    tag,
    summary: 'The sources and their last read',
    responses: { 200: storeSourceListSchema },
  },
];
