import { readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Expands `{a,b}` alternatives (non-nested) into separate patterns. */
export function expandBraces(pattern: string): string[] {
  const match = /\{([^{}]*,[^{}]*)\}/.exec(pattern);
  if (!match) return [pattern];
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  return (match[1] ?? '').split(',').flatMap((option) => expandBraces(`${before}${option}${after}`));
}

/** Converts one path segment of a glob (`*`, `?`, `[...]`) into an anchored regular expression. */
export function segmentToRegExp(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i += 1) {
    const char = segment[i] as string;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${segment
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function hasMagic(segment: string): boolean {
  return /[*?[]/.test(segment);
}

function listDir(dir: string): { name: string; isDir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      isDir:
        entry.isDirectory() ||
        (entry.isSymbolicLink() && statSync(join(dir, entry.name), { throwIfNoEntry: false })?.isDirectory() === true),
    }));
  } catch {
    return [];
  }
}

function walk(base: string, relative: string, segments: string[], out: Set<string>): void {
  if (segments.length === 0) return;
  const [segment, ...rest] = segments as [string, ...string[]];
  const dir = join(base, relative);
  if (segment === '**') {
    // `**` matches zero or more directories; node_modules and dot-folders are never searched (as globby's defaults).
    walk(base, relative, rest, out);
    for (const entry of listDir(dir)) {
      if (entry.isDir && !entry.name.startsWith('.') && entry.name !== 'node_modules')
        walk(base, posix.join(relative, entry.name), segments, out);
    }
    return;
  }
  if (!hasMagic(segment)) {
    const candidate = posix.join(relative, segment);
    const stats = statSync(join(base, candidate), { throwIfNoEntry: false });
    if (!stats) return;
    if (rest.length === 0) {
      if (stats.isFile()) out.add(candidate);
    } else if (stats.isDirectory()) walk(base, candidate, rest, out);
    return;
  }
  const regexp = segmentToRegExp(segment);
  for (const entry of listDir(dir)) {
    if (entry.name.startsWith('.') && !segment.startsWith('.')) continue;
    if (!regexp.test(entry.name)) continue;
    const candidate = posix.join(relative, entry.name);
    if (rest.length === 0) {
      if (!entry.isDir) out.add(candidate);
    } else if (entry.isDir) walk(base, candidate, rest, out);
  }
}

/**
 * Expands a glob relative to `cwd` into matching files (posix-style relative paths, sorted),
 * covering what package.json `main` patterns use: `*`, `**`, `?`, `[...]` and `{a,b}`.
 */
export function expandGlob(pattern: string, cwd: string): string[] {
  const out = new Set<string>();
  for (const expanded of expandBraces(pattern.replace(/\\/g, '/').replace(/^\.\//, ''))) {
    walk(
      cwd,
      '',
      expanded.split('/').filter((segment) => segment !== '' && segment !== '.'),
      out,
    );
  }
  return [...out].sort();
}
