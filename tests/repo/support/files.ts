import { readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';

/** The repository root (tests/repo/support -> ../../..). */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** Reads a repository file by its path relative to the root ("./" and "\" are accepted). */
export type ReadFile = (relPath: string) => string;

/** Normalises "./infra/x.json" and "infra\\x.json" to "infra/x.json". */
export function normalise(relPath: string): string {
  return posix.normalize(relPath.replace(/\\/g, '/')).replace(/^\.\//, '');
}

export const readRepoFile: ReadFile = (relPath) => readFileSync(join(repoRoot, normalise(relPath)), 'utf8');

/**
 * A ReadFile that returns changed content for some files, for tests proving that a checker
 * catches a mistake: each change is the new content or a function of the original.
 */
export function overlay(base: ReadFile, changes: Record<string, string | ((original: string) => string)>): ReadFile {
  const byPath = new Map(Object.entries(changes).map(([path, change]) => [normalise(path), change]));
  return (relPath) => {
    const change = byPath.get(normalise(relPath));
    if (change === undefined) return base(relPath);
    return typeof change === 'string' ? change : change(base(relPath));
  };
}

/** Replaces exactly one occurrence of `search`, failing loudly if the fixture text moved. */
export function replaceOnce(text: string, search: string | RegExp, replacement: string): string {
  const matches =
    typeof search === 'string'
      ? text.split(search).length - 1
      : (text.match(new RegExp(search.source, `${search.flags.replace('g', '')}g`)) ?? []).length;
  if (matches !== 1) throw new Error(`expected exactly one match of ${String(search)}, found ${matches}`);
  return text.replace(search, replacement);
}
