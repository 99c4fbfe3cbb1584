import { sampleDrive } from '../seed/sample-drive';
import { apiClientId, startGraphTest, type GraphTest } from '../testing/harness';

let t: GraphTest;
beforeAll(async () => {
  t = await startGraphTest();
});
afterAll(() => t.stop());
afterEach(async () => {
  await t.control('POST', 'reset');
});

const children = () => `${t.drive}/root:/${encodeURI(sampleDrive.salesFolder)}:/children`;
const botClientId = '10ca1a00-0000-4000-8000-000000000004';

describe('token checks', () => {
  it('refuses a missing, foreign-audience or expired token with 401 InvalidAuthenticationToken', async () => {
    const missing = await t.get(children(), { token: '' });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const powerBi = await t.identity.appToken(apiClientId, { resource: 'https://analysis.windows.net/powerbi/api' });
    expect((await t.get(children(), { token: powerBi })).body.error.code).toBe('InvalidAuthenticationToken');
    const expired = await t.identity.mint({ app: apiClientId, audience: 'https://graph.microsoft.com', expiresIn: -600 });
    const refused = await t.get(children(), { token: expired.access_token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe('Lifetime validation failed, the token is expired.');
  });

  it('refuses an app-only token without roles (401) and accepts the API with Files.Read.All', async () => {
    const bot = await t.identity.appToken(botClientId, { resource: 'https://graph.microsoft.com' });
    const refused = await t.get(children(), { token: bot });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe('Either scp or roles claim need to be present in the token.');
    const ok = await t.get(children());
    expect(ok.status).toBe(200);
    const log = (await t.control('GET', 'requests')).body.value;
    expect(log.at(-1)).toMatchObject({ status: 200, appId: apiClientId });
  });

  it('accepts delegated tokens with a Files scope and refuses others with 403 accessDenied', async () => {
    const reader = await t.identity.userToken('alex.morgan@contoso.onmicrosoft.com', {
      audience: 'https://graph.microsoft.com',
      clientId: apiClientId,
      scopes: ['Files.Read.All'],
    });
    expect((await t.get(children(), { token: reader })).status).toBe(200);
    const profileOnly = await t.identity.userToken('alex.morgan@contoso.onmicrosoft.com', {
      audience: 'https://graph.microsoft.com',
      scopes: ['User.Read'],
    });
    const denied = await t.get(children(), { token: profileOnly });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 'accessDenied', innerError: { 'request-id': denied.headers.get('request-id') } });
  });
});

describe('Sites.Selected', () => {
  it('is refused with 403 until the app is granted the site, then served', async () => {
    const selected = await startGraphTest({}, ['--api-graph-role', 'Sites.Selected']);
    try {
      const token = await selected.appToken();
      const denied = await selected.get(children(), { token });
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('accessDenied');
      await selected.control('PUT', 'sites-selected', { appIds: [apiClientId] });
      expect((await selected.get(children(), { token })).status).toBe(200);
    } finally {
      await selected.stop();
    }
  });
});

describe('throttling', () => {
  it('answers 429 activityLimitReached with Retry-After from the control API until that time has passed', async () => {
    await t.control('POST', 'throttle', { retryAfterSeconds: 1, afterRequests: 2 });
    expect((await t.get(children())).status).toBe(200);
    expect((await t.get(children())).status).toBe(200);
    const sentAt = Date.now();
    const refused = await t.get(children());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.error).toMatchObject({ code: 'activityLimitReached', innerError: { 'request-id': expect.any(String) } });
    // Retry until served: every answer before the announced time is a 429, the first 200 comes after it.
    const allowedAt = sentAt + Number(refused.headers.get('retry-after')) * 1000;
    let retry = refused;
    while (retry.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      retry = await t.get(children());
      if (retry.status === 200) expect(Date.now()).toBeGreaterThanOrEqual(allowedAt);
    }
    expect(retry.status).toBe(200);
    const statuses = ((await t.control('GET', 'requests')).body.value as { status: number }[]).map((entry) => entry.status);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.slice(2, -1).every((status) => status === 429)).toBe(true);
    expect(statuses.at(-1)).toBe(200);
    expect((await t.control('GET', 'throttle')).body).toEqual({ rule: null, refusingUntil: null });
  });

  it('refuses writes with 405 and unknown segments with 400', async () => {
    const token = await t.appToken();
    const post = await fetch(`${t.emulator.url}/v1.0/${t.drive}/root/children`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(post.status).toBe(405);
    expect((await t.get(`${t.drive}/root/permissions`)).status).toBe(400);
  });
});
