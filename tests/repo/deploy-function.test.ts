import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** unzipper ships no types; only `Open.buffer` is used. */
const { Open } = require('unzipper') as { Open: { buffer(data: Buffer): Promise<{ files: { path: string }[] }> } };

const { zipFolder, publishArgs } = require('../../infra/scripts/deploy-function.js') as {
  zipFolder(folder: string, file: string): Promise<number>;
  publishArgs(target: { resourceGroup: string; name: string; zip: string; subscription?: string }): string[];
};

describe('infra/scripts/deploy-function.js', () => {
  it('zips the staged folder with host.json at the archive root, as the Functions host expects', async () => {
    const root = mkdtempSync(join(tmpdir(), 'planboard-deploy-'));
    mkdirSync(join(root, 'api', 'dist'), { recursive: true });
    writeFileSync(join(root, 'api', 'host.json'), '{"version":"2.0"}');
    writeFileSync(join(root, 'api', 'dist', 'index.js'), 'exports.ok = true;');
    const bytes = await zipFolder(join(root, 'api'), join(root, 'api.zip'));
    expect(bytes).toBeGreaterThan(0);
    const archive = await Open.buffer(readFileSync(join(root, 'api.zip')));
    expect(archive.files.map((file) => file.path).sort()).toEqual(['dist/', 'dist/index.js', 'host.json']);
  });

  it('publishes with the Azure CLI command that uses OneDeploy for Flex Consumption apps', () => {
    expect(publishArgs({ resourceGroup: 'rg', name: 'func-x-api', zip: '/tmp/api.zip', subscription: 'sub' })).toEqual(
      'functionapp deployment source config-zip --resource-group rg --name func-x-api --src /tmp/api.zip --subscription sub'.split(' '),
    );
    expect(publishArgs({ resourceGroup: 'rg', name: 'n', zip: 'z' })).not.toContain('--subscription');
  });
});
