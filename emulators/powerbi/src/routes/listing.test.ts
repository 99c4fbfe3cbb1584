import { sampleIds, workspaceIdOf } from '../seed/sample-ids';
import { startTestEmulator, type TestEmulator } from '../testing/harness';

let t: TestEmulator;
let sp: string;
beforeAll(async () => {
  t = await startTestEmulator();
  sp = await t.issuer.appToken();
});
afterAll(() => t.stop());

const notFound = {
  error: {
    code: 'PowerBIEntityNotFound',
    'pbi.error': { code: 'PowerBIEntityNotFound', parameters: {}, details: [], exceptionCulprit: 1 },
  },
};

describe('groups, datasets, reports, capacities', () => {
  it('lists the 12 sample workspaces with @odata.context, dedicated capacity for Test and Prod', async () => {
    const { status, body } = await t.api('GET', 'groups', { token: sp });
    expect(status).toBe(200);
    expect(body['@odata.context']).toMatch(/\/v1\.0\/myorg\/\$metadata#groups$/);
    expect(body.value).toHaveLength(12);
    const prod = body.value.find((group: { id: string }) => group.id === sampleIds.budget.workspaceId);
    expect(prod).toEqual({
      id: sampleIds.budget.workspaceId,
      name: 'Planboard Budget (Prod)',
      isReadOnly: false,
      isOnDedicatedCapacity: true,
      capacityId: sampleIds.capacities.premium,
    });
    const dev = body.value.find((group: { id: string }) => group.id === workspaceIdOf('Budget', 'Dev'));
    expect(dev.isOnDedicatedCapacity).toBe(false);
  });

  it('supports $filter (eq, contains, or), $top and $skip', async () => {
    const filter = encodeURIComponent("contains(name,'budget') or name eq 'Planboard KPI (Prod)'");
    const filtered = await t.api('GET', `groups?$filter=${filter}`, { token: sp });
    expect(filtered.body.value.map((group: { name: string }) => group.name).sort()).toEqual([
      'Planboard Budget (Dev)',
      'Planboard Budget (Prod)',
      'Planboard Budget (Test)',
      'Planboard KPI (Prod)',
    ]);
    const page = await t.api('GET', 'groups?$top=5&$skip=10', { token: sp });
    expect(page.body.value).toHaveLength(2);
    expect((await t.api('GET', 'groups?$top=abc', { token: sp })).status).toBe(400);
    expect((await t.api('GET', `groups?$filter=${encodeURIComponent('startswith(name,1)')}`, { token: sp })).status).toBe(400);
  });

  it('lists datasets of a workspace in camelCase with the RLS flags, and gets one', async () => {
    const { body } = await t.api('GET', `groups/${sampleIds.budget.workspaceId}/datasets`, { token: sp });
    expect(body['@odata.context']).toMatch(/#datasets$/);
    const budget = body.value.find((dataset: { id: string }) => dataset.id === sampleIds.budget.datasetId);
    expect(budget).toMatchObject({
      name: 'Budget Planning',
      configuredBy: sampleIds.servicePrincipalAppId,
      isRefreshable: true,
      isEffectiveIdentityRequired: true,
      isEffectiveIdentityRolesRequired: true,
      isOnPremGatewayRequired: false,
      addRowsAPIEnabled: false,
    });
    expect(budget).not.toHaveProperty('IsRefreshable');
    const one = await t.api('GET', `groups/${sampleIds.budget.workspaceId}/datasets/${sampleIds.budget.datasetId}`, { token: sp });
    expect(one.body['@odata.context']).toMatch(/#datasets\/\$entity$/);
    expect(one.body.id).toBe(sampleIds.budget.datasetId);
    const push = await t.api('GET', `groups/${sampleIds.kpi.workspaceId}/datasets/${sampleIds.kpiPush.datasetId}`, { token: sp });
    expect(push.body).toMatchObject({ addRowsAPIEnabled: true, isRefreshable: false, defaultRetentionPolicy: 'basicFIFO' });
  });

  it('lists reports with embedUrl and gets one', async () => {
    const { body } = await t.api('GET', `groups/${sampleIds.budget.workspaceId}/reports`, { token: sp });
    const report = body.value.find((item: { id: string }) => item.id === sampleIds.budget.reportId);
    expect(report).toEqual({
      id: sampleIds.budget.reportId,
      name: 'Budget Overview',
      datasetId: sampleIds.budget.datasetId,
      reportType: 'PowerBIReport',
      webUrl: `https://app.powerbi.com/groups/${sampleIds.budget.workspaceId}/reports/${sampleIds.budget.reportId}`,
      embedUrl: `https://app.powerbi.com/reportEmbed?reportId=${sampleIds.budget.reportId}&groupId=${sampleIds.budget.workspaceId}`,
    });
    const one = await t.api('GET', `groups/${sampleIds.budget.workspaceId}/reports/${sampleIds.budget.reportId}`, { token: sp });
    expect(one.status).toBe(200);
  });

  it('answers unknown ids with the observed 404 body and matches paths case-insensitively', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of [
      `groups/${missing}/datasets`,
      `groups/${sampleIds.budget.workspaceId}/datasets/${missing}`,
      `groups/${sampleIds.budget.workspaceId}/reports/${missing}`,
    ]) {
      const response = await t.api('GET', path, { token: sp });
      expect(response.status).toBe(404);
      expect(response.body).toEqual(notFound);
    }
    // The report of another workspace is not found through this one.
    expect((await t.api('GET', `groups/${sampleIds.kpi.workspaceId}/reports/${sampleIds.budget.reportId}`, { token: sp })).status).toBe(
      404,
    );
    expect((await t.api('GET', `Groups/${sampleIds.budget.workspaceId}/DATASETS`, { token: sp })).status).toBe(200);
    expect((await t.api('GET', 'dashboards', { token: sp })).status).toBe(404);
    expect((await t.api('DELETE', 'groups', { token: sp })).status).toBe(405);
  });

  it('refuses group routes to non-members (401) and shows Viewers their workspaces', async () => {
    const stranger = await t.issuer.userToken('nora.lindqvist@contoso.onmicrosoft.com');
    expect((await t.api('GET', `groups/${sampleIds.budget.workspaceId}/datasets`, { token: stranger })).status).toBe(401);
    const manager = await t.issuer.userToken('morgan.lee@contoso.onmicrosoft.com');
    const groups = await t.api('GET', 'groups', { token: manager });
    expect(groups.body.value.map((group: { name: string }) => group.name)).toEqual(
      expect.arrayContaining(['Planboard Budget (Prod)', 'Planboard Stores (Dev)']),
    );
    expect(groups.body.value).toHaveLength(6);
  });

  it("routes without a group act on the caller's My workspace", async () => {
    const datasets = await t.api('GET', 'datasets', { token: sp });
    expect(datasets.body.value).toEqual([]);
    expect((await t.api('GET', `datasets/${sampleIds.budget.datasetId}`, { token: sp })).status).toBe(404);
    expect((await t.api('GET', 'reports', { token: sp })).body.value).toEqual([]);
  });

  it('lists capacities', async () => {
    const { body } = await t.api('GET', 'capacities', { token: sp });
    expect(body.value.map((capacity: { sku: string }) => capacity.sku).sort()).toEqual(['A1', 'P1']);
    expect(body.value[0]).toMatchObject({ state: 'Active', capacityUserAccessRight: 'Assign' });
  });

  it('manages dataset permissions (users)', async () => {
    const path = `groups/${sampleIds.budget.workspaceId}/datasets/${sampleIds.budget.datasetId}/users`;
    const before = await t.api('GET', path, { token: sp });
    expect(before.body.value).toEqual([{ identifier: sampleIds.tenantId, principalType: 'Group', datasetUserAccessRight: 'ReadExplore' }]);
    expect(
      (
        await t.api('POST', path, {
          token: sp,
          body: { identifier: 'guest@contoso.onmicrosoft.com', principalType: 'User', datasetUserAccessRight: 'Read' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await t.api('POST', path, { token: sp, body: { identifier: 'x', principalType: 'App', datasetUserAccessRight: 'Read' } })).status,
    ).toBe(400);
    expect(
      (
        await t.api('PUT', path, {
          token: sp,
          body: { identifier: 'guest@contoso.onmicrosoft.com', principalType: 'User', datasetUserAccessRight: 'None' },
        })
      ).status,
    ).toBe(200);
    expect((await t.api('GET', path, { token: sp })).body.value).toHaveLength(1);
    expect(
      (await t.api('POST', path, { token: sp, body: { identifier: 'x', principalType: 'User', datasetUserAccessRight: 'Owner' } })).status,
    ).toBe(400);
  });
});
