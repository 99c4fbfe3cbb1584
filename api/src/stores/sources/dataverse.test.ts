import { StaticTokenSource } from '@planboard/server';
import { DataverseError, DataverseStoreSource } from './dataverse';

const store = (number: string) => ({
  pb_storenumber: number,
  pb_name: `Store ${number}`,
  pb_location: 'Oslo',
  pb_region: 'Nordics',
  pb_businessunit: 'sales-north',
  pb_manager: 'Ann',
  pb_manageremail: 'ann@contoso.test',
});

/** A scripted Web API: answers in order, recording what was asked. */
function scripted(answers: Response[]) {
  const seen: { url: string; headers: Record<string, string> }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    seen.push({ url, headers: init.headers as Record<string, string> });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next;
  }) as unknown as typeof fetch;
  return { seen, fetchImpl };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('the Dataverse store master client', () => {
  it('selects and filters active stores, pages with Prefer odata.maxpagesize and @odata.nextLink, and waits out a 429', async () => {
    const next = 'https://env.test/api/data/v9.2/pb_stores?$skiptoken=page2';
    const { seen, fetchImpl } = scripted([
      json({ value: [store('104233'), { ...store('12'), pb_storenumber: '12' }], '@odata.nextLink': next }),
      json({ error: { code: '0x80072322', message: 'Number of requests exceeded the limit' } }, 429, { 'retry-after': '2' }),
      json({ value: [store('201001')] }),
    ]);
    const waits: number[] = [];
    const source = new DataverseStoreSource({
      apiUrl: 'https://env.test/api/data/v9.2/',
      tokens: new StaticTokenSource('t'),
      pageSize: 2,
      fetch: fetchImpl,
      sleep: async (ms) => void waits.push(ms),
    });
    const { stores, pages } = await source.activeStores();
    expect(stores.map((row) => row.storeNumber)).toEqual(['104233', '201001']);
    expect(pages).toBe(2);
    expect(waits).toEqual([2000]);
    const first = new URL(seen[0]!.url);
    expect(first.pathname).toBe('/api/data/v9.2/pb_stores');
    expect(first.searchParams.get('$filter')).toBe('statecode eq 0');
    expect(first.searchParams.get('$select')).toContain('pb_storenumber');
    expect(seen.map((request) => request.headers.Prefer)).toEqual(['odata.maxpagesize=2', 'odata.maxpagesize=2', 'odata.maxpagesize=2']);
    expect(seen[1]!.url).toBe(next);
    expect(seen[0]!.headers.Authorization).toBe('Bearer t');
  });

  it('raises Dataverse’s error code and message', async () => {
    const { fetchImpl } = scripted([
      json({ error: { code: '0x8006088a', message: "Resource not found for the segment 'pb_stores'." } }, 404),
    ]);
    const source = new DataverseStoreSource({
      apiUrl: 'https://env.test/api/data/v9.2',
      tokens: new StaticTokenSource('t'),
      fetch: fetchImpl,
    });
    const error = await source.activeStores().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataverseError);
    expect(error).toMatchObject({ status: 404, code: '0x8006088a' });
  });
});
