import { startTestEmulator, type TestEmulator } from '../testing/harness';

let t: TestEmulator;
let sp: string;
const ids: Record<string, { workspace: string; dataset: string }> = {};
const everyDay = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const owner = 'alex.morgan@contoso.onmicrosoft.com';

type SeedBody = { workspaces: { id: string; datasets: { id: string; name: string }[] }[] };

beforeAll(async () => {
  t = await startTestEmulator({ seed: 'empty' });
  sp = await t.issuer.appToken();
  const fourTimes = { days: everyDay, times: ['00:00', '06:00', '12:00', '18:00'], enabled: true, localTimeZoneId: 'UTC' };
  const seeded = await t.control<SeedBody>('POST', 'seed', {
    workspaces: [
      {
        name: 'Premium',
        capacity: 'premium',
        datasets: [
          { name: 'validation', refreshDurationMs: 60_000 },
          { name: 'owned-by-user', configuredBy: owner, refreshDurationMs: 60_000 },
          { name: 'scheduled', refreshDurationMs: 60_000, schedule: fourTimes },
          { name: 'failing', refreshDurationMs: 60_000, schedule: fourTimes },
        ],
      },
      { name: 'Shared', capacity: 'shared', datasets: [{ name: 'shared', refreshDurationMs: 60_000 }] },
    ],
  });
  for (const workspace of seeded.body.workspaces)
    for (const dataset of workspace.datasets) ids[dataset.name] = { workspace: workspace.id, dataset: dataset.id };
});
afterAll(() => t.stop());

const schedulePath = (name: string) => `groups/${ids[name]?.workspace}/datasets/${ids[name]?.dataset}/refreshSchedule`;
const patch = (name: string, value: unknown, token = sp) => t.api('PATCH', schedulePath(name), { token, body: { value } });
const history = async (name: string) =>
  (await t.api('GET', `groups/${ids[name]?.workspace}/datasets/${ids[name]?.dataset}/refreshes`, { token: sp })).body.value as {
    refreshType: string;
    status: string;
    startTime: string;
  }[];

