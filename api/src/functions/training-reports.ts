import { app, type HttpRequest } from '@azure/functions';
import { trainingAuditQuerySchema } from '@planboard/contracts';
import type { Access } from '../access/guard';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseQuery } from '../http/validate';
import { getServices } from '../services';
import { matrixWorkbook, progressMatrix } from '../training/matrix';

/** Admin views of the programme: everyone's progress (JSON and .xlsx) and the audit of admin actions. */

async function matrixFor(access: Access) {
  access.requireAdmin();
  const { training, directory } = getServices();
  const { tid } = access.caller;
  const [programme, users, progress] = await Promise.all([
    training.readProgramme(tid),
    directory.listUsers(tid),
    training.allProgress(tid),
  ]);
  return progressMatrix(programme.days, users, progress);
}

/** Learners × days with completion, and per-day started/completed counts. */
app.http('trainingProgressMatrix', {
  route: 'training/progress',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => json(await matrixFor(access))),
});

/** The same matrix as an Excel workbook. */
app.http('trainingProgressExport', {
  route: 'training/progress/export.xlsx',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    const body = await matrixWorkbook(await matrixFor(access));
    return {
      status: 200,
      body,
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': 'attachment; filename="training-progress.xlsx"',
        'Cache-Control': 'no-store',
      },
    };
  }),
});

/** Every admin action, newest first (`?day=` narrows it to one day, `?limit=` up to 500). */
app.http('trainingAudit', {
  route: 'training/audit',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request: HttpRequest, _context, access) => {
    access.requireAdmin();
    const query = parseQuery(request, trainingAuditQuerySchema);
    const entries = await getServices().training.audit(
      access.caller.tid,
      query.limit ?? 100,
      query.day === undefined ? undefined : Number(query.day),
    );
    return json({ entries });
  }),
});
