import {
  kpiDashboardSchema,
  kpiDataPointInputSchema,
  kpiDefinitionInputSchema,
  kpiDetailSchema,
  kpiIdSchema,
  kpiImportJsonSchema,
  kpiImportResultSchema,
  kpiSavedSchema,
  kpiSummarySchema,
  scopeIdSchema,
} from '@planboard/contracts';
import { z } from 'zod';
import type { OperationSpec } from './types';

const departmentParams = z.object({ scopeId: scopeIdSchema });
const kpiParams = departmentParams.extend({ kpiId: kpiIdSchema });
const ifMatch = z.object({
  'If-Match': z.string().describe('Required (428 without it, 412 when stale): the etag of the KPI definition as last read'),
});
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = z.string().describe('The file (binary)');

/** KPI definitions, data points and imports. */
export const kpisOperations: readonly OperationSpec[] = [
  {
    method: 'get',
    route: 'kpis',
    operationId: 'kpiDashboard',
    tag: 'KPIs',
    summary: 'Every visible department with its KPIs',
    responses: { 200: kpiDashboardSchema },
  },
  {
    method: 'post',
    route: 'kpis/{scopeId}',
    operationId: 'kpiCreate',
    tag: 'KPIs',
    summary: 'Define a KPI',
    params: departmentParams,
    body: { 'application/json': kpiDefinitionInputSchema },
    responses: { 201: kpiSavedSchema },
  },
  {
    method: 'get',
    route: 'kpis/{scopeId}/{kpiId}',
    operationId: 'kpiDetail',
    tag: 'KPIs',
    summary: 'A KPI with its points (ETag)',
    params: kpiParams,
    responses: { 200: kpiDetailSchema },
  },
  {
    method: 'put',
    route: 'kpis/{scopeId}/{kpiId}',
    operationId: 'kpiUpdate',
    tag: 'KPIs',
    summary: 'Change a KPI definition (If-Match)',
    params: kpiParams,
    headers: ifMatch,
    body: { 'application/json': kpiDefinitionInputSchema },
    responses: { 200: kpiSavedSchema },
  },
  {
    method: 'delete',
    route: 'kpis/{scopeId}/{kpiId}',
    operationId: 'kpiDelete',
    tag: 'KPIs',
    summary: 'Delete a KPI (If-Match)',
    params: kpiParams,
    headers: ifMatch,
    responses: { 204: { description: 'Deleted', mediaType: 'none' } },
  },
  {
    method: 'post',
    route: 'kpis/{scopeId}/{kpiId}/points',
    operationId: 'kpiPointUpsert',
    tag: 'KPIs',
    summary: 'Record a data point',
    params: kpiParams,
    body: { 'application/json': kpiDataPointInputSchema },
    responses: { 200: kpiSummarySchema },
  },
  {
    method: 'post',
    route: 'kpis/{scopeId}/import',
    operationId: 'kpiImport',
    tag: 'KPIs',
    summary: 'Bulk import of data points (JSON, CSV or workbook; all or nothing)',
    params: departmentParams,
    body: { 'application/json': kpiImportJsonSchema, 'text/csv': upload, [xlsx]: upload },
    responses: { 200: kpiImportResultSchema },
  },
];
