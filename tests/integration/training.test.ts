import {
  dayProgressSchema,
  recordingSchema,
  trainingDayChangeSchema,
  trainingDaySchema,
  trainingProgrammeSchema,
  trainingProgressMatrixSchema,
} from '@planboard/contracts';
import ExcelJS from 'exceljs';
import { sampleTenantId, sampleUsers } from '../../server/src/sample/directory';
import { TrainingStore } from '../../server/src/training/store';
import { changedEntities, snapshotTables } from './security/storage-diff';
import { ResponseValidator, type OpenApiDocument } from './support/openapi';
import { drainNotifications } from './support/kpis';
import { errorOf, trainingSuite } from './support/training';

/**
 * The training API over HTTP on a real Functions host and its own seeded Azurite (days 1–4 of the
 * sample course unlocked). Learners see unlocked days only and write only their own progress;
 * admin actions are audited; unlocking is covered in training-unlock.test.ts.
 */
const { storage, call, audit } = trainingSuite();
const oidOf = (name: string): string => sampleUsers.find((user) => user.name === name)!.oid;

describe('what learners see', () => {
  it('lists the programme with locked days as numbers only; admins see every day', async () => {
    const response = await call('Erik Hansen', '/training/days');
    expect(response.status).toBe(200);
    const text = await response.text();
    const learner = trainingProgrammeSchema.parse(JSON.parse(text));
    expect(learner.canManage).toBe(false);
    expect(learner.days.map((day) => [day.dayNumber, day.unlocked])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => [n, n <= 4]));
    expect(learner.days[4]).toEqual({ dayNumber: 5, unlocked: false });
    // Nothing of a locked day's content leaks into the list.
    expect(text).not.toContain('Visuals that answer questions');
    expect(text).not.toContain('Row-level security');
    expect(learner.days[0]).toMatchObject({ title: 'Power BI in a day: the big picture', recordingCount: 1 });
    const admin = trainingProgrammeSchema.parse(await (await call('Alex Morgan', '/training/days')).json());
    expect(admin.canManage).toBe(true);
    expect(admin.days.every((day) => typeof day.title === 'string' && day.title.length > 0)).toBe(true);
  });

  it('answers 404 for a locked day and its recordings, the same as for a day that does not exist', async () => {
    const locked = await call('Erik Hansen', '/training/days/6');
    const missing = await call('Erik Hansen', '/training/days/42');
    expect([locked.status, missing.status]).toEqual([404, 404]);
    expect((await errorOf(locked)).message).toBe('Day 6 was not found.');
    expect((await errorOf(missing)).message).toBe('Day 42 was not found.');
    const recording = await call('Erik Hansen', '/training/days/6/recordings/sample060');
    expect(recording.status).toBe(404);
    expect(JSON.stringify(await recording.json())).not.toContain('RLS demo');
    const admin = await call('Alex Morgan', '/training/days/6');
    expect(admin.status).toBe(200);
    expect(trainingDaySchema.parse(await admin.json()).recordings.map((r) => r.title)).toEqual(['RLS demo']);
    expect((await call('Alex Morgan', '/training/days/6/recordings/sample060')).status).toBe(200);
  });

  it('shows an unlocked day with its privacy-enhanced embed; opening it records nothing', async () => {
    const store = new TrainingStore(storage());
    const before = await store.progressOf(sampleTenantId, oidOf('Maja Berg'));
    const response = await call('Maja Berg', '/training/days/1');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeTruthy();
    const day = trainingDaySchema.parse(await response.json());
    expect(day.recordings[0]?.embedUrl).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}$/);
    expect((await call('Maja Berg', '/training/days/1/recordings/sample010')).status).toBe(200);
    expect(await store.progressOf(sampleTenantId, oidOf('Maja Berg'))).toEqual(before);
  });

  it('refuses every admin route to a learner with 403, writing nothing', async () => {
    const before = await snapshotTables(storage());
    const attempts: [string, string, unknown][] = [
      ['POST', '/training/days/5/unlock', undefined],
      ['POST', '/training/days/1/lock', undefined],
      ['PUT', '/training/days/1', { title: 'Hijacked' }],
      ['POST', '/training/days/1/recordings', { title: 'x', url: 'https://youtu.be/dQw4w9WgXcQ' }],
      ['DELETE', '/training/days/1/recordings/sample010', undefined],
      ['POST', '/training/recordings/preview', { url: 'https://youtu.be/dQw4w9WgXcQ' }],
      ['GET', '/training/progress', undefined],
      ['GET', '/training/progress/export.xlsx', undefined],
      ['GET', '/training/audit', undefined],
    ];
    for (const [method, path, json] of attempts) {
      const response = await call('Erik Hansen', path, { method, json });
      expect([method, path, response.status]).toEqual([method, path, 403]);
      expect((await errorOf(response)).message).toBe('Only Planboard admins can do this.');
    }
    expect(changedEntities(before, await snapshotTables(storage()))).toEqual([]);
  });
});

