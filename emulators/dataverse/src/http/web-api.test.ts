import { stores as sampleStores } from '@planboard/server';
import { storesWithoutSalesData } from '../seed/stores';
import { startDataverseTest, type DataverseTest } from '../testing/harness';

let t: DataverseTest;
beforeAll(async () => {
  t = await startDataverseTest();
});
afterAll(() => t.stop());
afterEach(async () => {
  await t.control('POST', 'reset');
});

/** Follows `@odata.nextLink` with the same Prefer header, as a client must. */
async function allPages(
  first: string,
  prefer?: string,
): Promise<{ pages: number; rows: Record<string, unknown>[]; applied: (string | null)[] }> {
  const rows: Record<string, unknown>[] = [];
  const applied: (string | null)[] = [];
  let next: string | undefined = first;
  let pages = 0;
  while (next) {
    const response = await t.get(next, { prefer });
    expect(response.status).toBe(200);
    applied.push(response.headers.get('preference-applied'));
    rows.push(...response.body.value);
    next = response.body['@odata.nextLink'];
    pages += 1;
  }
  return { pages, rows, applied };
}

describe('store master table (pb_stores)', () => {
  it('holds 40 stores across the sample business units, the sample tenant stores among them', async () => {
    const { rows } = await allPages('pb_stores?$select=pb_storenumber,pb_name,pb_businessunit');
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((row) => row.pb_businessunit))).toEqual(new Set(['sales-north', 'sales-south']));
    for (const store of sampleStores) {
      expect(rows).toContainEqual(
        expect.objectContaining({ pb_storenumber: store.id.slice('store-'.length), pb_name: store.name, pb_businessunit: store.parentId }),
      );
    }
    expect(rows.every((row) => /^\d{6}$/.test(String(row.pb_storenumber)))).toBe(true);
    expect(storesWithoutSalesData.every((number) => rows.some((row) => row.pb_storenumber === number))).toBe(true);
  });

  it('pages with Prefer: odata.maxpagesize, answers Preference-Applied and keeps the query in @odata.nextLink', async () => {
    const first = await t.get('pb_stores?$select=pb_storenumber&$orderby=pb_storenumber asc', { prefer: 'odata.maxpagesize=15' });
    expect(first.body.value).toHaveLength(15);
    const next = new URL(first.body['@odata.nextLink']);
    expect(next.searchParams.get('$select')).toBe('pb_storenumber');
    expect(next.searchParams.get('$skiptoken')).toMatch(/^<cookie pagenumber="2" pagingcookie=".+" istracking="False" \/>$/);
    const { pages, rows, applied } = await allPages('pb_stores?$select=pb_storenumber&$orderby=pb_storenumber asc', 'odata.maxpagesize=15');
    expect(pages).toBe(3);
    expect(applied).toEqual(['odata.maxpagesize=15', 'odata.maxpagesize=15', 'odata.maxpagesize=15']);
    const numbers = rows.map((row) => String(row.pb_storenumber));
    expect(numbers).toEqual([...numbers].sort());
    expect(new Set(numbers).size).toBe(40);
    const unpaged = await t.get('pb_stores?$select=pb_storenumber');
    expect(unpaged.body['@odata.nextLink']).toBeUndefined();
    expect(unpaged.headers.get('preference-applied')).toBeNull();
  });

  it('returns only the $select-ed columns, the primary key and the etag, with a matching @odata.context', async () => {
    const response = await t.get('pb_stores?$select=pb_name,pb_region&$top=1');
    expect(response.headers.get('odata-version')).toBe('4.0');
    expect(response.body['@odata.context']).toBe(`${t.emulator.url}/api/data/v9.2/$metadata#pb_stores(pb_name,pb_region,pb_storeid)`);
    expect(Object.keys(response.body.value[0]).sort()).toEqual(['@odata.etag', 'pb_name', 'pb_region', 'pb_storeid']);
    expect(response.body.value[0]['@odata.etag']).toMatch(/^W\/"\d+"$/);
  });

  it('filters with eq, and, contains (case-insensitive) and counts with $count', async () => {
    const oslo = await t.get("pb_stores?$select=pb_storenumber&$filter=pb_businessunit eq 'sales-north' and contains(pb_name,'oslo')");
    expect(oslo.body.value.map((row: { pb_storenumber: string }) => row.pb_storenumber)).toEqual(['104233']);
    const iberia = await t.get("pb_stores?$select=pb_name&$filter=pb_region eq 'Iberia' and statecode eq 0&$count=true");
    expect(iberia.body['@odata.count']).toBe(8);
    expect(iberia.body.value).toHaveLength(8);
  });

  it('reads one record by id and by the pb_storenumber alternate key', async () => {
    const byKey = await t.get("pb_stores(pb_storenumber='208104')?$select=pb_name");
    expect(byKey.status).toBe(200);
    expect(byKey.body).toMatchObject({
      pb_name: 'Rome Termini',
      '@odata.context': expect.stringMatching(/#pb_stores\(pb_name,pb_storeid\)\/\$entity$/),
    });
    const byId = await t.get(`pb_stores(${byKey.body.pb_storeid})`);
    expect(byId.body.pb_storenumber).toBe('208104');
  });
});

