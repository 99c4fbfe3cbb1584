import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './support/files';
import { importViolations, repoImportViolations, sourceFiles, specifiers, workspaceOf, workspaces } from './support/imports';

const { workspaceClosure } = require('../../infra/scripts/stage-function.js') as {
  workspaceClosure(dir: string, workspaces: Map<string, string>): Set<string>;
};

const readJson = (path: string): Record<string, Record<string, string> | string | string[]> =>
  JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, Record<string, string> | string | string[]>;
const packages = workspaces(repoRoot);

describe('workspace packages and their boundaries', () => {
  it("no package imports another package's dist/src (or its src): shared code goes through an entry point", () => {
    expect(repoImportViolations(repoRoot)).toEqual([]);
  });

  it('the check catches deep imports and relative paths into build output', () => {
    const source = [
      "import { refreshStores } from '@planboard/api/dist/src/refresh';",
      "import { sampleUsers } from '@planboard/api/dist/src';",
      "import type { PowerBiClient } from '@planboard/server/src/powerbi';",
      "const sample = require('../../api/dist/src/sample');",
      "jest.mock('../../server/dist/index');",
      "import { z } from 'zod';",
      "import { createPowerBiClient } from '@planboard/server';",
      "import { ensureDevCertificates } from '@planboard/identity/dist/certs';",
      "const path = ['from'];",
      "import { local } from './local';",
      "import { identityFromEnv } from '@planboard/identity/testing';",
    ].join('\n');
    const found = importViolations('bot/src/x.ts', source, packages).map((v) => v.specifier);
    expect(found).toEqual([
      '@planboard/api/dist/src/refresh',
      '@planboard/api/dist/src',
      '@planboard/server/src/powerbi',
      '../../api/dist/src/sample',
      '../../server/dist/index',
      '@planboard/identity/dist/certs',
    ]);
    const typesAndValues = "import type { SchemaObject } from 'openapi3-ts/oas31';\nimport { z } from 'zod';\nconst p = ['from'];";
    expect(specifiers(typesAndValues)).toEqual(['openapi3-ts/oas31', 'zod']);
    expect(specifiers(typesAndValues, { runtime: true })).toEqual(['zod']);
  });

  it('@planboard/server is a workspace built before api, bot and the emulators that use it', () => {
    expect(packages).toContainEqual({ name: '@planboard/server', dir: 'server' });
    const server = readJson('server/package.json');
    expect(server.main).toBe('dist/index.js');
    expect(server.types).toBe('dist/index.d.ts');
    const refs = (path: string): string[] =>
      ((readJson(path).references ?? []) as unknown as { path: string }[]).map((r) => r.path.replace(/^\.\.\/(\.\.\/)?/, ''));
    expect(refs('tsconfig.json')).toContain('server');
    for (const dir of ['api', 'bot', 'emulators/identity', 'emulators/powerbi', 'emulators/stack']) {
      expect({ dir, refs: refs(`${dir}/tsconfig.json`) }).toEqual({ dir, refs: expect.arrayContaining(['server']) });
    }
    expect(refs('bot/tsconfig.json')).not.toContain('api');
  });

  it('every @planboard package a workspace imports is one of its declared dependencies', () => {
    const undeclared: string[] = [];
    for (const file of sourceFiles(repoRoot)) {
      const owner = workspaceOf(file, packages);
      if (!owner || /\.test\.tsx?$|\/test-support\//.test(file)) continue;
      const pkg = readJson(`${owner.dir}/package.json`);
      const declared = { ...(pkg.dependencies as Record<string, string>), ...(pkg.devDependencies as Record<string, string>) };
      for (const spec of specifiers(readFileSync(join(repoRoot, file), 'utf8'))) {
        const name = spec.split('/').slice(0, 2).join('/');
        if (spec.startsWith('@planboard/') && name !== owner.name && !(name in declared)) undeclared.push(`${file}: ${name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('the deployed packages (contracts, server, api, bot) declare every package their code imports', () => {
    const { builtinModules } = require('node:module') as { builtinModules: string[] };
    const undeclared: string[] = [];
    for (const dir of ['contracts', 'server', 'api', 'bot']) {
      const declared = readJson(`${dir}/package.json`).dependencies as Record<string, string>;
      for (const file of sourceFiles(repoRoot, join(repoRoot, dir))) {
        if (/\.test\.tsx?$|\/test-support\//.test(file)) continue;
        for (const spec of specifiers(readFileSync(join(repoRoot, file), 'utf8'), { runtime: true })) {
          if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0] ?? '')) continue;
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
          // Staging installs only `dependencies`: anything else would be missing in Azure.
          if (!(name in declared) && name !== readJson(`${dir}/package.json`).name) undeclared.push(`${file}: ${name}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('the staged api and bot Function App packages vendor @planboard/server', () => {
    const map = new Map(packages.map((p) => [p.name, join(repoRoot, p.dir)]));
    expect([...workspaceClosure(join(repoRoot, 'api'), map)]).toEqual(
      expect.arrayContaining(['@planboard/server', '@planboard/contracts']),
    );
    expect([...workspaceClosure(join(repoRoot, 'bot'), map)]).toEqual(
      expect.arrayContaining(['@planboard/server', '@planboard/contracts']),
    );
    expect([...workspaceClosure(join(repoRoot, 'bot'), map)]).not.toContain('@planboard/api');
  });
});

describe('the Node.js version', () => {
  it('engines declares the Node the Function Apps run (infra), from the release its dependencies need', () => {
    const bicep = readFileSync(join(repoRoot, 'infra/modules/functionapp.bicep'), 'utf8');
    const deployed = /runtime:\s*{\s*name:\s*'node'\s*version:\s*'(\d+)'/.exec(bicep)?.[1];
    expect(deployed).toBe('22');
    // 22.12: the first Node 22 that loads ESM-only packages (jose) from CommonJS without a flag.
    expect((readJson('package.json').engines as Record<string, string>).node).toBe(`>=${deployed}.12`);
    for (const { dir } of packages) {
      const engines = readJson(join(dir, 'package.json')).engines as Record<string, string> | undefined;
      if (engines?.node) expect(`${dir}: ${engines.node}`).toBe(`${dir}: >=${deployed}.12`);
    }
  });
});
