import { PowerBiRequestError } from '../errors';
import { ids, useScriptedClient } from '../test-support/scripted-client';

const { g, d, r, base } = ids;
const t = useScriptedClient();

describe('embedding and queries', () => {
  const token = { token: 'H4sI…', tokenId: '44444444-4444-4444-8444-444444444444', expiration: '2030-01-01T00:00:00Z' };

  it('generates a V2 token with effective identities', async () => {
    t.answer(() => ({ status: 200, body: token }));
    const request = {
      reports: [{ id: r }],
      datasets: [{ id: d }],
      targetWorkspaces: [{ id: g }],
      identities: [{ username: 'ava@contoso.com', roles: ['BU Reader'], datasets: [d] }],
      lifetimeInMinutes: 30,
    };
    expect(await t.client.embedTokens.generate(request)).toEqual(token);
    expect(t.last()).toMatchObject({ method: 'POST', path: `${base}/GenerateToken`, body: request });
  });

  it('generates a per-report token (View by default)', async () => {
    t.answer(() => ({ status: 200, body: token }));
    await t.client.embedTokens.generateForReport(g, r);
    expect(t.last()).toMatchObject({ path: `${base}/groups/${g}/reports/${r}/GenerateToken`, body: { accessLevel: 'View' } });
    await t.client.embedTokens.generateForReport(g, r, {
      accessLevel: 'View',
      identities: [{ username: 'ava@contoso.com', roles: ['R'], datasets: [d] }],
    });
    expect(t.last().body).toEqual({ accessLevel: 'View', identities: [{ username: 'ava@contoso.com', roles: ['R'], datasets: [d] }] });
  });

  it('executes a DAX query impersonating the user and returns rows', async () => {
    const rows = [{ 'Budget[Amount]': 10 }];
    t.answer(() => ({ status: 200, body: { results: [{ tables: [{ rows }] }] } }));
    expect(await t.client.queries.rows(g, d, 'EVALUATE Budget', { impersonatedUserName: 'ava@contoso.com', includeNulls: true })).toEqual(
      rows,
    );
    expect(t.last()).toMatchObject({
      path: `${base}/groups/${g}/datasets/${d}/executeQueries`,
      body: {
        queries: [{ query: 'EVALUATE Budget' }],
        serializerSettings: { includeNulls: true },
        impersonatedUserName: 'ava@contoso.com',
      },
    });
    await t.client.queries.execute(g, d, 'EVALUATE X');
    expect(t.last().body).toEqual({ queries: [{ query: 'EVALUATE X' }] });
  });

  it('refuses partial query results that carry an error', async () => {
    t.answer(() => ({
      status: 200,
      body: {
        results: [{ tables: [{ rows: [{ a: 1 }], error: { code: 'QueryResultRowCountLimitExceeded', message: 'too many rows' } }] }],
      },
    }));
    const error = await t.client.queries.rows(g, d, 'EVALUATE Big').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PowerBiRequestError);
    expect(error).toMatchObject({ code: 'QueryResultRowCountLimitExceeded', status: 200 });
  });
});
