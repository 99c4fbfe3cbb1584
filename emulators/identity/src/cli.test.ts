import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { verifierFor } from './test-support/verify';
import { identityCliPath, spawnIdentityProvider } from './testing';

let certsDir: string;

beforeAll(async () => {
  certsDir = await mkdtemp(join(tmpdir(), 'identity-cli-'));
});

afterAll(async () => {
  await rm(certsDir, { recursive: true, force: true });
});

it('prints the authority, issuers and endpoints once discovery answers', async () => {
  const child = spawn(process.execPath, [identityCliPath(), '--certs', certsDir, '--port', '0', '--no-http'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${lines.join('\n')}`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        if (line.includes('CA certificate')) resolve();
      });
    });
  } finally {
    child.kill('SIGTERM');
  }
  const output = lines.join('\n');
  expect(output).toMatch(/Identity provider ready \(tenant 7d3c0b9e-2f4a-4c61-9b8e-5a1f0c2d3e4b\)/);
  expect(output).toMatch(/authority \(msal\) +https:\/\/localhost:\d+\/7d3c0b9e-2f4a-4c61-9b8e-5a1f0c2d3e4b\n/);
  expect(output).toMatch(/issuer v2 +https:\/\/localhost:\d+\/7d3c0b9e-2f4a-4c61-9b8e-5a1f0c2d3e4b\/v2\.0/);
  expect(output).toMatch(/issuer v1 +https:\/\/localhost:\d+\/sts\/7d3c0b9e-2f4a-4c61-9b8e-5a1f0c2d3e4b\//);
  expect(output).toMatch(/browser endpoints +\(disabled\)/);
  expect(output).toContain(join(certsDir, 'ca.pem'));
}, 30_000);

it('rejects a missing --certs with usage', async () => {
  const child = spawn(process.execPath, [identityCliPath()], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(2);
  expect(output).toMatch(/Usage: .*--certs <dir>/);
});

it('keeps its signing key across restarts, so earlier tokens still verify', async () => {
  const first = await spawnIdentityProvider({ certsDir });
  const token = await first.client.userToken('maja.berg@contoso.onmicrosoft.com');
  await first.stop();
  const second = await spawnIdentityProvider({ certsDir });
  try {
    // Free ports were picked, so the issuer moved with the restart; the signature must still verify.
    await expect(verifierFor(second)(token, { issuer: undefined })).resolves.toMatchObject({
      preferred_username: 'maja.berg@contoso.onmicrosoft.com',
    });
  } finally {
    await second.stop();
  }
}, 60_000);
