import { sampleIds } from '../seed/sample-ids';
import { startTestEmulator, type TestEmulator } from '../testing/harness';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

const groups = 'groups';

describe('authentication', () => {
  it('refuses a request without a token with 401, the error envelope and a challenge', async () => {
    const response = await t.api('GET', groups);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'PowerBINotAuthorizedException', message: expect.any(String) } });
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(response.headers.get('requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a token for another audience, from another issuer, with a foreign key, or expired', async () => {
    const wrongAudience = await t.issuer.appToken({ audience: 'https://graph.microsoft.com' });
    expect((await t.api('GET', groups, { token: wrongAudience })).status).toBe(401);
    const wrongIssuer = await t.issuer.sign({
      aud: 'https://analysis.windows.net/powerbi/api',
      iss: 'https://evil.example/',
      idtyp: 'app',
      appid: 'x',
    });
    expect((await t.api('GET', groups, { token: wrongIssuer })).status).toBe(401);
    const foreignKey = await t.issuer.sign(
      { aud: 'https://analysis.windows.net/powerbi/api', idtyp: 'app', appid: 'x' },
      { key: 'foreign' },
    );
    expect((await t.api('GET', groups, { token: foreignKey })).status).toBe(401);
    const expired = await t.issuer.appToken({ expiresInSeconds: -600 });
    const response = await t.api('GET', groups, { token: expired });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('TokenExpired');
    expect((await t.api('GET', groups, { token: 'not-a-jwt' })).status).toBe(401);
  });

  it('accepts service principal and user tokens and tells them apart', async () => {
    const sp = await t.issuer.appToken();
    expect((await t.api('GET', groups, { token: sp })).status).toBe(200);
    // The SP owns the Prod budget dataset; a user does not, and is not a member of the Operations workspace.
    const user = await t.issuer.userToken('nora.lindqvist@contoso.onmicrosoft.com');
    const visible = await t.api('GET', groups, { token: user });
    expect(visible.status).toBe(200);
    expect(visible.body.value).toEqual([]);
    const log = t.emulator.requestLog.list();
    expect(log.at(-2)).toMatchObject({ caller: '10ca1a00-0000-4000-8000-000000000003', callerKind: 'app', status: 200 });
    expect(log.at(-1)).toMatchObject({ caller: 'nora.lindqvist@contoso.onmicrosoft.com', callerKind: 'user' });
  });

  it('checks delegated scopes against the operation (403 without one of them)', async () => {
    const readOnly = await t.issuer.userToken('alex.morgan@contoso.onmicrosoft.com', { scopes: ['Dataset.Read.All'] });
    expect((await t.api('GET', groups, { token: readOnly })).status).toBe(403);
    const path = `groups/${sampleIds.budget.workspaceId}/datasets/${sampleIds.budget.datasetId}/refreshes`;
    expect((await t.api('GET', path, { token: readOnly })).status).toBe(200);
    expect((await t.api('POST', path, { token: readOnly, body: {} })).status).toBe(403);
  });

  it('accepts embed tokens only on executeQueries', async () => {
    const sp = await t.issuer.appToken();
    const { body } = await t.api('POST', 'GenerateToken', { token: sp, body: { datasets: [{ id: sampleIds.kpiPush.datasetId }] } });
    const embed = body.token as string;
    expect((await t.api('GET', groups, { token: embed, scheme: 'EmbedToken' })).status).toBe(401);
    expect((await t.api('GET', groups, { token: embed })).status).toBe(401);
    const query = { queries: [{ query: "EVALUATE 'DataPoints'" }] };
    expect(
      (await t.api('POST', `datasets/${sampleIds.kpiPush.datasetId}/executeQueries`, { token: embed, scheme: 'EmbedToken', body: query }))
        .status,
    ).toBe(200);
  });
});
