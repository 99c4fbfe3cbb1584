import { sampleIds } from '@planboard/powerbi-emulator';
import { type Caller, PowerBiRequestError, PowerBiTransientError, type PowerBiClient } from '@planboard/server';
import { Access } from '../access/guard';
import { ApiError } from '../errors';
import { canOpen, catalogEntry, reportCatalog } from './catalog';
import { embedReport } from './embed';
import { listReports } from './list';
import { clearReportMetadata } from './metadata';
import { localReportIds, parseReportSettings } from './settings';

const caller: Caller = {
  tid: 't',
  oid: 'o',
  upn: 'nora@contoso.test',
  name: 'Nora',
  appRoles: [],
  isAdmin: false,
  tokenVersion: '2.0',
  token: '',
};
const nora = new Access(caller, [
  { id: 'sales-north', type: 'businessUnit', name: 'Sales North', level: 'approve' },
  { id: 'store-104233', type: 'store', name: 'Oslo', level: 'approve', parentId: 'sales-north' },
]);
const admin = new Access({ ...caller, upn: 'alex@contoso.test', isAdmin: true, appRoles: ['Admin'] }, []);
const nobody = new Access(caller, []);
const [budget, stores, kpi] = reportCatalog();

/** A Power BI client double: the budget and store datasets have RLS, the KPI push dataset does not. */
function fakeClient(overrides: { reportsGet?: jest.Mock } = {}) {
  const generate = jest.fn(async (_request: unknown) => ({ token: 'embed-token', tokenId: 'id', expiration: '2030-01-01T00:00:00Z' }));
  const client = {
    reports: {
      get:
        overrides.reportsGet ??
        jest.fn(async (groupId: string, reportId: string) => ({
          id: reportId,
          name: `Report ${reportId.slice(0, 4)}`,
          datasetId: `ds-${reportId.slice(0, 4)}`,
          embedUrl: `https://emulator.powerbi.com:7443/reportEmbed?reportId=${reportId}&groupId=${groupId}`,
        })),
    },
    datasets: {
      get: jest.fn(async (_g: string, id: string) => ({
        id,
        name: `Dataset ${id}`,
        isEffectiveIdentityRequired: id !== `ds-${kpi!.reportId.slice(0, 4)}`,
      })),
    },
    groups: { list: jest.fn(async () => [{ id: 'w', name: 'Planboard Budget (Prod)' }]) },
    embedTokens: { generate },
  };
  return { client: client as unknown as PowerBiClient, generate };
}

beforeEach(() => clearReportMetadata());

describe('report catalog', () => {
  it('defaults to the emulator sample reports (Prod)', () => {
    expect(localReportIds).toEqual({
      budget: { workspaceId: sampleIds.budget.workspaceId, reportId: sampleIds.budget.reportId },
      stores: { workspaceId: sampleIds.stores.workspaceId, reportId: sampleIds.stores.reportId },
      kpi: { workspaceId: sampleIds.kpi.workspaceId, reportId: sampleIds.kpi.reportId },
    });
    expect(reportCatalog().map((entry) => [entry.key, entry.scopeType])).toEqual([
      ['budget', 'businessUnit'],
      ['stores', 'store'],
      ['kpi', 'department'],
    ]);
  });

  it('reads ids and the token lifetime from settings, and rejects bad values', () => {
    const settings = parseReportSettings({ REPORT_BUDGET_ID: '11111111-1111-4111-8111-111111111111', REPORT_TOKEN_LIFETIME_MINUTES: '5' });
    expect(reportCatalog(settings)[0]?.reportId).toBe('11111111-1111-4111-8111-111111111111');
    expect(settings.REPORT_TOKEN_LIFETIME_MINUTES).toBe(5);
    expect(() => parseReportSettings({ REPORT_KPI_ID: 'nope' })).toThrow(/REPORT_KPI_ID/);
  });

  it('lets a caller open a report when they read at least one scope of its type; admins open all', () => {
    expect([budget, stores, kpi].map((entry) => canOpen(nora, entry!))).toEqual([true, true, false]);
    expect([budget, stores, kpi].map((entry) => canOpen(admin, entry!))).toEqual([true, true, true]);
    expect([budget, stores, kpi].map((entry) => canOpen(nobody, entry!))).toEqual([false, false, false]);
    expect(catalogEntry(budget!.reportId.toUpperCase())).toEqual(budget);
  });
});

