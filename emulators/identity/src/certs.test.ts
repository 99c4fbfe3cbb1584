import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCert } from 'mkcert';
import { ensureDevCertificates } from './certs';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'identity-certs-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Fetches `/` from a TLS server using the given cert, trusting `ca` (or not). */
async function handshake(certs: { cert: string; key: string }, ca: string | undefined, servername = 'localhost'): Promise<number> {
  const server = createServer({ cert: certs.cert, key: certs.key }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<number>((resolve, reject) => {
      get(
        { host: '127.0.0.1', port, path: '/', servername, ca: ca ? [ca] : undefined, headers: { host: `${servername}:${port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      ).on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('ensureDevCertificates', () => {
  it('creates a CA and a server certificate covering localhost, 127.0.0.1 and the extra names', async () => {
    const certs = await ensureDevCertificates(dir, ['emulator.powerbi.com', '*.analysis.windows.net']);
    const ca = new X509Certificate(await readFile(certs.caCertPath, 'utf8'));
    const server = new X509Certificate(await readFile(certs.certPath, 'utf8'));
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('emulator.powerbi.com')).toBeDefined();
    expect(server.checkHost('wabi-north-europe.analysis.windows.net')).toBeDefined();
    expect(certs.hostnames).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '::1', 'emulator.powerbi.com']));
  });

  it('serves TLS that Node trusts with the CA and rejects without it', async () => {
    const certs = await ensureDevCertificates(dir);
    await expect(handshake(certs, certs.ca)).resolves.toBe(200);
    await expect(handshake(certs, undefined)).rejects.toThrow(/self.signed|unable to (get|verify)/i);
  });

  it('reuses valid files and only reissues the server certificate for new names', async () => {
    const first = await ensureDevCertificates(dir);
    const again = await ensureDevCertificates(dir);
    expect(again.cert).toBe(first.cert);
    expect(again.ca).toBe(first.ca);
    const widened = await ensureDevCertificates(dir, ['emulator.powerbi.com']);
    expect(widened.ca).toBe(first.ca);
    expect(widened.cert).not.toBe(first.cert);
  });

  it('keeps several named server certificates under one CA', async () => {
    const identity = await ensureDevCertificates(dir);
    const powerBi = await ensureDevCertificates(dir, ['emulator.powerbi.com'], { name: 'powerbi' });
    expect(powerBi.certPath).toBe(join(dir, 'powerbi.pem'));
    expect(powerBi.ca).toBe(identity.ca);
    expect((await ensureDevCertificates(dir)).cert).toBe(identity.cert);
  });

  it('replaces a server certificate that expires soon', async () => {
    const first = await ensureDevCertificates(dir);
    const shortLived = await createCert({
      ca: { cert: first.ca, key: await readFile(first.caKeyPath, 'utf8') },
      domains: ['localhost', '127.0.0.1', '::1'],
      validity: 5,
    });
    await writeFile(first.certPath, shortLived.cert);
    await writeFile(first.keyPath, shortLived.key);
    const renewed = await ensureDevCertificates(dir);
    expect(renewed.cert).not.toBe(shortLived.cert);
    expect(new Date(new X509Certificate(renewed.cert).validTo).getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);
  });

  it('creates one CA when called concurrently', async () => {
    const results = await Promise.all([
      ensureDevCertificates(dir),
      ensureDevCertificates(dir),
      ensureDevCertificates(dir, [], { name: 'other' }),
    ]);
    expect(new Set(results.map((result) => result.ca)).size).toBe(1);
    for (const result of results) expect(new X509Certificate(result.cert).checkIssued(new X509Certificate(result.ca))).toBe(true);
  });

  it('rejects certificate names that would escape the folder', async () => {
    await expect(ensureDevCertificates(dir, [], { name: '../evil' })).rejects.toThrow(/Invalid certificate name/);
  });
});
