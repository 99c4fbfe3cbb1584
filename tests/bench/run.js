#!/usr/bin/env node
/**
 * Runs every `tests/bench/*.bench.ts` (or those whose name contains the first argument):
 * `npm run bench [-- powerbi]`. Benches are TypeScript compiled on load by @swc/core (no build
 * step of their own); they import the built emulators (`npm run bench` builds first) and any
 * source they need. Each module exports `run(): Promise<boolean>`, prints its figures and returns
 * whether its targets were met; the exit code is non-zero if any missed.
 */
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

async function main() {
  const filter = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts') && (!filter || file.includes(filter)))
    .sort();
  if (files.length === 0) throw new Error(`No bench matches ${filter ?? '*.bench.ts'}`);
  const missed = [];
  for (const file of files) {
    console.log(`\n▶ ${file}`);
    const bench = require(join(__dirname, file));
    if (!(await bench.run())) missed.push(file);
  }
  console.log(missed.length ? `\n✗ targets missed: ${missed.join(', ')}` : `\n✓ all ${files.length} bench(es) met their targets`);
  process.exitCode = missed.length ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