describe('listing', () => {
  it('returns the reports the caller may open with workspace and dataset', async () => {
    const { client } = fakeClient();
    const list = await listReports(client, nora);
    expect(list.reports.map((report) => report.id)).toEqual([budget!.reportId, stores!.reportId]);
    expect(list.reports[0]).toMatchObject({
      scopeType: 'businessUnit',
      workspaceId: budget!.workspaceId,
      workspaceName: 'Planboard Budget (Prod)',
      datasetName: expect.any(String),
    });
  });

  it('leaves out a report whose dataset has no RLS for non-admins (they could not open it), not for admins', async () => {
    const { client } = fakeClient();
    const sales = new Access(caller, [{ id: 'dept-sales', type: 'department', name: 'Sales', level: 'read' }]);
    expect((await listReports(client, sales)).reports).toEqual([]);
    expect((await listReports(client, admin)).reports.map((report) => report.id)).toEqual([
      budget!.reportId,
      stores!.reportId,
      kpi!.reportId,
    ]);
  });

  it('leaves out a report Power BI does not know, and fails with 503 when Power BI is down', async () => {
    const missing = new PowerBiRequestError({ message: 'not found', status: 404, code: 'PowerBIEntityNotFound' });
    const once = jest
      .fn()
      .mockRejectedValueOnce(missing)
      .mockImplementation(async (g: string, r: string) => ({
        id: r,
        datasetId: 'ds',
        embedUrl: `https://x.powerbi.com/reportEmbed?reportId=${r}&groupId=${g}`,
      }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await listReports(fakeClient({ reportsGet: once }).client, nora)).reports).toHaveLength(1);
    const down = jest.fn().mockRejectedValue(new PowerBiTransientError({ message: 'down', code: 'NetworkError' }));
    await expect(listReports(fakeClient({ reportsGet: down }).client, nora)).rejects.toMatchObject({
      status: 503,
      code: 'DependencyUnavailable',
    });
    warn.mockRestore();
  });
});

describe('embedding', () => {
  it("generates a View token with the caller's UPN, their roles and the report's dataset", async () => {
    const { client, generate } = fakeClient();
    const embed = await embedReport(client, nora, budget!);
    expect(embed).toEqual({
      reportId: budget!.reportId,
      embedUrl: expect.stringMatching(/^https:\/\/emulator\.powerbi\.com:7443\/reportEmbed\?/),
      accessToken: 'embed-token',
      expiration: '2030-01-01T00:00:00Z',
    });
    const dataset = `ds-${budget!.reportId.slice(0, 4)}`;
    expect(generate).toHaveBeenCalledWith({
      reports: [{ id: budget!.reportId }],
      datasets: [{ id: dataset }],
      identities: [{ username: 'nora@contoso.test', roles: ['BusinessUnitScope', 'StoreScope'], datasets: [dataset] }],
      lifetimeInMinutes: 60,
    });
  });

  it('gives admins AllData, sends no identity for a dataset without RLS, and honours a shorter lifetime', async () => {
    const { client, generate } = fakeClient();
    await embedReport(client, admin, budget!, { lifetimeMinutes: 1 });
    expect(generate.mock.calls[0]).toEqual([
      expect.objectContaining({ identities: [expect.objectContaining({ roles: ['AllData'] })], lifetimeInMinutes: 1 }),
    ]);
    await embedReport(client, admin, kpi!);
    expect(generate.mock.calls[1]?.[0]).not.toHaveProperty('identities');
  });

  it('refuses (403) a dataset without RLS to a non-admin who reads some of its scopes, without asking for a token', async () => {
    const { client, generate } = fakeClient();
    const sales = new Access(caller, [{ id: 'dept-sales', type: 'department', name: 'Sales', level: 'approve' }]);
    expect(canOpen(sales, kpi!)).toBe(true);
    const refusal = embedReport(client, sales, kpi!);
    await expect(refusal).rejects.toBeInstanceOf(ApiError);
    await expect(refusal).rejects.toMatchObject({
      status: 403,
      code: 'Forbidden',
      message: expect.stringMatching(/no row-level security, so it would show every department/),
    });
    expect(generate).not.toHaveBeenCalled();
  });

  it('refuses (403, in words) a report outside the caller’s scopes without asking Power BI', async () => {
    const { client, generate } = fakeClient();
    const refusal = embedReport(client, nora, kpi!);
    await expect(refusal).rejects.toBeInstanceOf(ApiError);
    await expect(refusal).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/department/) });
    expect(generate).not.toHaveBeenCalled();
  });
});
