import { datasetIdOf, sampleIds } from '../seed/sample-ids';
import { startTestEmulator, type TestEmulator } from '../testing/harness';
import { operationIds } from './operations';
import { ContractValidator } from './validator';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

/**
 * Calls every operation of the subset once on its success path and checks every body received
 * against the contract (the server validates too, in test mode).
 */
describe('every operation against the contract', () => {
  it('answers all 43 operations with documented statuses and schema-valid bodies', async () => {
    const contract = new ContractValidator();
    const sp = await t.issuer.appToken();
    const steps: [string, string, unknown?][] = [];
    const seeded = await t.control('POST', 'seed', {
      workspaces: [
        {
          name: 'My',
          myWorkspaceOf: sampleIds.servicePrincipalAppId,
          capacity: 'premium',
          datasets: [{ name: 'mine', refreshDurationMs: 60_000 }],
        },
      ],
    });
    const mine = seeded.body.workspaces[0].datasets[0];
    const push = (
      await t.api('POST', 'datasets', {
        token: sp,
        body: { name: 'my push', tables: [{ name: 'T', columns: [{ name: 'A', dataType: 'string' }] }] },
      })
    ).body.id;
    const g = `groups/${sampleIds.budget.workspaceId}`;
    const budget = `${g}/datasets/${sampleIds.budget.datasetId}`;
    const archive = `${g}/datasets/${datasetIdOf('budget-archive', 'Prod')}`;
    const kpi = `groups/${sampleIds.kpi.workspaceId}/datasets/${sampleIds.kpiPush.datasetId}`;
    const user = { identifier: 'guest@contoso.onmicrosoft.com', principalType: 'User', datasetUserAccessRight: 'Read' };
    const identity = {
      username: 'nora.lindqvist@contoso.onmicrosoft.com',
      roles: ['BusinessUnitScope'],
      datasets: [sampleIds.budget.datasetId],
    };
    steps.push(
      ['GET', 'datasets'],
      ['GET', `datasets/${mine.id}`],
      ['GET', 'reports'],
      ['GET', `reports/${mine.reportId}`],
      ['GET', `datasets/${mine.id}/refreshes`],
      ['GET', `datasets/${mine.id}/refreshSchedule`],
      ['PATCH', `datasets/${mine.id}/refreshSchedule`, { value: { days: ['Monday'], times: ['07:00'], enabled: true } }],
      ['POST', `datasets/${push}/executeQueries`, { queries: [{ query: "EVALUATE 'T'" }] }],
      ['GET', `datasets/${push}/tables`],
      [
        'PUT',
        `datasets/${push}/tables/T`,
        {
          name: 'T',
          columns: [
            { name: 'A', dataType: 'string' },
            { name: 'B', dataType: 'Double' },
          ],
        },
      ],
      ['POST', `datasets/${push}/tables/T/rows`, { rows: [{ A: 'x', B: 1 }] }],
      ['DELETE', `datasets/${push}/tables/T/rows`],
      ['GET', `datasets/${mine.id}/users`],
      ['POST', `datasets/${mine.id}/users`, user],
      ['PUT', `datasets/${mine.id}/users`, { ...user, datasetUserAccessRight: 'ReadReshare' }],
      ['GET', 'groups'],
      ['GET', 'capacities'],
      ['GET', `${g}/datasets`],
      [
        'POST',
        `groups/${sampleIds.kpi.workspaceId}/datasets`,
        { name: 'group push', tables: [{ name: 'T', columns: [{ name: 'A', dataType: 'string' }] }] },
      ],
      ['GET', budget],
      ['GET', `${g}/reports`],
      ['GET', `${g}/reports/${sampleIds.budget.reportId}`],
      ['GET', `${budget}/refreshes?$top=10`],
      ['GET', `${budget}/refreshSchedule`],
      ['PATCH', `${budget}/refreshSchedule`, { value: { notifyOption: 'NoNotification' } }],
      ['POST', `${archive}/Default.TakeOver`],
      ['POST', 'GenerateToken', { reports: [{ id: sampleIds.budget.reportId }], identities: [identity] }],
      ['POST', `${g}/reports/${sampleIds.budget.reportId}/GenerateToken`, { accessLevel: 'View', identities: [identity] }],
      ['POST', `${archive}/executeQueries`, { queries: [{ query: "EVALUATE TOPN(2, 'Archive')" }] }],
      ['GET', `${kpi}/tables`],
      [
        'PUT',
        `${kpi}/tables/DataPoints`,
        {
          name: 'DataPoints',
          columns: [
            { name: 'KpiId', dataType: 'string' },
            { name: 'Value', dataType: 'Double' },
          ],
        },
      ],
      ['POST', `${kpi}/tables/DataPoints/rows`, { rows: [{ KpiId: 'k1', Value: 3 }] }],
      ['DELETE', `${kpi}/tables/DataPoints/rows`],
      ['GET', `${budget}/users`],
      ['POST', `${budget}/users`, user],
      ['PUT', `${budget}/users`, { ...user, datasetUserAccessRight: 'ReadReshare' }],
    );
    const check = async (method: string, path: string, body?: unknown) => {
      const response = await t.api(method, path, { token: sp, ...(body === undefined ? {} : { body }) });
      const entry = t.emulator.requestLog.list().at(-1);
      expect({ method, path, status: response.status < 300 ? 'success' : response.status }).toEqual({ method, path, status: 'success' });
      expect(contract.response(entry?.operationId as (typeof operationIds)[number], response.status, response.body)).toEqual([]);
      return response;
    };
    for (const [method, path, body] of steps) await check(method, path, body);
    // Refresh, execution details (202 then 200) and cancel, in My workspace and in a group.
    for (const base of [`datasets/${mine.id}`, budget]) {
      const started = await check('POST', `${base}/refreshes`, { type: 'Full' });
      const id = started.headers.get('x-ms-request-id');
      await check('GET', `${base}/refreshes/${id}`);
      await check('DELETE', `${base}/refreshes/${id}`);
      await check('GET', `${base}/refreshes/${id}`);
    }
    const served = new Set(
      t.emulator.requestLog
        .list()
        .filter((entry) => entry.status < 300)
        .map((entry) => entry.operationId),
    );
    expect(operationIds.filter((id) => !served.has(id))).toEqual([]);
    expect(t.emulator.settings.violations).toEqual([]);
  });
});
