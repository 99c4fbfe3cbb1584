import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** A workspace package of the root package.json: its name and folder (relative, posix). */
export interface Workspace {
  name: string;
  dir: string;
}

/** An import that reaches past another package's public entry point. */
export interface ImportViolation {
  file: string;
  specifier: string;
  reason: string;
}

const SKIP = new Set(['node_modules', 'dist', '.git', '.local', 'coverage', 'build']);
const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;
/** `from '…'`, `import('…')`, `require('…')`, `jest.mock('…')` and bare `import '…'`. */
const SPECIFIER =
  /(?:(?:^|[\s}])from\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bjest\.(?:mock|requireActual)\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;
/** `import type … from '…'` / `export type … from '…'`: erased by the compiler, nothing to install. */
const TYPE_ONLY = /^\s*(?:import|export)\s+type\s[^;]*?from\s*(['"])[^'"]+\1;?/gm;

export function workspaces(root: string): Workspace[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces?: string[] };
  return (pkg.workspaces ?? [])
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => ({
      dir: posix.normalize(dir),
      name: (JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { name: string }).name,
    }));
}

/** Source files under `root` (relative, posix), without dependencies and build output. */
export function sourceFiles(root: string, dir = root): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(root, path));
    else if (SOURCE.test(entry)) found.push(relative(root, path).split(sep).join('/'));
  }
  return found;
}

/** The module specifiers `source` imports; with `runtime`, only those still there at run time (no type-only imports). */
export function specifiers(source: string, { runtime = false } = {}): string[] {
  const code = runtime ? source.replace(TYPE_ONLY, '') : source;
  return [...code.matchAll(SPECIFIER)].map((match) => match[2] ?? '');
}

/**
 * Imports in `file` (its text `source`) that reach into another package's internals: a deep import
 * of a workspace package's compiled or source tree (`@planboard/api/dist/src/refresh`,
 * `@planboard/server/src/powerbi`, `@planboard/identity/dist/certs`) or a relative path into a workspace's build output
 * (`../../api/dist/src/refresh`). Shared code goes through a package's entry point.
 */
export function importViolations(file: string, source: string, packages: Workspace[]): ImportViolation[] {
  const names = new Set(packages.map((p) => p.name));
  const violations: ImportViolation[] = [];
  for (const specifier of specifiers(source)) {
    const parts = specifier.split('/');
    const packageName = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    const subpath = packageName ? specifier.slice(packageName.length + 1) : '';
    // Its build output or sources (`dist/…`, `src/…`); a published subpath entry (`@planboard/identity/testing`) is fine.
    if (packageName && names.has(packageName) && /^(?:dist|src)(?:\/|$)/.test(subpath)) {
      violations.push({ file, specifier, reason: `imports ${packageName}'s internals; use its entry point "${packageName}"` });
      continue;
    }
    if (!specifier.startsWith('.')) continue;
    const target = posix.normalize(posix.join(posix.dirname(file), specifier));
    const into = packages.find((p) => target === `${p.dir}/dist` || target.startsWith(`${p.dir}/dist/`));
    if (into) violations.push({ file, specifier, reason: `reaches into ${into.name}'s build output (${into.dir}/dist)` });
  }
  return violations;
}

/**
 * Every violation in the workspace packages of the repository at `root` (the repository's own
 * tests under tests/ are no package: they may start an emulator from its build output).
 */
export function repoImportViolations(root: string): ImportViolation[] {
  const packages = workspaces(root);
  return sourceFiles(root)
    .filter((file) => workspaceOf(file, packages))
    .flatMap((file) => importViolations(file, readFileSync(join(root, file), 'utf8'), packages));
}

/** The workspace a repository file belongs to, if any. */
export function workspaceOf(file: string, packages: Workspace[]): Workspace | undefined {
  return packages.find((p) => file.startsWith(`${p.dir}/`));
}