describe('refresh schedules', () => {
  it('returns the disabled default schedule, then the patched one (200, empty body)', async () => {
    const initial = await t.api('GET', schedulePath('validation'), { token: sp });
    expect(initial.body).toMatchObject({ days: [], times: [], enabled: false, localTimeZoneId: 'UTC', notifyOption: 'MailOnFailure' });
    const updated = await patch('validation', {
      days: ['Sunday', 'Monday'],
      times: ['18:30', '07:00'],
      enabled: true,
      localTimeZoneId: 'W. Europe Standard Time',
      notifyOption: 'NoNotification',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toBeUndefined();
    const after = await t.api('GET', schedulePath('validation'), { token: sp });
    expect(after.body).toMatchObject({
      days: ['Monday', 'Sunday'],
      times: ['07:00', '18:30'],
      enabled: true,
      localTimeZoneId: 'W. Europe Standard Time',
      notifyOption: 'NoNotification',
    });
  });

  it.each([
    ['a day that is not a day name', { days: ['Daily'] }],
    ['no days', { days: [] }],
    ['a time off the half hour', { times: ['07:15'] }],
    ['an impossible time', { times: ['24:00'] }],
    ['repeated times', { times: ['07:00', '07:00'] }],
    [
      '49 slots on Premium',
      { times: Array.from({ length: 49 }, (_, i) => `${String(Math.floor(i / 2) % 24).padStart(2, '0')}:${i % 2 ? '30' : '00'}`) },
    ],
    ['an unknown time zone', { localTimeZoneId: 'Mars Standard Time' }],
    ['disabling together with another change', { enabled: false, times: ['08:00'] }],
    ['mail notification for a service principal', { notifyOption: 'MailOnFailure' }],
  ])('refuses %s with 400', async (_name, value) => {
    const response = await patch('validation', value);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('InvalidRequest');
  });

  it('allows 8 slots per day on shared capacity and 48 on Premium', async () => {
    const slots = (count: number) => Array.from({ length: count }, (_, i) => `${String(i).padStart(2, '0')}:00`);
    expect((await patch('shared', { days: ['Monday'], times: slots(8), enabled: true })).status).toBe(200);
    expect((await patch('shared', { times: slots(9) })).status).toBe(400);
    expect((await patch('validation', { times: slots(24) })).status).toBe(200);
  });

  it('a disabling PATCH changes nothing else', async () => {
    expect((await patch('validation', { enabled: false })).status).toBe(200);
    const after = (await t.api('GET', schedulePath('validation'), { token: sp })).body;
    expect(after.enabled).toBe(false);
    expect(after.days).toEqual(['Monday', 'Sunday']);
  });

  it('only the owner may update; Default.TakeOver makes the caller the owner', async () => {
    const refused = await patch('owned-by-user', { days: ['Monday'], times: ['08:00'], enabled: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('This operation is only supported for the dataset owner');
    const datasetPath = `groups/${ids['owned-by-user']?.workspace}/datasets/${ids['owned-by-user']?.dataset}`;
    expect((await t.api('GET', datasetPath, { token: sp })).body.configuredBy).toBe(owner);
    const takeOver = await t.api('POST', `${datasetPath}/Default.TakeOver`, { token: sp });
    expect(takeOver.status).toBe(200);
    expect(takeOver.body).toBeUndefined();
    expect((await t.api('GET', datasetPath, { token: sp })).body.configuredBy).toBe(
      t.emulator.state.dataset(ids['owned-by-user']?.dataset ?? '')?.configuredBy,
    );
    expect((await patch('owned-by-user', { days: ['Monday'], times: ['08:00'], enabled: true })).status).toBe(200);
    // The former owner is now refused (and is a workspace member, so this is the owner check).
    const admin = await t.issuer.userToken(owner);
    expect((await patch('owned-by-user', { times: ['09:00'] }, admin)).status).toBe(400);
  });

  it('can lose stored credentials on take-over, so the next refresh fails', async () => {
    const name = 'owned-by-user';
    await t.control('PATCH', `datasets/${ids[name]?.dataset}`, { configuredBy: owner, credentialsLostOnTakeOver: true });
    const base = `groups/${ids[name]?.workspace}/datasets/${ids[name]?.dataset}`;
    await t.api('POST', `${base}/Default.TakeOver`, { token: sp });
    await t.api('POST', `${base}/refreshes`, { token: sp });
    await t.control('POST', 'clock/advance', { minutes: 2 });
    const latest = (await history(name))[0] as { status: string; serviceExceptionJson?: string };
    expect(latest.status).toBe('Failed');
    expect(JSON.parse(latest.serviceExceptionJson ?? '{}').errorCode).toBe('ModelRefreshFailed_CredentialsNotSpecified');
  });
});

describe('scheduled refresh on the emulator clock', () => {
  it('runs each slot when the clock passes it', async () => {
    await t.control('POST', 'clock/advance', { hours: 24 });
    const scheduled = (await history('scheduled')).filter((entry) => entry.refreshType === 'Scheduled');
    expect(scheduled).toHaveLength(4);
    expect(scheduled.every((entry) => entry.status === 'Completed')).toBe(true);
    for (const entry of scheduled) expect(entry.startTime).toMatch(/T(00|06|12|18):00:00\.000Z$/);
  });

  it('disables the schedule after 4 consecutive failed scheduled refreshes', async () => {
    await t.control('POST', `datasets/${ids.failing?.dataset}/next-refresh`, {
      fail: { errorCode: 'DM_GWPipeline_Gateway_DataSourceAccessError' },
      count: 10,
    });
    await t.control('POST', 'clock/advance', { hours: 48 });
    const entries = await history('failing');
    expect(entries.filter((entry) => entry.refreshType === 'Scheduled' && entry.status === 'Failed')).toHaveLength(4);
    expect((await t.api('GET', schedulePath('failing'), { token: sp })).body.enabled).toBe(false);
    // Disabled: later slots do not run. Re-enabling (owner) starts a new streak and the next slot runs.
    const count = entries.length;
    await t.control('POST', 'clock/advance', { hours: 12 });
    expect(await history('failing')).toHaveLength(count);
    expect((await patch('failing', { enabled: true })).status).toBe(200);
    await t.control('POST', 'clock/advance', { hours: 6 });
    expect(await history('failing')).toHaveLength(count + 1);
  });
});
