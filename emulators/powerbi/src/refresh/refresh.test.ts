import { startTestEmulator, type TestEmulator } from '../testing/harness';

let t: TestEmulator;
let sp: string;
let premium: { workspace: string; datasets: Record<string, string> };
let shared: { workspace: string; datasets: Record<string, string> };

type SeedBody = { workspaces: { id: string; datasets: { id: string; name: string }[] }[] };

beforeAll(async () => {
  t = await startTestEmulator({ seed: 'empty' });
  sp = await t.issuer.appToken();
  const seeded = await t.control<SeedBody>('POST', 'seed', {
    workspaces: [
      {
        name: 'Premium',
        capacity: 'premium',
        datasets: ['lifecycle', 'history', 'enhanced'].map((name) => ({ name, refreshDurationMs: name === 'history' ? 0 : 60_000 })),
      },
      { name: 'Shared', capacity: 'shared', datasets: [{ name: 'quota', refreshDurationMs: 1_000 }] },
    ],
  });
  const view = (index: number) => {
    const workspace = seeded.body.workspaces[index] as SeedBody['workspaces'][number];
    return { workspace: workspace.id, datasets: Object.fromEntries(workspace.datasets.map((dataset) => [dataset.name, dataset.id])) };
  };
  premium = view(0);
  shared = view(1);
});
afterAll(() => t.stop());

const refreshes = (target: { workspace: string; datasets: Record<string, string> }, name: string) =>
  `groups/${target.workspace}/datasets/${target.datasets[name]}/refreshes`;
const advance = (seconds: number) => t.control('POST', 'clock/advance', { seconds });

describe('refresh state machine', () => {
  it('runs Unknown → Completed over the dataset duration on the emulator clock', async () => {
    const path = refreshes(premium, 'lifecycle');
    const started = await t.api('POST', path, { token: sp, body: { notifyOption: 'NoNotification' } });
    expect(started.status).toBe(202);
    expect(started.body).toBeUndefined();
    const requestId = started.headers.get('requestid');
    const running = (await t.api('GET', `${path}?$top=1`, { token: sp })).body.value[0];
    expect(running).toMatchObject({ requestId, refreshType: 'ViaApi', status: 'Unknown' });
    expect(running).not.toHaveProperty('endTime');

    const again = await t.api('POST', path, { token: sp, body: {} });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      error: { code: 'InvalidRequest', message: 'Invalid dataset refresh request. Another refresh request is already executing' },
    });

    await advance(59);
    expect((await t.api('GET', `${path}?$top=1`, { token: sp })).body.value[0].status).toBe('Unknown');
    await advance(1);
    const done = (await t.api('GET', `${path}?$top=1`, { token: sp })).body.value[0];
    expect(done).toMatchObject({ requestId, status: 'Completed', endTime: expect.any(String) });
    expect(Date.parse(done.endTime) - Date.parse(done.startTime)).toBe(60_000);
    expect(done.refreshAttempts.map((attempt: { type: string }) => attempt.type)).toEqual(['Data', 'Query']);
  });

  it('fails with serviceExceptionJson when the control API injects an error', async () => {
    const path = refreshes(premium, 'lifecycle');
    const failure = { errorCode: 'ModelRefreshFailed_CredentialsNotSpecified', errorDescription: 'Credentials are missing' };
    expect((await t.control('POST', `datasets/${premium.datasets.lifecycle}/next-refresh`, { fail: failure })).status).toBe(200);
    await t.api('POST', path, { token: sp });
    await advance(60);
    const failed = (await t.api('GET', `${path}?$top=1`, { token: sp })).body.value[0];
    expect(failed.status).toBe('Failed');
    expect(JSON.parse(failed.serviceExceptionJson)).toEqual(failure);
    expect(failed.refreshAttempts[0].serviceExceptionJson).toBe(failed.serviceExceptionJson);
    // Only the next refresh fails.
    await t.api('POST', path, { token: sp });
    await advance(60);
    expect((await t.api('GET', `${path}?$top=1`, { token: sp })).body.value[0].status).toBe('Completed');
  });

  it('allows 8 refreshes per 24 h on shared capacity, then refuses until the window passes', async () => {
    const path = refreshes(shared, 'quota');
    for (let index = 0; index < 8; index += 1) {
      expect((await t.api('POST', path, { token: sp })).status).toBe(202);
      await advance(2);
    }
    const refused = await t.api('POST', path, { token: sp });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Invalid dataset refresh request. Number of refresh requests in last 24 hours exceeded limit');
    await advance(24 * 3600);
    expect((await t.api('POST', path, { token: sp })).status).toBe(202);
  });

  it('refuses enhanced refresh on shared capacity and mail notifications for service principals', async () => {
    const path = refreshes(shared, 'quota');
    await advance(10);
    expect((await t.api('POST', path, { token: sp, body: { type: 'Full' } })).status).toBe(400);
    expect((await t.api('POST', path, { token: sp, body: { notifyOption: 'MailOnFailure' } })).status).toBe(400);
  });

  it('keeps the last 60 refreshes and honours $top', async () => {
    const path = refreshes(premium, 'history');
    for (let index = 0; index < 65; index += 1) expect((await t.api('POST', path, { token: sp })).status).toBe(202);
    const all = await t.api('GET', path, { token: sp });
    expect(all.body['@odata.context']).toMatch(/#refreshes$/);
    expect(all.body.value).toHaveLength(60);
    const starts = all.body.value.map((item: { startTime: string }) => Date.parse(item.startTime));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect((await t.api('GET', `${path}?$top=5`, { token: sp })).body.value).toHaveLength(5);
    expect((await t.api('GET', `${path}?$top=100`, { token: sp })).body.value).toHaveLength(60);
    expect((await t.api('GET', `${path}?$top=0`, { token: sp })).status).toBe(400);
  });
});

