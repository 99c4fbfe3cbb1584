import { stores } from '@planboard/server';
import { datasetIdOf, sampleIds } from '../seed/sample-ids';
import { everyone } from '../seed/security';
import { startTestEmulator, type TestEmulator } from '../testing/harness';

let t: TestEmulator;
let sp: string;
beforeAll(async () => {
  t = await startTestEmulator();
  sp = await t.issuer.appToken();
});
afterAll(() => t.stop());

const nora = 'nora.lindqvist@contoso.onmicrosoft.com';
const byBu = `EVALUATE SUMMARIZECOLUMNS('Budget'[BusinessUnit], "Total", SUM('Budget'[BudgetAmount])) ORDER BY 'Budget'[BusinessUnit]`;
const tenantLevel = `datasets/${sampleIds.budget.datasetId}/executeQueries`;
const groupLevel = `groups/${sampleIds.budget.workspaceId}/${tenantLevel}`;

async function query(path: string, token: string, text: string, extra: Record<string, unknown> = {}, scheme?: string) {
  return t.api('POST', path, { token, ...(scheme ? { scheme } : {}), body: { queries: [{ query: text }], ...extra } });
}

function units(body: { results: { tables: { rows: Record<string, unknown>[] }[] }[] }): unknown[] {
  return body.results[0]?.tables[0]?.rows.map((row) => row['Budget[BusinessUnit]']) ?? [];
}

