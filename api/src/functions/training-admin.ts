import { app, type InvocationContext } from '@azure/functions';
import {
  parseVideoUrl,
  recordingInputSchema,
  recordingPreviewInputSchema,
  trainingDayInputSchema,
  type RecordingPreview,
  type TrainingDayChange,
} from '@planboard/contracts';
import type { Access } from '../access/guard';
import { notFound } from '../errors';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseJsonBody, parseParams } from '../http/validate';
import { getServices } from '../services';
import { addRecordingChange, editChange, lockChange, removeRecordingChange, unlockChange } from '../training/changes';
import type { StoredDay, ProgrammeChange } from '@planboard/server';
import { actorOf, checkCommit, dayParams, flushOutbox, ifMatch, recordingParams, requireDay, staleDay } from '../training/routes';
import { dayView, recordingsOf } from '../training/views';

/**
 * Admin actions on the programme. Each is one transaction in the tenant's partition: the change
 * and its audit entry (and, for an unlock, the notification's outbox row) are stored together or
 * not at all; the notification goes to the queue after the commit.
 */

/** The day as admins see it now, with its new ETag. */
async function currentDay(access: Access, dayNumber: number, status = 200, changed?: boolean) {
  const { training } = getServices();
  const { tid, oid } = access.caller;
  const [programme, progress] = await Promise.all([training.readProgramme(tid), training.progressOf(tid, oid)]);
  const day = requireDay(programme, dayNumber);
  const view = dayView(day, recordingsOf(programme, dayNumber, true), progress.get(dayNumber));
  const body: TrainingDayChange | typeof view = changed === undefined ? view : { day: view, changed };
  return json(body, status, { ETag: day.etag, 'Access-Control-Expose-Headers': 'ETag' });
}

/** Unlock or lock: a repeat changes nothing (no audit, no notification); a lost race re-reads and decides again. */
function toggle(name: string, verb: 'unlock' | 'lock') {
  app.http(name, {
    route: `training/days/{day}/${verb}`,
    methods: ['POST'],
    authLevel: 'anonymous',
    handler: authedRoute(async (request, context: InvocationContext, access) => {
      access.requireAdmin();
      const dayNumber = Number(parseParams(request, dayParams).day);
      const { training } = getServices();
      const { tid } = access.caller;
      let changed = false;
      for (let attempt = 1; attempt <= 3 && !changed; attempt += 1) {
        const day: StoredDay = requireDay(await training.readProgramme(tid), dayNumber);
        const at = new Date().toISOString();
        const change = verb === 'unlock' ? unlockChange(tid, day, actorOf(access.caller), at) : lockChange(day, actorOf(access.caller), at);
        if (!change) break;
        changed = (await training.commit(tid, change)) === 'ok';
      }
      // Sends this unlock's card, and any an earlier crash left in the outbox.
      await flushOutbox(tid, (message) => context.warn(message));
      return currentDay(access, dayNumber, 200, changed);
    }),
  });
}
toggle('trainingDayUnlock', 'unlock');
toggle('trainingDayLock', 'lock');

/** Edits a day (If-Match, as read), or creates a day number not used yet (201). */
app.http('trainingDayEdit', {
  route: 'training/days/{day}',
  methods: ['PUT'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const dayNumber = Number(parseParams(request, dayParams).day);
    const expected = ifMatch(request);
    const input = await parseJsonBody(request, trainingDayInputSchema);
    const { training } = getServices();
    const { tid } = access.caller;
    const current = (await training.readProgramme(tid)).days.find((day) => day.dayNumber === dayNumber);
    if (expected !== undefined && expected !== '*' && expected !== current?.etag)
      throw current ? staleDay(dayNumber) : notFound(`Day ${dayNumber} was not found.`);
    const change = editChange(dayNumber, current, input, actorOf(access.caller), new Date().toISOString());
    if (!change) return currentDay(access, dayNumber);
    const outcome = await training.commit(tid, change);
    // Someone else wrote the day between the read and the commit: the client's copy is stale either way.
    if (outcome === 'changed') throw staleDay(dayNumber);
    return currentDay(access, dayNumber, current ? 200 : 201);
  }),
});

/** Adds a recording to a day (the link must be YouTube, Vimeo or Stream on SharePoint, over https). */
app.http('trainingRecordingAdd', {
  route: 'training/days/{day}/recordings',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const dayNumber = Number(parseParams(request, dayParams).day);
    const input = await parseJsonBody(request, recordingInputSchema);
    const { training } = getServices();
    const day = requireDay(await training.readProgramme(access.caller.tid), dayNumber);
    const { change, recording } = addRecordingChange(day, input, actorOf(access.caller), new Date().toISOString());
    checkCommit(await training.commit(access.caller.tid, change), dayNumber);
    return json(recording, 201, { Location: `/api/training/days/${dayNumber}/recordings/${recording.recordingId}` });
  }),
});

/** Removes a recording (audited); 404 when it is already gone. */
app.http('trainingRecordingRemove', {
  route: 'training/days/{day}/recordings/{recordingId}',
  methods: ['DELETE'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const params = parseParams(request, recordingParams);
    const dayNumber = Number(params.day);
    const { training } = getServices();
    const programme = await training.readProgramme(access.caller.tid);
    const recording = recordingsOf(programme, dayNumber, true).find((item) => item.recordingId === params.recordingId);
    if (!recording) throw notFound('This recording was not found.');
    const change: ProgrammeChange = removeRecordingChange(recording, actorOf(access.caller), new Date().toISOString());
    if ((await training.commit(access.caller.tid, change)) === 'changed') throw notFound('This recording was not found.');
    return { status: 204, headers: { 'Cache-Control': 'no-store' } };
  }),
});

/** What a link would be saved as (platform, privacy-enhanced embed), or why it is refused; writes nothing. */
app.http('trainingRecordingPreview', {
  route: 'training/recordings/preview',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    access.requireAdmin();
    const { url } = await parseJsonBody(request, recordingPreviewInputSchema);
    const parsed = parseVideoUrl(url);
    const body: RecordingPreview = parsed.ok
      ? { ok: true, platform: parsed.platform, url: parsed.url, ...(parsed.embedUrl ? { embedUrl: parsed.embedUrl } : {}) }
      : { ok: false, reason: parsed.reason };
    return json(body);
  }),
});