describe('enhanced refresh', () => {
  it('returns x-ms-request-id and Location; details are 202 while running and 200 when done', async () => {
    const path = refreshes(premium, 'enhanced');
    const started = await t.api('POST', path, {
      token: sp,
      body: { type: 'Full', commitMode: 'Transactional', retryCount: 1, objects: [{ table: 'Data' }] },
    });
    expect(started.status).toBe(202);
    const refreshId = started.headers.get('x-ms-request-id') as string;
    expect(started.headers.get('location')).toBe(`${t.emulator.url}/v1.0/myorg/${path}/${refreshId}`);
    const running = await t.api('GET', `${path}/${refreshId}`, { token: sp });
    expect(running.status).toBe(202);
    expect(running.body).toMatchObject({
      type: 'Full',
      commitMode: 'Transactional',
      status: 'Unknown',
      extendedStatus: 'NotStarted',
      objects: [{ table: 'Data', partition: 'Data', status: 'InProgress' }],
    });
    await advance(60);
    const done = await t.api('GET', `${path}/${refreshId}`, { token: sp });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'Completed', extendedStatus: 'Completed', numberOfAttempts: 1, endTime: expect.any(String) });
    const entry = (await t.api('GET', `${path}?$top=1`, { token: sp })).body.value[0];
    expect(entry).toMatchObject({ requestId: refreshId, refreshType: 'ViaEnhancedApi', extendedStatus: 'Completed' });
  });

  it('reports retries and engine messages of a failed enhanced refresh', async () => {
    const path = refreshes(premium, 'enhanced');
    await t.control('POST', `datasets/${premium.datasets.enhanced}/next-refresh`, {
      fail: { errorCode: 'ModelRefresh_ShortMessage_ProcessingError', errorDescription: 'boom' },
    });
    const refreshId = (await t.api('POST', path, { token: sp, body: { retryCount: 2 } })).headers.get('x-ms-request-id');
    await advance(60);
    const detail = (await t.api('GET', `${path}/${refreshId}`, { token: sp })).body;
    expect(detail).toMatchObject({
      status: 'Failed',
      numberOfAttempts: 3,
      messages: [{ code: 'ModelRefresh_ShortMessage_ProcessingError', message: 'boom', type: 'Error' }],
    });
  });

  it('cancels a running enhanced refresh; finished or standard refreshes cannot be addressed', async () => {
    const path = refreshes(premium, 'enhanced');
    const refreshId = (await t.api('POST', path, { token: sp, body: { type: 'Automatic' } })).headers.get('x-ms-request-id');
    expect((await t.api('DELETE', `${path}/${refreshId}`, { token: sp })).status).toBe(200);
    const entry = (await t.api('GET', `${path}?$top=1`, { token: sp })).body.value[0];
    expect(entry).toMatchObject({ status: 'Cancelled', extendedStatus: 'Cancelled' });
    expect((await t.api('GET', `${path}/${refreshId}`, { token: sp })).body.extendedStatus).toBe('Cancelled');
    expect((await t.api('DELETE', `${path}/${refreshId}`, { token: sp })).status).toBe(400);
    const standard = (await t.api('POST', path, { token: sp })).headers.get('requestid');
    expect((await t.api('GET', `${path}/${standard}`, { token: sp })).status).toBe(404);
    expect((await t.api('POST', path, { token: sp, body: { type: 'Full', notifyOption: 'NoNotification' } })).status).toBe(400);
  });
});
