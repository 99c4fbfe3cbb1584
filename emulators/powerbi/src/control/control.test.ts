import type { RequestLogEntry } from '../log/request-log';
import { sampleIds } from '../seed/sample-ids';
import { startTestEmulator, type TestEmulator } from '../testing/harness';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

describe('test-control API', () => {
  it('reports health and the sample ids', async () => {
    expect((await t.control('GET', 'health')).body).toMatchObject({ status: 'ok', now: expect.any(String), offsetMs: 0 });
    expect((await t.control('GET', 'sample')).body).toEqual(JSON.parse(JSON.stringify(sampleIds)));
  });

  it('advances the clock (forward only)', async () => {
    const before = Date.parse((await t.control('GET', 'clock')).body.now);
    const advanced = await t.control('POST', 'clock/advance', { hours: 2, minutes: 30 });
    expect(advanced.body.offsetMs).toBe(9_000_000);
    expect(Date.parse(advanced.body.now) - before).toBeGreaterThanOrEqual(9_000_000);
    expect((await t.control('POST', 'clock/advance', { ms: -1 })).status).toBe(400);
    expect((await t.control('POST', 'clock/advance', {})).status).toBe(400);
  });

  it("queues failures and durations for a dataset's next refreshes", async () => {
    const response = await t.control('POST', `datasets/${sampleIds.budget.datasetId}/next-refresh`, {
      fail: { errorCode: 'X' },
      count: 2,
      durationMs: 5_000,
    });
    expect(response.body).toEqual({ datasetId: sampleIds.budget.datasetId, queuedFailures: 2, nextDurationMs: 5_000 });
    expect((await t.control('POST', `datasets/${sampleIds.budget.datasetId}/next-refresh`, { fail: {} })).status).toBe(400);
    expect((await t.control('POST', 'datasets/00000000-0000-4000-8000-000000000000/next-refresh', {})).status).toBe(404);
    const patched = await t.control('PATCH', `datasets/${sampleIds.budget.datasetId}`, {
      refreshDurationMs: 1000,
      configuredBy: 'Someone@Contoso.com',
    });
    expect(patched.body).toMatchObject({ refreshDurationMs: 1000, configuredBy: 'someone@contoso.com' });
  });

  // Generating 500 datasets with history takes a few seconds on a busy 2-core machine.
  it('seeds fixtures, including generated workspaces for benchmarks', async () => {
    const seeded = await t.control('POST', 'seed', { generate: { workspaces: 50, datasetsPerWorkspace: 10, historyDays: 3 } });
    expect(seeded.status).toBe(200);
    expect(seeded.body.workspaces).toHaveLength(50);
    const sp = await t.issuer.appToken();
    expect((await t.api('GET', 'groups', { token: sp })).body.value).toHaveLength(62);
    const first = seeded.body.workspaces[0];
    const history = await t.api('GET', `groups/${first.id}/datasets/${first.datasets[0].id}/refreshes`, { token: sp });
    expect(history.body.value.length).toBeGreaterThan(40);
  }, 60_000);

  it('lists received requests with caller, time and status, and clears them', async () => {
    const sp = await t.issuer.appToken();
    await t.api('GET', 'capacities', { token: sp });
    await t.api('GET', 'capacities');
    const log = (await t.control<{ value: RequestLogEntry[] }>('GET', 'requests?limit=2')).body.value;
    expect(log).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/v1.0/myorg/capacities',
        operationId: 'Capacities_GetCapacities',
        caller: sampleIds.servicePrincipalAppId,
        callerKind: 'app',
        status: 200,
      }),
      expect.objectContaining({ caller: 'anonymous', status: 401, errorCode: 'PowerBINotAuthorizedException' }),
    ]);
    expect(log[0]).toMatchObject({
      requestId: expect.any(String),
      at: expect.any(String),
      atMs: expect.any(Number),
      clock: expect.any(String),
      durationMs: expect.any(Number),
    });
    expect((await t.control('GET', 'requests?status=401')).body.value.every((entry: RequestLogEntry) => entry.status === 401)).toBe(true);
    await t.control('DELETE', 'requests');
    expect((await t.control('GET', 'requests')).body.value).toEqual([]);
  });

  it('resets to the sample tenant or to nothing', async () => {
    const sp = await t.issuer.appToken();
    await t.control('POST', 'reset', { empty: true });
    expect((await t.api('GET', 'groups', { token: sp })).body.value).toEqual([]);
    const reset = await t.control('POST', 'reset', {});
    expect(reset.body).toMatchObject({ reset: true, offsetMs: 0 });
    expect((await t.api('GET', 'groups', { token: sp })).body.value).toHaveLength(12);
    expect(t.emulator.state.dataset(sampleIds.budget.datasetId)?.next.failures).toEqual([]);
  });

  it('publishes the embed token key and the contract violations; unknown routes are 404', async () => {
    expect((await t.control('GET', 'embed-token-keys')).body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid: 'embed-1' });
    expect((await t.control('GET', 'contract-violations')).body).toEqual({ value: [] });
    expect((await t.control('GET', 'nothing')).status).toBe(404);
    expect((await t.control('POST', 'seed', [1, 2])).status).toBe(400);
  });
});