describe('progress', () => {
  it('a learner writes only their own progress, on unlocked days, and it only moves forward', async () => {
    const store = new TrainingStore(storage());
    const majaBefore = await store.progressOf(sampleTenantId, oidOf('Maja Berg'));
    // There is no way to name another learner: the body is strict and the address has no user.
    const spoof = await call('Erik Hansen', '/training/days/2/progress', {
      method: 'PUT',
      json: { presentationOpened: true, oid: oidOf('Maja Berg') },
    });
    expect(spoof.status).toBe(400);
    expect((await errorOf(spoof)).details?.map((d) => d.path)).toEqual(['(body)']);
    const locked = await call('Erik Hansen', '/training/days/7/progress', { method: 'PUT', json: { presentationOpened: true } });
    expect(locked.status).toBe(404);
    const empty = await call('Erik Hansen', '/training/days/2/progress', { method: 'PUT', json: {} });
    expect(empty.status).toBe(400);

    const watched = await call('Erik Hansen', '/training/days/2/progress', { method: 'PUT', json: { watchedSeconds: 1350 } });
    expect(watched.status).toBe(200);
    const partial = dayProgressSchema.parse(await watched.json());
    expect(partial.watchedSeconds).toBeGreaterThanOrEqual(1350);
    const back = dayProgressSchema.parse(
      await (
        await call('Erik Hansen', '/training/days/2/progress', { method: 'PUT', json: { watchedSeconds: 10, recordingWatched: true } })
      ).json(),
    );
    expect(back).toMatchObject({ recordingWatched: true, watchedSeconds: partial.watchedSeconds });
    const done = dayProgressSchema.parse(
      await (await call('Erik Hansen', '/training/days/2/progress', { method: 'PUT', json: { presentationOpened: true } })).json(),
    );
    expect(done.completionPct).toBe(100);
    expect(await store.progressOf(sampleTenantId, oidOf('Maja Berg'))).toEqual(majaBefore);
    const own = trainingProgrammeSchema.parse(await (await call('Erik Hansen', '/training/days')).json());
    expect(own.days[1]?.progress?.completionPct).toBe(100);
  });

  it('shows admins everyone × every day, per-day counts, and the same as .xlsx', async () => {
    const response = await call('Alex Morgan', '/training/progress');
    expect(response.status).toBe(200);
    const matrix = trainingProgressMatrixSchema.parse(await response.json());
    expect(matrix.days.map((day) => day.dayNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(matrix.learners.length).toBe(sampleUsers.length);
    const erik = matrix.learners.find((learner) => learner.name === 'Erik Hansen')!;
    expect(erik.completion[1]).toBe(100);
    expect(erik.completion.slice(4)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(matrix.days[0]!.completed).toBeGreaterThan(0);
    expect(matrix.days[9]!.started).toBe(0);

    const file = await call('Alex Morgan', '/training/progress/export.xlsx');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="training-progress.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    const sheet = book.getWorksheet('Progress')!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Day 1: Power BI in a day: the big picture');
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const erikRow = rows.find((row) => row[1] === 'Erik Hansen')!;
    expect(erikRow[4]).toBe(100);
  });
});

describe('editing days and recordings (admins, audited)', () => {
  it('edits a day with If-Match (412 when stale, 400 when unparseable) and creates a new day', async () => {
    const loaded = await call('Alex Morgan', '/training/days/7');
    const etag = loaded.headers.get('etag')!;
    const body = { title: 'Publishing, workspaces and apps', description: 'Updated', presentationUrl: '', resourcesUrl: '' };
    const saved = await call('Alex Morgan', '/training/days/7', { method: 'PUT', json: body, headers: { 'if-match': etag } });
    expect(saved.status).toBe(200);
    expect(trainingDaySchema.parse(await saved.json())).toMatchObject({
      title: body.title,
      unlocked: false,
      updatedBy: { name: 'Alex Morgan' },
    });
    const stale = await call('Alex Morgan', '/training/days/7', {
      method: 'PUT',
      json: { ...body, title: 'Again' },
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    const list = await call('Alex Morgan', '/training/days/7', { method: 'PUT', json: body, headers: { 'if-match': `${etag}, "x"` } });
    expect(list.status).toBe(400);
    const bad = await call('Alex Morgan', '/training/days/7', {
      method: 'PUT',
      json: { title: '', presentationUrl: 'javascript:alert(1)' },
    });
    expect(((await errorOf(bad)).details ?? []).map((d) => d.path).sort()).toEqual(['presentationUrl', 'title']);
    const created = await call('Alex Morgan', '/training/days/11', { method: 'PUT', json: { title: 'Bonus: Fabric' } });
    expect(created.status).toBe(201);
    expect((await call('Erik Hansen', '/training/days/11')).status).toBe(404);

    const entries = await audit('?day=7');
    expect(entries[0]).toMatchObject({
      action: 'edit',
      by: { name: 'Alex Morgan' },
      summary: 'Edited day 7: Title, Description, Presentation link, Resources link',
    });
    expect(entries[0]?.changes.find((change) => change.field === 'title')).toMatchObject({
      from: 'Publishing and workspaces',
      to: body.title,
    });
    expect((await audit('?day=11'))[0]).toMatchObject({ action: 'edit', summary: 'Created day 11 “Bonus: Fabric”' });
  });

  it.each([
    ['javascript:alert(1)', 'javascript: links are not allowed.'],
    ['http://www.youtube.com/watch?v=dQw4w9WgXcQ', 'Only https links are accepted (this one is http).'],
    ['https://evil.example/v/1', 'Recordings must be on YouTube, Vimeo or Microsoft Stream (SharePoint). evil.example is not one of them.'],
    ['https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ', expect.stringContaining('is not one of them')],
    ['https://vimeo.com/about', 'This Vimeo link does not name a video (expected vimeo.com/123456789).'],
  ])('refuses the recording link %s with its reason, adding nothing', async (url, reason) => {
    const before = await snapshotTables(storage());
    const response = await call('Alex Morgan', '/training/days/3/recordings', { json: { title: 'Bad', url } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual([{ path: 'url', message: reason }]);
    expect(changedEntities(before, await snapshotTables(storage()))).toEqual([]);
  });

  it('adds, previews and removes recordings; learners see active ones only; each action is audited', async () => {
    const preview = await call('Alex Morgan', '/training/recordings/preview', { json: { url: 'https://vimeo.com/76979871/8272103f6e' } });
    expect(await preview.json()).toEqual({
      ok: true,
      platform: 'vimeo',
      url: 'https://vimeo.com/76979871/8272103f6e',
      embedUrl: 'https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e',
    });
    const refused = await call('Alex Morgan', '/training/recordings/preview', { json: { url: 'javascript:alert(1)' } });
    expect(await refused.json()).toEqual({ ok: false, reason: 'javascript: links are not allowed.' });

    const added = await call('Alex Morgan', '/training/days/3/recordings', {
      json: { title: 'Q&A <b>session</b>', url: 'https://youtu.be/dQw4w9WgXcQ?t=30', durationSeconds: 600 },
    });
    expect(added.status).toBe(201);
    const recording = recordingSchema.parse(await added.json());
    expect(recording).toMatchObject({
      platform: 'youtube',
      embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30',
      active: true,
    });
    expect(added.headers.get('location')).toBe(`/api/training/days/3/recordings/${recording.recordingId}`);
    const hidden = recordingSchema.parse(
      await (
        await call('Alex Morgan', '/training/days/3/recordings', { json: { title: 'Draft', url: 'https://vimeo.com/1', active: false } })
      ).json(),
    );
    const learnerView = trainingDaySchema.parse(await (await call('Erik Hansen', '/training/days/3')).json());
    expect(learnerView.recordings.map((r) => r.title)).toEqual(['Modelling clinic', 'Q&A <b>session</b>']);
    expect((await call('Erik Hansen', `/training/days/3/recordings/${hidden.recordingId}`)).status).toBe(404);

    expect((await call('Alex Morgan', `/training/days/3/recordings/${recording.recordingId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call('Alex Morgan', `/training/days/3/recordings/${recording.recordingId}`, { method: 'DELETE' })).status).toBe(404);
    expect((await call('Erik Hansen', `/training/days/3/recordings/${recording.recordingId}`)).status).toBe(404);
    const entries = await audit('?day=3');
    expect(entries.map((entry) => entry.action).slice(0, 3)).toEqual(['removeRecording', 'addRecording', 'addRecording']);
    expect(entries[0]).toMatchObject({ summary: 'Removed recording “Q&A <b>session</b>” from day 3', by: { name: 'Alex Morgan' } });
  });

  it('locks and unlocks with an audit entry each; a repeat is a no-op', async () => {
    const lock = trainingDayChangeSchema.parse(await (await call('Alex Morgan', '/training/days/4/lock', { method: 'POST' })).json());
    expect([lock.changed, lock.day.unlocked]).toEqual([true, false]);
    expect((await call('Erik Hansen', '/training/days/4')).status).toBe(404);
    const again = trainingDayChangeSchema.parse(await (await call('Alex Morgan', '/training/days/4/lock', { method: 'POST' })).json());
    expect(again.changed).toBe(false);
    expect((await audit('?day=4')).filter((entry) => entry.action === 'lock')).toHaveLength(1);
    await call('Alex Morgan', '/training/days/4/unlock', { method: 'POST' });
    expect((await call('Erik Hansen', '/training/days/4')).status).toBe(200);
    expect((await audit('?day=4'))[0]).toMatchObject({ action: 'unlock', summary: 'Unlocked day 4 (learners notified)' });
    await drainNotifications(storage());
  });
});

describe('the OpenAPI document', () => {
  it('describes the training answers on seeded data (learner and admin reads, writes and errors)', async () => {
    const document = (await (await call('Alex Morgan', '/openapi.json')).json()) as OpenApiDocument;
    const validator = new ResponseValidator(document);
    const checks: [who: 'Alex Morgan' | 'Erik Hansen', method: string, url: string, path: string, json?: unknown][] = [
      ['Erik Hansen', 'GET', '/training/days', '/api/training/days'],
      ['Erik Hansen', 'GET', '/training/days/1', '/api/training/days/{day}'],
      ['Erik Hansen', 'GET', '/training/days/6', '/api/training/days/{day}'],
      ['Erik Hansen', 'GET', '/training/days/1/recordings/sample010', '/api/training/days/{day}/recordings/{recordingId}'],
      ['Erik Hansen', 'PUT', '/training/days/1/progress', '/api/training/days/{day}/progress', { presentationOpened: true }],
      ['Alex Morgan', 'GET', '/training/days', '/api/training/days'],
      ['Alex Morgan', 'POST', '/training/days/1/unlock', '/api/training/days/{day}/unlock'],
      ['Alex Morgan', 'POST', '/training/recordings/preview', '/api/training/recordings/preview', { url: 'https://youtu.be/dQw4w9WgXcQ' }],
      ['Alex Morgan', 'GET', '/training/progress', '/api/training/progress'],
      ['Alex Morgan', 'GET', '/training/audit?limit=5', '/api/training/audit'],
    ];
    const problems: string[] = [];
    for (const [who, method, url, path, json] of checks) {
      const response = await call(who, url, { method, json });
      problems.push(...validator.problems(method, path, response.status, await response.json()));
    }
    expect(problems).toEqual([]);
  });
});
