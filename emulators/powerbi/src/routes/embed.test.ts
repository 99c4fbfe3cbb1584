import { verifyEmbedToken } from '../auth/embed-token';
import { reportIdOf, sampleIds } from '../seed/sample-ids';
import { startTestEmulator, type TestEmulator } from '../testing/harness';

let t: TestEmulator;
let sp: string;
beforeAll(async () => {
  t = await startTestEmulator();
  sp = await t.issuer.appToken();
});
afterAll(() => t.stop());

const budget = sampleIds.budget;
const identity = (roles: string[], datasets = [budget.datasetId]) => ({
  username: 'nora.lindqvist@contoso.onmicrosoft.com',
  roles,
  datasets,
});
const generate = (body: unknown, token = sp) => t.api('POST', 'GenerateToken', { token, body });

describe('GenerateToken (V2, multi-resource)', () => {
  it('returns {token, tokenId, expiration}; the token carries reports, datasets and identities', async () => {
    const response = await generate({
      reports: [{ id: budget.reportId }],
      datasets: [{ id: budget.datasetId }],
      identities: [identity(['BusinessUnitScope'])],
      lifetimeInMinutes: 10,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      '@odata.context': expect.stringMatching(/#Microsoft\.PowerBI\.ServiceContracts\.Api\.V1\.EmbedToken$/),
      token: expect.any(String),
      tokenId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      expiration: expect.any(String),
    });
    const expiresIn = Date.parse(response.body.expiration) - Date.now();
    expect(expiresIn).toBeGreaterThan(9 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60_000);
    const claims = await t.emulator.verifyEmbedToken(response.body.token);
    expect(claims).toMatchObject({
      tokenId: response.body.tokenId,
      issuedTo: sampleIds.servicePrincipalAppId,
      reports: [{ id: budget.reportId, groupId: budget.workspaceId, datasetId: budget.datasetId, allowEdit: false }],
      datasets: [{ id: budget.datasetId, xmlaPermissions: 'Off' }],
      identities: [{ username: 'nora.lindqvist@contoso.onmicrosoft.com', roles: ['BusinessUnitScope'], datasets: [budget.datasetId] }],
    });
    // Out-of-process verification with the published key.
    const keys = (await t.control('GET', 'embed-token-keys')).body.keys;
    await expect(verifyEmbedToken(response.body.token, keys[0])).resolves.toMatchObject({ tokenId: response.body.tokenId });
  });

  it('lets the token live as long as the caller token at most', async () => {
    const shortLived = await t.issuer.appToken({ expiresInSeconds: 300 });
    const response = await generate({ datasets: [{ id: sampleIds.kpiPush.datasetId }], lifetimeInMinutes: 60 }, shortLived);
    expect(Date.parse(response.body.expiration) - Date.now()).toBeLessThanOrEqual(300_000);
  });

  it.each([
    [
      'an RLS dataset without identity (service principal)',
      { reports: [{ id: budget.reportId }] },
      /requires effective identity to be provided/,
    ],
    [
      'an identity without roles where roles are required',
      { datasets: [{ id: budget.datasetId }], identities: [identity([])] },
      /requires roles/,
    ],
    [
      'a role the dataset does not define',
      { datasets: [{ id: budget.datasetId }], identities: [identity(['Nope'])] },
      /Role 'Nope' does not exist/,
    ],
    [
      'an identity for a dataset without RLS',
      { datasets: [{ id: sampleIds.kpiPush.datasetId }], identities: [identity(['X'], [sampleIds.kpiPush.datasetId])] },
      /shouldn't have effective identity/,
    ],
    [
      'two identities for one dataset',
      { datasets: [{ id: budget.datasetId }], identities: [identity(['AllData']), identity(['AllData'])] },
      /multiple identities/,
    ],
    [
      'an identity without datasets',
      { datasets: [{ id: budget.datasetId }], identities: [identity(['AllData'], [])] },
      /DatasetId is required/,
    ],
    ['more than 50 reports', { reports: Array.from({ length: 51 }, () => ({ id: budget.reportId })) }, /At most 50/],
    ['nothing to embed', {}, /at least one report or dataset/],
  ])('refuses %s with 400', async (_name, body, message) => {
    const response = await generate(body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('InvalidRequest');
    expect(response.body.error.message).toMatch(message);
  });

  it('requires an identity for the KPI Dashboard (RLS on departments), which then filters it to the caller’s departments', async () => {
    const kpi = sampleIds.kpi;
    const without = await generate({ reports: [{ id: kpi.reportId }] });
    expect(without.status).toBe(400);
    expect(without.body.error.message).toMatch(/requires effective identity to be provided/);
    const roles = ['BusinessUnitScope', 'DepartmentScope', 'StoreScope'];
    const response = await generate({ reports: [{ id: kpi.reportId }], identities: [identity(roles, [kpi.datasetId])] });
    expect(response.status).toBe(200);
    const rows = await t.api('POST', `datasets/${kpi.datasetId}/executeQueries`, {
      token: response.body.token,
      scheme: 'EmbedToken',
      body: { queries: [{ query: `EVALUATE VALUES('KpiPoints'[Department])` }] },
    });
    expect(rows.body.results[0].tables[0].rows).toEqual([{ 'KpiPoints[Department]': 'dept-sales' }]);
  });

  it('answers unknown reports with 404 and inaccessible ones with 401', async () => {
    expect((await generate({ reports: [{ id: '00000000-0000-4000-8000-000000000000' }] })).status).toBe(404);
    const user = await t.issuer.userToken('nora.lindqvist@contoso.onmicrosoft.com');
    expect((await generate({ reports: [{ id: budget.reportId }], identities: [identity(['BusinessUnitScope'])] }, user)).status).toBe(401);
  });
});

describe('GenerateToken for one report (V1)', () => {
  const path = `groups/${budget.workspaceId}/reports/${budget.reportId}/GenerateToken`;

  it('issues a View token with an identity', async () => {
    const response = await t.api('POST', path, { token: sp, body: { accessLevel: 'View', identities: [identity(['BusinessUnitScope'])] } });
    expect(response.status).toBe(200);
    const claims = await t.emulator.verifyEmbedToken(response.body.token);
    expect(claims.accessLevel).toBe('View');
    expect(claims.identities[0]?.username).toBe('nora.lindqvist@contoso.onmicrosoft.com');
  });

  it('needs an identity for an RLS dataset from a service principal, not from a master user (who sees all)', async () => {
    expect((await t.api('POST', path, { token: sp, body: { accessLevel: 'View' } })).status).toBe(400);
    const master = await t.issuer.userToken('alex.morgan@contoso.onmicrosoft.com');
    const response = await t.api('POST', path, { token: master, body: { accessLevel: 'View' } });
    expect(response.status).toBe(200);
    const rows = await t.api('POST', `datasets/${budget.datasetId}/executeQueries`, {
      token: response.body.token,
      scheme: 'EmbedToken',
      body: { queries: [{ query: `EVALUATE VALUES('Budget'[BusinessUnit])` }] },
    });
    expect(rows.body.results[0].tables[0].rows).toHaveLength(5);
  });

  it('is 404 for a report of another workspace', async () => {
    const other = `groups/${budget.workspaceId}/reports/${reportIdOf('store-sales', 'Prod')}/GenerateToken`;
    expect((await t.api('POST', other, { token: sp, body: { accessLevel: 'View' } })).status).toBe(404);
  });
});
