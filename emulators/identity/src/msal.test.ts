import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { verifierFor } from './test-support/verify';
import { spawnIdentityProvider, type EmulatorConfig, type SpawnedIdentityProvider } from './testing';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '..', '..', '..');
const probe = join(__dirname, 'test-support', 'msal-probe.cjs');
const powerBi = 'https://analysis.windows.net/powerbi/api';
const leader = 'nora.lindqvist@contoso.onmicrosoft.com';

/** The msal-node the API depends on, and the one at the root (they are different majors). */
const msalBuilds = [
  ['api', require.resolve('@azure/msal-node', { paths: [join(repoRoot, 'api')] })],
  ['root', require.resolve('@azure/msal-node', { paths: [repoRoot] })],
] as const;

let idp: SpawnedIdentityProvider;
let config: EmulatorConfig;

beforeAll(async () => {
  idp = await spawnIdentityProvider();
  config = await idp.client.config();
}, 60_000);

afterAll(async () => {
  await idp?.stop();
});

function version(entry: string): string {
  const pkg = require(join(dirname(entry), '..', 'package.json')) as { version: string };
  return pkg.version;
}

describe.each(msalBuilds)('@azure/msal-node (%s)', (_name, entry) => {
  it(`acquires client-credential and on-behalf-of tokens against the local authority (msal-node ${version(entry)})`, async () => {
    const api = config.clients.find((client) => client.clientId === config.api.clientId);
    const assertion = await idp.client.userToken(leader);
    const { stdout } = await run(
      process.execPath,
      [probe, entry, idp.urls.authority, config.api.clientId, api?.clientSecret ?? '', assertion],
      {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: idp.caCertPath },
        timeout: 30_000,
      },
    );
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
      cc: string;
      obo: string;
      oboScopes: string[];
      cachedSame: boolean;
    };
    const verify = verifierFor(idp);
    expect(await verify(result.cc, { audience: powerBi })).toMatchObject({ idtyp: 'app', appid: config.api.clientId, ver: '1.0' });
    expect(await verify(result.obo, { audience: powerBi })).toMatchObject({
      idtyp: 'user',
      upn: leader,
      scp: 'Dataset.Read.All Report.Read.All Workspace.Read.All',
      appid: config.api.clientId,
    });
    expect(result.oboScopes).toEqual(expect.arrayContaining([`${powerBi}/Dataset.Read.All`]));
    expect(result.cachedSame).toBe(true);
  }, 40_000);
});

it('fails without NODE_EXTRA_CA_CERTS: the authority really is HTTPS with the local CA', async () => {
  const [, entry] = msalBuilds[0];
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  await expect(
    run(process.execPath, [probe, entry, idp.urls.authority, config.api.clientId, 'x', 'y'], { env, timeout: 30_000 }),
  ).rejects.toMatchObject({
    stderr: expect.stringMatching(/certificate|endpoints_resolution_error|self.signed|network/i),
  });
}, 40_000);