describe('errors', () => {
  it('answers Dataverse error bodies for unknown entity sets, columns, records and bad syntax', async () => {
    const unknownSet = await t.get('pb_shops');
    expect(unknownSet.status).toBe(404);
    expect(unknownSet.body).toEqual({ error: { code: '0x8006088a', message: "Resource not found for the segment 'pb_shops'." } });
    const unknownColumn = await t.get('pb_stores?$select=pb_city');
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body.error).toEqual({
      code: '0x0',
      message: "Could not find a property named 'pb_city' on type 'Microsoft.Dynamics.CRM.pb_store'.",
    });
    const badFilter = await t.get("pb_stores?$filter=pb_name eq 'x' or");
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.code).toBe('0x80060888');
    const missing = await t.get('pb_stores(00000000-0000-0000-0000-000000000000)');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({
      code: '0x80040217',
      message: 'pb_store With Id = 00000000-0000-0000-0000-000000000000 Does Not Exist',
    });
  });

  it('throttles with service-protection 429s and Retry-After until the announced time has passed', async () => {
    await t.control('POST', 'throttle', { retryAfterSeconds: 1, afterRequests: 1 });
    expect((await t.get('pb_stores?$top=1')).status).toBe(200);
    const sentAt = Date.now();
    const refused = await t.get('pb_stores?$top=1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.error).toEqual({
      code: '0x80072322',
      message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
    });
    // Retry until served: every answer before the announced time is a 429, the first 200 comes after it.
    const allowedAt = sentAt + Number(refused.headers.get('retry-after')) * 1000;
    let retry = refused;
    while (retry.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      retry = await t.get('pb_stores?$top=1');
      if (retry.status === 200) expect(Date.now()).toBeGreaterThanOrEqual(allowedAt);
    }
    expect(retry.status).toBe(200);
    const log = (await t.control('GET', 'requests')).body.value as { status: number; retryAfter?: number }[];
    expect(log[0]?.status).toBe(200);
    expect(log.slice(1, -1).every((entry) => entry.status === 429)).toBe(true);
    expect(log.at(-1)?.status).toBe(200);
    expect(log[1]?.retryAfter).toBe(1);
  });
});

describe('token checks', () => {
  it('refuses missing, foreign-audience and expired tokens with 401 and the challenge', async () => {
    const missing = await t.get('pb_stores', { token: '' });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(
      /^Bearer authorization_uri=https:\/\/login\.microsoftonline\.com\/[0-9a-f-]{36}\/oauth2\/authorize, resource_id=https:\/\/contoso-planboard\.crm4\.dynamics\.com\/$/,
    );
    const graphToken = await t.identity.appToken('10ca1a00-0000-4000-8000-000000000001', { resource: 'https://graph.microsoft.com' });
    expect((await t.get('pb_stores', { token: graphToken })).status).toBe(401);
    const expired = await t.identity.mint({
      app: '10ca1a00-0000-4000-8000-000000000001',
      audience: t.emulator.environmentUrl,
      expiresIn: -600,
    });
    expect((await t.get('pb_stores', { token: expired.access_token })).status).toBe(401);
  });

  it('refuses apps that are not application users, and delegated tokens, with 403', async () => {
    const bot = await t.identity.mint({ app: '10ca1a00-0000-4000-8000-000000000004', audience: t.emulator.environmentUrl });
    const refused = await t.get('pb_stores', { token: bot.access_token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('0x80072560');
    const user = await t.identity.userToken('alex.morgan@contoso.onmicrosoft.com', {
      audience: t.emulator.environmentUrl,
      clientId: '10ca1a00-0000-4000-8000-000000000001',
    });
    expect((await t.get('pb_stores', { token: user })).status).toBe(403);
    await t.control('PUT', 'application-users', { appIds: ['10ca1a00-0000-4000-8000-000000000004'] });
    expect((await t.get('pb_stores', { token: bot.access_token })).status).toBe(200);
  });
});

describe('control API', () => {
  it('adds, changes and deletes stores', async () => {
    await t.control('PUT', 'stores/309001', {
      pb_name: 'Vienna Kärntner Straße',
      pb_region: 'Central Europe',
      pb_businessunit: 'sales-south',
    });
    await t.control('PATCH', 'stores/104233', { pb_manager: 'Ola Nordmann' });
    expect((await t.control('DELETE', 'stores/208104')).status).toBe(204);
    const { rows } = await allPages('pb_stores?$select=pb_storenumber,pb_manager');
    expect(rows).toHaveLength(40);
    expect(rows).toContainEqual(expect.objectContaining({ pb_storenumber: '309001' }));
    expect(rows).toContainEqual(expect.objectContaining({ pb_storenumber: '104233', pb_manager: 'Ola Nordmann' }));
    expect(rows.some((row) => row.pb_storenumber === '208104')).toBe(false);
  });
});
