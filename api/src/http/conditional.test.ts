import { gunzipSync } from 'node:zlib';
import { HttpRequest } from '@azure/functions';
import { revalidatableJson } from './conditional';

const request = (headers: Record<string, string> = {}) => new HttpRequest({ url: 'http://localhost/api/x', method: 'GET', headers });
const big = (n: number) => JSON.stringify({ lines: Array.from({ length: 2000 }, (_, i) => ({ i, n, text: 'budget line' })) });

describe('revalidatable JSON', () => {
  it('answers 304 when the client has the version, 200 with an ETag otherwise', async () => {
    const first = await revalidatableJson(request(), big(1));
    const etag = (first.headers as Record<string, string>).ETag!;
    expect(first.status).toBe(200);
    expect((await revalidatableJson(request({ 'if-none-match': etag }), big(1))).status).toBe(304);
    expect((await revalidatableJson(request({ 'if-none-match': etag }), big(2))).status).toBe(200);
  });

  it('compresses a version once for every request that accepts gzip, and never mixes versions', async () => {
    const gzip = { 'accept-encoding': 'gzip, br' };
    const [a, b] = await Promise.all([revalidatableJson(request(gzip), big(3)), revalidatableJson(request(gzip), big(3))]);
    expect((a.headers as Record<string, string>)['Content-Encoding']).toBe('gzip');
    // The same Buffer: one compression shared by both requests.
    expect(a.body).toBe(b.body);
    expect(gunzipSync(a.body as Buffer).toString('utf8')).toBe(big(3));
    const other = await revalidatableJson(request(gzip), big(4));
    expect(other.body).not.toBe(a.body);
    expect(gunzipSync(other.body as Buffer).toString('utf8')).toBe(big(4));
    // A client without gzip gets the text itself.
    expect((await revalidatableJson(request(), big(3))).body).toBe(big(3));
  });
});