describe('executeQueries', () => {
  it('returns {results:[{tables:[{rows}]}]} with Table[Column] and [Measure] keys', async () => {
    const user = await t.issuer.userToken(nora);
    const response = await query(tenantLevel, user, byBu);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      results: [{ tables: [{ rows: [{ 'Budget[BusinessUnit]': 'sales-north', '[Total]': expect.any(Number) }] }] }],
    });
  });

  it('applies dynamic RLS to a user with dataset permission only (tenant-level route); the group route needs membership', async () => {
    const user = await t.issuer.userToken(nora);
    const actuals = await query(
      tenantLevel,
      user,
      `EVALUATE SUMMARIZECOLUMNS('Actuals'[BusinessUnit], 'Actuals'[Quarter], "Sales", SUM('Actuals'[ActualSales]))`,
    );
    expect(actuals.body.results[0].tables[0].rows).toHaveLength(4);
    expect(new Set(actuals.body.results[0].tables[0].rows.map((row: Record<string, unknown>) => row['Actuals[BusinessUnit]']))).toEqual(
      new Set(['sales-north']),
    );
    expect((await query(groupLevel, user, byBu)).status).toBe(401);
    const manager = await t.issuer.userToken('morgan.lee@contoso.onmicrosoft.com');
    expect(units((await query(groupLevel, manager, byBu)).body)).toEqual(['marketing', 'sales-north', 'sales-south']);
  });

  it('needs Build (ReadExplore) on the dataset, not only Read: a plain Read permission is refused with 401', async () => {
    const admin = await t.issuer.userToken('alex.morgan@contoso.onmicrosoft.com');
    const users = `groups/${sampleIds.budget.workspaceId}/datasets/${sampleIds.budget.datasetId}/users`;
    const setEveryone = (right: string) =>
      t.api('PUT', users, {
        token: admin,
        body: { identifier: everyone.identifier, principalType: 'Group', datasetUserAccessRight: right },
      });
    expect((await setEveryone('Read')).status).toBe(200);
    try {
      const refused = await query(tenantLevel, await t.issuer.userToken(nora), byBu);
      expect(refused.status).toBe(401);
      expect(JSON.stringify(refused.body)).toMatch(/Build permission/);
      // Workspace editors have Build through their role.
      expect((await query(groupLevel, admin, byBu)).status).toBe(200);
    } finally {
      expect((await setEveryone('ReadExplore')).status).toBe(200);
    }
    expect((await query(tenantLevel, await t.issuer.userToken(nora), byBu)).status).toBe(200);
  });

  it('lets workspace members see everything or impersonate; RLS-bound users cannot impersonate', async () => {
    const admin = await t.issuer.userToken('alex.morgan@contoso.onmicrosoft.com');
    expect(units((await query(groupLevel, admin, byBu)).body)).toHaveLength(5);
    expect(units((await query(groupLevel, admin, byBu, { impersonatedUserName: nora })).body)).toEqual(['sales-north']);
    const user = await t.issuer.userToken(nora);
    expect((await query(tenantLevel, user, byBu, { impersonatedUserName: 'alex.morgan@contoso.onmicrosoft.com' })).status).toBe(401);
  });

  it('refuses a service principal on an RLS dataset (401), with or without impersonatedUserName; allows it elsewhere', async () => {
    const refused = await query(groupLevel, sp, byBu, { impersonatedUserName: nora });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('PowerBINotAuthorizedException');
    const archive = `groups/${sampleIds.budget.workspaceId}/datasets/${datasetIdOf('budget-archive', 'Prod')}/executeQueries`;
    const response = await query(archive, sp, `EVALUATE TOPN(3, 'Archive')`, { impersonatedUserName: nora });
    expect(response.status).toBe(200);
    expect(response.body.results[0].tables[0].rows).toHaveLength(3);
  });

  it('applies static and dynamic roles from embed token identities', async () => {
    const generate = async (username: string, roles: string[]) =>
      (
        await t.api('POST', 'GenerateToken', {
          token: sp,
          body: {
            datasets: [{ id: sampleIds.budget.datasetId }],
            identities: [{ username, roles, datasets: [sampleIds.budget.datasetId] }],
          },
        })
      ).body.token as string;
    const dynamic = await generate('sofia.rossi@contoso.onmicrosoft.com', ['BusinessUnitScope', 'StoreScope', 'DepartmentScope']);
    expect(units((await query(tenantLevel, dynamic, byBu, {}, 'EmbedToken')).body)).toEqual(['sales-south']);
    const fixed = await generate('whoever@contoso.onmicrosoft.com', ['SalesNorthOnly']);
    expect(units((await query(groupLevel, fixed, byBu)).body)).toEqual(['sales-north']);
    const all = await generate('admin@contoso.onmicrosoft.com', ['AllData']);
    expect(units((await query(tenantLevel, all, byBu, {}, 'EmbedToken')).body)).toHaveLength(5);
    const other = `datasets/${sampleIds.stores.datasetId}/executeQueries`;
    expect((await query(other, all, `EVALUATE 'Store'`, {}, 'EmbedToken')).status).toBe(404);
  });

  it('answers DAX outside the subset with the documented 400 DatasetExecuteQueriesError', async () => {
    const user = await t.issuer.userToken(nora);
    for (const text of [`EVALUATE GENERATESERIES(1, 10)`, `SELECT * FROM Budget`, `EVALUATE 'NoSuchTable'`]) {
      const response = await query(tenantLevel, user, text);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: {
          code: 'DatasetExecuteQueriesError',
          'pbi.error': {
            code: 'DatasetExecuteQueriesError',
            parameters: {},
            details: [
              { code: 'DetailsMessage', detail: { type: 1, value: expect.any(String) } },
              { code: 'AnalysisServicesErrorCode', detail: { type: 1, value: '3239575574' } },
            ],
          },
        },
      });
    }
  });

  it('takes one query per call and one table per query (partial result with an error)', async () => {
    const user = await t.issuer.userToken(nora);
    const two = await t.api('POST', tenantLevel, {
      token: user,
      body: { queries: [{ query: 'EVALUATE Budget' }, { query: 'EVALUATE Actuals' }] },
    });
    expect(two.status).toBe(400);
    const tables = await query(tenantLevel, user, `EVALUATE TOPN(2, 'Budget') EVALUATE 'Actuals'`);
    expect(tables.status).toBe(200);
    expect(tables.body.results[0].tables[0].rows).toHaveLength(2);
    expect(tables.body.results[0].error).toEqual({ code: 'DatasetExecuteQueriesError', message: 'More than one result table in a query' });
  });

  it('omits nulls unless serializerSettings.includeNulls', async () => {
    const user = await t.issuer.userToken(nora);
    const text = `EVALUATE ROW("a", BLANK(), "b", 1)`;
    expect((await query(tenantLevel, user, text)).body.results[0].tables[0].rows).toEqual([{ '[b]': 1 }]);
    expect((await query(tenantLevel, user, text, { serializerSettings: { includeNulls: true } })).body.results[0].tables[0].rows).toEqual([
      { '[a]': null, '[b]': 1 },
    ]);
  });

  it('lets a Build-only user query the store dataset: stores of their BU plus directly granted stores', async () => {
    const user = await t.issuer.userToken('sofia.rossi@contoso.onmicrosoft.com');
    const response = await query(`datasets/${sampleIds.stores.datasetId}/executeQueries`, user, `EVALUATE VALUES('Store'[StoreNumber])`);
    const south = stores.filter((store) => store.parentId === 'sales-south').map((store) => store.id.replace(/^store-/, ''));
    expect(south).toHaveLength(20);
    expect(response.body.results[0].tables[0].rows.map((row: Record<string, string>) => row['Store[StoreNumber]']).sort()).toEqual(
      south.sort(),
    );
  });
});
