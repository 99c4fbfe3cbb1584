import { StaticTokenSource } from './auth';
import { createPowerBiClient, PowerBiConfigurationError } from './client';
import { list } from './test-support/script-server';
import { ids, useScriptedClient } from './test-support/scripted-client';

const { g, d, r, base } = ids;
const t = useScriptedClient();

describe('workspaces, datasets, reports, capacities', () => {
  it('lists groups with OData options and unwraps value', async () => {
    t.answer(() => list([{ id: g, name: 'Sales [Prod]' }]));
    expect(await t.client.groups.list({ filter: "contains(name,'Sales')", top: 5, skip: 10 })).toEqual([{ id: g, name: 'Sales [Prod]' }]);
    expect(t.last().url).toMatch(/^\/v1\.0\/myorg\/groups\?\$filter=contains\(name%2C(%27|')Sales(%27|')\)&\$top=5&\$skip=10$/);
    expect(t.last().query.get('$filter')).toBe("contains(name,'Sales')");
    expect(t.last().headers.authorization).toBe('Bearer sp-token');
  });

  it('reads datasets in a group and one dataset, camelCasing the swagger PascalCase keys', async () => {
    t.answer((req) =>
      req.path.endsWith('/datasets')
        ? list([{ id: d, isRefreshable: true }])
        : {
            status: 200,
            body: { id: d, IsRefreshable: true, IsEffectiveIdentityRequired: true, Encryption: { EncryptionStatus: 'Unknown' } },
          },
    );
    expect(await t.client.datasets.list(g)).toEqual([{ id: d, isRefreshable: true }]);
    expect(t.last().path).toBe(`${base}/groups/${g}/datasets`);
    expect(await t.client.datasets.get(g, d)).toEqual({
      id: d,
      isRefreshable: true,
      isEffectiveIdentityRequired: true,
      encryption: { encryptionStatus: 'Unknown' },
    });
    expect(t.last().path).toBe(`${base}/groups/${g}/datasets/${d}`);
  });

  it('takes a dataset over with an empty POST', async () => {
    await t.client.datasets.takeOver(g, d);
    expect(t.last()).toMatchObject({ method: 'POST', path: `${base}/groups/${g}/datasets/${d}/Default.TakeOver`, body: undefined });
  });

  it('reads reports in a group and one report; lists capacities', async () => {
    t.answer((req) =>
      req.path.endsWith('/reports') || req.path.endsWith('/capacities')
        ? list([{ id: r }])
        : { status: 200, body: { id: r, embedUrl: 'https://app.powerbi.com/reportEmbed?reportId=x' } },
    );
    expect(await t.client.reports.list(g)).toEqual([{ id: r }]);
    expect(t.last().path).toBe(`${base}/groups/${g}/reports`);
    expect((await t.client.reports.get(g, r)).embedUrl).toContain('reportEmbed');
    expect(t.last().path).toBe(`${base}/groups/${g}/reports/${r}`);
    await t.client.capacities.list();
    expect(t.last().path).toBe(`${base}/capacities`);
  });
});

describe('construction', () => {
  it('needs credentials, and on-behalf-of needs the service principal', () => {
    expect(() => createPowerBiClient({})).toThrow(PowerBiConfigurationError);
    expect(() => t.client.onBehalfOf('user-token')).toThrow(PowerBiConfigurationError);
  });

  it('shares the transport with a client for another caller', async () => {
    const user = t.client.asCaller(new StaticTokenSource('delegated', 'user:ava'));
    expect(user.http).toBe(t.client.http);
    t.answer(() => list([]));
    await user.groups.list();
    expect(t.last().headers.authorization).toBe('Bearer delegated');
  });
});
