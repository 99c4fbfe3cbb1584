import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandBraces, expandGlob, segmentToRegExp } from './glob';

describe('expandGlob', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'glob-'));
    for (const file of [
      'dist/src/functions/a.js',
      'dist/src/functions/b.js',
      'dist/src/functions/b.js.map',
      'dist/src/functions/nested/c.js',
      'dist/src/index.js',
      'dist/.hidden/x.js',
      'node_modules/m/index.js',
      'index.mjs',
    ]) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('expands * within one folder', () => {
    expect(expandGlob('dist/src/functions/*.js', root)).toEqual(['dist/src/functions/a.js', 'dist/src/functions/b.js']);
  });

  it('expands ** across folders, skipping dot-folders and node_modules', () => {
    expect(expandGlob('**/*.js', root)).toEqual([
      'dist/src/functions/a.js',
      'dist/src/functions/b.js',
      'dist/src/functions/nested/c.js',
      'dist/src/index.js',
    ]);
  });

  it('supports braces, ? and plain paths', () => {
    expect(expandGlob('dist/src/{index,functions/a}.js', root)).toEqual(['dist/src/functions/a.js', 'dist/src/index.js']);
    expect(expandGlob('dist/src/functions/?.js', root)).toEqual(['dist/src/functions/a.js', 'dist/src/functions/b.js']);
    expect(expandGlob('./index.mjs', root)).toEqual(['index.mjs']);
    expect(expandGlob('missing.js', root)).toEqual([]);
  });
});

describe('glob helpers', () => {
  it('expands nested alternatives one brace at a time', () => {
    expect(expandBraces('a/{b,c}/{d,e}.js')).toEqual(['a/b/d.js', 'a/b/e.js', 'a/c/d.js', 'a/c/e.js']);
  });

  it('translates character classes', () => {
    expect(segmentToRegExp('[ab]*.js').test('b1.js')).toBe(true);
    expect(segmentToRegExp('[!ab]*.js').test('a1.js')).toBe(false);
  });
});
