import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const { stageFunction, DEFAULT_HOST_JSON } = require('../../infra/scripts/stage-function.js') as {
  stageFunction(root: string, app: string, options?: { install?: boolean; outRoot?: string }): { out: string; vendored: string[] };
  DEFAULT_HOST_JSON: object;
};

/** A miniature npm-workspaces repo: api -> @x/contracts -> @x/util (undeclared, found in dist). */
function fakeRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'planboard-stage-'));
  const write = (path: string, content: unknown): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  };
  write('package.json', { name: 'root', private: true, workspaces: ['util', 'contracts', 'api'] });
  write('util/package.json', {
    name: '@x/util',
    version: '1.0.0',
    main: 'dist/index.js',
    scripts: { build: 'tsc' },
    devDependencies: { typescript: '*' },
  });
  write('util/dist/index.js', 'exports.ok = true;\n');
  write('contracts/package.json', { name: '@x/contracts', version: '0.1.0', main: 'dist/index.js', dependencies: { zod: '^4' } });
  write('contracts/dist/index.js', 'const u = require("@x/util");\nexports.u = u;\n');
  write('contracts/dist/tsconfig.tsbuildinfo', '{}');
  write('api/package.json', {
    name: '@x/api',
    version: '0.2.0',
    main: 'dist/src/functions/*.js',
    dependencies: { '@azure/functions': '^4', '@x/contracts': '*' },
  });
  write(
    'api/dist/src/functions/health.js',
    'const { app } = require("@azure/functions");\nrequire("@x/contracts");\nrequire("./local");\n',
  );
  return root;
}

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('infra/scripts/stage-function.js (deploy packaging for azureFunctions/zipDeploy)', () => {
  let root: string;
  beforeEach(() => {
    root = fakeRepo();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stages dist, host.json and a package.json whose workspace deps point at vendored copies', () => {
    const { out, vendored } = stageFunction(root, 'api', { install: false });
    expect(out).toBe(join(root, 'infra', 'dist', 'functions', 'api'));
    expect(vendored).toEqual(['@x/contracts', '@x/util']);
    expect(existsSync(join(out, 'dist/src/functions/health.js'))).toBe(true);
    expect(readJson(join(out, 'host.json'))).toEqual(DEFAULT_HOST_JSON);
    expect(readJson(join(out, 'package.json'))).toEqual({
      name: '@x/api',
      version: '0.2.0',
      private: true,
      main: 'dist/src/functions/*.js',
      dependencies: { '@azure/functions': '^4', '@x/contracts': 'file:./vendor/x-contracts' },
    });
    expect(readJson(join(out, 'vendor/x-contracts/package.json')).dependencies).toEqual({ zod: '^4', '@x/util': 'file:../x-util' });
    expect(readJson(join(out, 'vendor/x-util/package.json'))).toEqual({
      name: '@x/util',
      version: '1.0.0',
      main: 'dist/index.js',
      dependencies: {},
    });
    expect(existsSync(join(out, 'vendor/x-contracts/dist/tsconfig.tsbuildinfo'))).toBe(false);
  });

  it("keeps the app's own host.json and replaces an earlier staging", () => {
    writeFileSync(join(root, 'api/host.json'), '{"version":"2.0"}');
    const { out } = stageFunction(root, 'api', { install: false });
    writeFileSync(join(out, 'stale.txt'), 'old');
    stageFunction(root, 'api', { install: false });
    expect(readJson(join(out, 'host.json'))).toEqual({ version: '2.0' });
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
  });

  it('refuses to stage an app that has not been built', () => {
    rmSync(join(root, 'api/dist'), { recursive: true });
    expect(() => stageFunction(root, 'api', { install: false })).toThrow(/api\/dist is missing/);
  });
});
