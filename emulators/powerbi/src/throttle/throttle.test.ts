import type { RequestLogEntry } from '../log/request-log';
import { sampleIds } from '../seed/sample-ids';
import { startTestEmulator, type TestEmulator } from '../testing/harness';
import { Throttle } from './throttle';

describe('Throttle', () => {
  it('refuses over budget until the announced deadline, then opens a new window', () => {
    const throttle = new Throttle();
    const budget = { limit: 2, windowMs: 1000 };
    expect(throttle.take('caller', 'a', budget, 0)).toBeUndefined();
    expect(throttle.take('caller', 'a', budget, 100)).toBeUndefined();
    const refusal = throttle.take('caller', 'a', budget, 200);
    expect(refusal).toEqual({ retryAfterSeconds: 1, deadline: 1200 });
    expect(throttle.take('caller', 'b', budget, 300)).toBeUndefined();
    expect(throttle.take('caller', 'a', budget, 1100)).toEqual({ retryAfterSeconds: 1, deadline: 2100 });
    expect(throttle.take('caller', 'a', budget, 2100)).toBeUndefined();
    expect(throttle.take('caller', 'a', undefined, 2200)).toBeUndefined();
  });
});

describe('throttling over HTTP', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.stop());

  it('answers 429 with Retry-After and the observed body, logs the deadline, and serves again after it', async () => {
    const sp = await t.issuer.appToken();
    const other = await t.issuer.appToken({ appId: '10ca1a00-0000-4000-8000-000000000999' });
    const budget = await t.control('PUT', 'throttle', { caller: sampleIds.servicePrincipalAppId, limit: 3, windowSeconds: 1 });
    expect(budget.status).toBe(200);
    for (let index = 0; index < 3; index += 1) expect((await t.api('GET', 'groups', { token: sp })).status).toBe(200);
    const throttled = await t.api('GET', 'groups', { token: sp });
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(throttled.body).toEqual({
      message: `You have exceeded the amount of requests allowed in the current time frame and further requests will fail. Retry in ${retryAfter} seconds.`,
    });
    expect(throttled.headers.get('requestid')).toBeTruthy();
    expect((await t.api('GET', 'groups', { token: sp })).status).toBe(429);
    expect((await t.api('GET', 'groups', { token: other })).status).toBe(200);

    const log = (await t.control<{ value: RequestLogEntry[] }>('GET', `requests?caller=${sampleIds.servicePrincipalAppId}`)).body.value;
    const refusals = log.filter((entry) => entry.status === 429);
    expect(refusals).toHaveLength(2);
    const deadline = Date.parse(refusals[0]?.retryAfterDeadline ?? '');
    expect(deadline).toBeGreaterThan(refusals[0]?.atMs ?? 0);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(refusals[1]?.retryAfterDeadline ?? '') - Date.now()) + 20));
    expect((await t.api('GET', 'groups', { token: sp })).status).toBe(200);
    // The log proves no request of a throttled caller was served before its Retry-After deadline.
    const all = t.emulator.requestLog.list({ caller: sampleIds.servicePrincipalAppId });
    for (const refusal of all.filter((entry) => entry.status === 429)) {
      const until = Date.parse(refusal.retryAfterDeadline ?? '');
      expect(all.some((entry) => entry.status < 400 && entry.atMs > refusal.atMs && entry.atMs < until)).toBe(false);
    }
    await t.control('DELETE', 'throttle');
  });

  it('applies the documented 120 executeQueries per minute per user', async () => {
    const sp = await t.issuer.appToken({ appId: '10ca1a00-0000-4000-8000-000000000003' });
    const path = `groups/${sampleIds.kpi.workspaceId}/datasets/${sampleIds.kpiPush.datasetId}/executeQueries`;
    const body = { queries: [{ query: 'EVALUATE ROW("x", 1)' }] };
    const statuses: number[] = [];
    for (let index = 0; index < 121; index += 1) statuses.push((await t.api('POST', path, { token: sp, body })).status);
    expect(statuses.slice(0, 120).every((status) => status === 200)).toBe(true);
    expect(statuses[120]).toBe(429);
  });

  it('adds the configured latency to every API response', async () => {
    const sp = await t.issuer.appToken({ appId: '10ca1a00-0000-4000-8000-000000000004' });
    await t.control('PUT', 'latency', { ms: 120 });
    const started = Date.now();
    await t.api('GET', 'capacities', { token: sp });
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    await t.control('PUT', 'latency', { ms: 0 });
  });
});
