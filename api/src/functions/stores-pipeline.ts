import { app, type HttpRequest } from '@azure/functions';
import {
  storeRunIdSchema,
  storeRunListQuerySchema,
  storeRunMessageSchema,
  storeUploadIdSchema,
  storeUploadQuerySchema,
  type StoreRunList,
  type StoreRunReport,
  type StoreRunStarted,
  type StoreSourceList,
} from '@planboard/contracts';
import { decodeMessage } from '@planboard/server';
import { z } from 'zod';
import { config } from '../config';
import { ApiError, conflict, notFound } from '../errors';
import { authedRoute } from '../http/authed';
import { limited } from '../http/limits';
import { json } from '../http/respond';
import { parseParams, parseQuery } from '../http/validate';
import { enqueueRun, pipelineDeps } from '../stores/pipeline/context';
import { rejectedWorkbook } from '../stores/pipeline/rejected-workbook';
import { executeRun } from '../stores/pipeline/run';
import { storeRunQueueName } from '../stores/pipeline/run-store';
import { sourceList } from '../stores/pipeline/sources-view';
import { previewUpload } from '../stores/pipeline/upload-preview';
import type { FileKind } from '../stores/pipeline/read-rows';

const runParams = z.object({ runId: storeRunIdSchema });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rejected rows listed in the run report (all of them are in the .xlsx). */
const reportRejected = 200;

function uploadKind(request: HttpRequest, fileName: string): FileKind {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  const kind = type === xlsxType ? 'xlsx' : type === 'text/csv' ? 'csv' : undefined;
  if (!kind || !fileName.toLowerCase().endsWith(`.${kind}`))
    throw new ApiError(415, 'UnsupportedMediaType', 'Upload an .xlsx workbook or a .csv file in the store sales layout.');
  return kind;
}

/** "Run now" (admins): queues a run and answers its id; any host executes it. */
app.http('storesRunStart', {
  route: 'stores/runs',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    access.requireAdmin();
    const body: StoreRunStarted = { runId: await enqueueRun('manual', access.caller.upn) };
    return json(body, 202);
  }),
});

/** Run history, newest first. */
app.http('storesRunList', {
  route: 'stores/runs',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const { top } = parseQuery(request, storeRunListQuerySchema);
    const body: StoreRunList = { runs: await pipelineDeps().runs.list(top) };
    return json(body);
  }),
});

/** One run: progress while it runs, then its data-quality report. */
app.http('storesRunGet', {
  route: 'stores/runs/{runId}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const { runId } = parseParams(request, runParams);
    const { runs } = pipelineDeps();
    const run = await runs.get(runId);
    if (!run) throw notFound('This run was not found.');
    const rejected = run.totals.rowsRejected > 0 ? await runs.rejected(runId, reportRejected) : [];
    const body: StoreRunReport = { run, rejected, rejectedTruncated: run.totals.rowsRejected > rejected.length };
    return json(body);
  }),
});

/** The run's rejected rows as a workbook. */
app.http('storesRunRejectedXlsx', {
  route: 'stores/runs/{runId}/rejected.xlsx',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const { runId } = parseParams(request, runParams);
    const { runs } = pipelineDeps();
    if (!(await runs.get(runId))) throw notFound('This run was not found.');
    return {
      status: 200,
      body: await rejectedWorkbook(await runs.rejected(runId)),
      headers: {
        'Content-Type': xlsxType,
        'Content-Disposition': `attachment; filename="rejected-rows-${runId}.xlsx"`,
        'Cache-Control': 'no-store',
      },
    };
  }),
});

/** An admin's file: validated and previewed; nothing is loaded until "Load". */
app.http('storesUploadPreview', {
  route: 'stores/uploads',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(
    limited('imports', async (request, _context, access) => {
      access.requireAdmin();
      const { fileName } = parseQuery(request, storeUploadQuerySchema);
      const kind = uploadKind(request, fileName);
      const maxBytes = config().IMPORT_MAX_FILE_BYTES;
      if (Number(request.headers.get('content-length') ?? 0) > maxBytes)
        throw new ApiError(413, 'PayloadTooLarge', `At most ${Math.round(maxBytes / 1024 / 1024)} MB can be uploaded.`);
      const bytes = Buffer.from(await request.arrayBuffer());
      if (bytes.length === 0) throw new ApiError(400, 'BadRequest', 'The file is empty.');
      if (bytes.length > maxBytes)
        throw new ApiError(413, 'PayloadTooLarge', `At most ${Math.round(maxBytes / 1024 / 1024)} MB can be uploaded.`);
      return json(await previewUpload(pipelineDeps(), bytes, kind, fileName, access.caller.upn));
    }),
  ),
});

/** Loads a previewed upload through the run queue (once). */
app.http('storesUploadLoad', {
  route: 'stores/uploads/{uploadId}/load',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const { uploadId } = parseParams(request, z.object({ uploadId: storeUploadIdSchema }));
    const deps = pipelineDeps();
    const upload = await deps.uploads.get(uploadId, deps.now());
    if (!upload) throw notFound('This upload was not found or has expired; upload the file again.');
    if (!(await deps.uploads.consume(uploadId))) throw conflict('This upload was loaded already.');
    const body: StoreRunStarted = { runId: await enqueueRun('upload', access.caller.upn, { uploadId, fileName: upload.fileName }) };
    return json(body, 202);
  }),
});

/** Each source and how its last read went. */
app.http('storesSources', {
  route: 'stores/sources',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    access.requireAdmin();
    const body: StoreSourceList = { sources: await sourceList(pipelineDeps()) };
    return json(body);
  }),
});

/** Executes queued runs on whichever host takes the message. */
app.storageQueue('storesRunExecute', {
  queueName: storeRunQueueName,
  connection: 'AzureWebJobsStorage',
  handler: async (message, context) => {
    const parsed = storeRunMessageSchema.safeParse(typeof message === 'string' ? decodeMessage(message) : message);
    if (!parsed.success) {
      // It can never succeed: dropped with an error rather than retried into the poison queue.
      context.error(`Store run message does not match the contract: ${parsed.error.message}`);
      return;
    }
    const run = await executeRun(pipelineDeps(), parsed.data);
    context.log(`Store run ${parsed.data.runId}: ${run?.state ?? 'unknown'}`);
  },
});

/** The daily run (05:00 UTC, after the stores' weekly files land overnight). */
app.timer('storesRunTimer', {
  schedule: '0 0 5 * * *',
  handler: async (_timer, context) => {
    const runId = await enqueueRun('timer', 'schedule');
    context.log(`Store run ${runId} queued by the schedule`);
  },
});
