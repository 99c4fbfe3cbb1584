import { app } from '@azure/functions';
import { progressInputSchema } from '@planboard/contracts';
import { ApiError, conflict, notFound } from '../errors';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseJsonBody, parseParams } from '../http/validate';
import { getServices } from '../services';
import { mergeProgress, partsOf } from '@planboard/server';
import { actorOf, dayParams, recordingParams, requireVisibleDay } from '../training/routes';
import { dayView, programmeView, recordingsOf } from '../training/views';

/**
 * Training for everyone in the tenant (every caller is a learner). Learners see unlocked days
 * only: a locked day, and its recordings, are 404 to them. Admins see every day.
 */

/** The programme: days in order (locked ones as numbers only, for learners) with the caller's own progress. */
app.http('trainingDays', {
  route: 'training/days',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    const { training } = getServices();
    const { tid, oid, isAdmin } = access.caller;
    const [programme, progress] = await Promise.all([training.readProgramme(tid), training.progressOf(tid, oid)]);
    return json(programmeView(programme, progress, isAdmin));
  }),
});

/** One day with its recordings and the caller's progress; the ETag serves admins' `If-Match` on edit. */
app.http('trainingDay', {
  route: 'training/days/{day}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const dayNumber = Number(parseParams(request, dayParams).day);
    const { training } = getServices();
    const { tid, oid, isAdmin } = access.caller;
    const [programme, progress] = await Promise.all([training.readProgramme(tid), training.progressOf(tid, oid)]);
    const day = requireVisibleDay(programme, dayNumber, access);
    const body = dayView(day, recordingsOf(programme, dayNumber, isAdmin), progress.get(dayNumber));
    return json(body, 200, { ETag: day.etag, 'Access-Control-Expose-Headers': 'ETag' });
  }),
});

/** One recording of a day the caller may see (learners: active recordings of unlocked days). */
app.http('trainingRecording', {
  route: 'training/days/{day}/recordings/{recordingId}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const params = parseParams(request, recordingParams);
    const dayNumber = Number(params.day);
    const programme = await getServices().training.readProgramme(access.caller.tid);
    requireVisibleDay(programme, dayNumber, access);
    const recording = recordingsOf(programme, dayNumber, access.caller.isAdmin).find((item) => item.recordingId === params.recordingId);
    if (!recording) throw notFound('This recording was not found.');
    return json(recording);
  }),
});

/**
 * The caller's own progress on an unlocked day (there is no way to name another learner). Opening
 * a day records nothing: the tab reports what the learner did (opened the slides, watched).
 */
app.http('trainingProgressWrite', {
  route: 'training/days/{day}/progress',
  methods: ['PUT'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const dayNumber = Number(parseParams(request, dayParams).day);
    const { training } = getServices();
    const { tid, oid } = access.caller;
    const programme = await training.readProgramme(tid);
    const day = requireVisibleDay(programme, dayNumber, access);
    if (!day.unlocked) throw conflict(`Day ${dayNumber} is locked: progress is recorded once it is unlocked.`);
    const input = await parseJsonBody(request, progressInputSchema);
    const parts = partsOf(day, recordingsOf(programme, dayNumber, false));
    // Two tabs of the same learner may report at once: re-read and merge again when the row moved.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const current = (await training.progressOf(tid, oid)).get(dayNumber);
      const next = mergeProgress(dayNumber, current, input, parts, new Date().toISOString());
      if (await training.writeProgress(tid, oid, actorOf(access.caller), next, current?.etag)) return json(next);
    }
    throw new ApiError(409, 'Conflict', 'Your progress changed in another window while saving. Try again.');
  }),
});
