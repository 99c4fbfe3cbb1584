import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureDevCertificates } from '@planboard/identity/certs';
import { sampleDrive } from './seed/sample-drive';
import { startGraphTest, type GraphTest } from './testing/harness';

const run = promisify(execFile);
const probe = join(__dirname, 'test-support', 'graph-client-probe.cjs');

let t: GraphTest;
let caCertPath: string;
beforeAll(async () => {
  const certs = await ensureDevCertificates(join(tmpdir(), 'planboard-test-certs'), ['localhost', '127.0.0.1'], { name: 'graph' });
  caCertPath = certs.caCertPath;
  t = await startGraphTest({ tls: { cert: certs.cert, key: certs.key }, httpsPort: 0 });
});
afterAll(() => t.stop());

describe('@microsoft/microsoft-graph-client against the emulator (HTTPS listener)', () => {
  it('pages children, downloads through the 302, reads delta, retries a 429 after Retry-After and raises GraphError', async () => {
    const { stdout } = await run(
      process.execPath,
      [probe, t.emulator.httpsUrl ?? '', t.emulator.url, await t.appToken(), sampleDrive.id, sampleDrive.salesFolder],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: caCertPath } },
    );
    const seen = JSON.parse(stdout) as {
      names: string[];
      firstFileSize: number;
      downloadedBytes: number;
      initialDeltaCount: number;
      afterDelete: { name: string; deleted: boolean }[];
      retriedCount: number;
      retryMs: number;
      error: { statusCode: number; code: string; requestId: string };
    };
    expect(seen.names).toHaveLength(12);
    expect(seen.downloadedBytes).toBe(seen.firstFileSize);
    expect(seen.initialDeltaCount).toBe(15);
    expect(seen.afterDelete).toContainEqual({ name: seen.names[0], deleted: true });
    // One workbook fewer: the probe deleted it before the throttled listing.
    expect(seen.retriedCount).toBe(11);
    expect(seen.retryMs).toBeGreaterThanOrEqual(1000);
    expect(seen.error).toMatchObject({ statusCode: 404, code: 'itemNotFound', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const statuses = ((await t.control('GET', 'requests')).body.value as { status: number }[]).map((entry) => entry.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(302);
  });
});
