import { budgetGridSchema, type PlanState } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { datasetIdOf, workspaceIdOf } from '../../emulators/powerbi/src/seed/sample-ids';
import { startApiHost, type ApiHost } from './support/api-host';
import { powerBiPort, storageConnection, tokenFor } from './support/env';
import { freshPlan } from './support/plans';

/**
 * Submitting a plan whose budget model sits on shared capacity (a Pro workspace: the sample Dev
 * workspace). Power BI refuses enhanced refresh there (400); the API falls back to a plain refresh
 * and follows it through the refresh history by its request id, since plain refreshes have no
 * execution details.
 */
const workspaceId = workspaceIdOf('Budget', 'Dev');
const datasetId = datasetIdOf('budget', 'Dev');
const emulator = `http://127.0.0.1:${powerBiPort()}`;
let api: ApiHost;
let nora: string;

const control = (path: string, body: unknown) =>
  fetch(`${emulator}/_emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  api = await startApiHost({ BUDGET_WORKSPACE_ID: workspaceId, BUDGET_DATASET_ID: datasetId });
  nora = await tokenFor('nora.lindqvist@contoso.onmicrosoft.com');
}, 60_000);
afterAll(() => api?.stop());

async function until(planId: string, wanted: PlanState['status']): Promise<PlanState> {
  let state: PlanState | undefined;
  for (let i = 0; i < 80; i += 1) {
    state = budgetGridSchema.parse(await (await api.call(`/budget/${planId}/sales-north`, { token: nora })).json()).state;
    if (state.status === wanted) return state;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`plan never became ${wanted}; last ${state?.status} ${state?.refreshError ?? ''}`);
}

async function historyEntry(requestId: string): Promise<{ refreshType: string; status: string } | undefined> {
  const token = await tokenFor('alex.morgan@contoso.onmicrosoft.com', {
    audience: 'https://analysis.windows.net/powerbi/api',
    version: 'v1',
  });
  const response = await fetch(`${emulator}/v1.0/myorg/groups/${workspaceId}/datasets/${datasetId}/refreshes?$top=10`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { value } = (await response.json()) as { value: { requestId: string; refreshType: string; status: string }[] };
  return value.find((entry) => entry.requestId === requestId);
}

describe('submit on shared capacity', () => {
  it('falls back to a plain refresh and goes live when the history shows it completed', async () => {
    const planId = await freshPlan();
    expect((await control(`datasets/${datasetId}/next-refresh`, { durationMs: 300 })).ok).toBe(true);
    const submitted = await api.call(`/budget/${planId}/sales-north/submit`, { token: nora, method: 'POST' });
    expect(submitted.status).toBe(200);
    const { state } = (await submitted.json()) as { state: PlanState };
    expect(state).toMatchObject({ status: 'refreshing', refreshFollow: 'history' });
    const live = await until(planId, 'live');
    expect(await historyEntry(live.refreshId ?? '')).toMatchObject({ refreshType: 'ViaApi', status: 'Completed' });
  }, 60_000);

  it('a failed plain refresh fails the plan with the error from the history', async () => {
    const planId = await freshPlan();
    const failure = {
      errorCode: 'ModelRefreshFailed_CredentialsNotSpecified',
      errorDescription: 'The credentials of the data source are missing.',
    };
    expect((await control(`datasets/${datasetId}/next-refresh`, { durationMs: 300, fail: failure })).ok).toBe(true);
    expect((await api.call(`/budget/${planId}/sales-north/submit`, { token: nora, method: 'POST' })).status).toBe(200);
    const failed = await until(planId, 'failed');
    expect(failed.refreshError).toMatch(/credentials of the data source are missing/);
  }, 60_000);
});
