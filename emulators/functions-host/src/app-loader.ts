import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registry } from './core/registry';
import { writeLog } from './log/logger';
import { expandGlob } from './util/glob';

/** The fields of the app's package.json the worker reads. */
export interface AppPackageJson {
  main?: string;
  type?: string;
  name?: string;
}

// tsc rewrites `import()` to `require()` for CommonJS output; ESM entry points need the real thing.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/** Reads `<appDir>/package.json`; a missing or broken file counts as `{}` (the worker only warns). */
export function readAppPackageJson(appDir: string): AppPackageJson {
  try {
    return JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as AppPackageJson;
  } catch (error) {
    writeLog({ level: 'warning', category: 'Worker', message: `Worker failed to load package.json: ${(error as Error).message}` });
    return {};
  }
}

function isEsModule(file: string, pkg: AppPackageJson): boolean {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  return pkg.type === 'module';
}

/**
 * Loads the app's entry points the way the Node worker's startApp does: package.json `main` may be
 * a glob, every match is required (or imported for ESM) in order, and the functions they register
 * through `@azure/functions` land in the core registry. Errors name the failing entry point.
 */
export async function loadEntryPoints(appDir: string): Promise<string[]> {
  const root = resolve(appDir);
  const pkg = readAppPackageJson(root);
  if (!pkg.main) throw new Error(`No "main" in ${join(root, 'package.json')}: the v4 programming model needs it to find the functions.`);
  const files = expandGlob(pkg.main, root);
  if (files.length === 0) {
    const reason = /[*?[{]/.test(pkg.main) ? 'Found zero files matching the supplied pattern' : 'File does not exist';
    throw new Error(`Worker was unable to load entry point "${pkg.main}": ${reason}`);
  }
  for (const file of files) {
    const fullPath = join(root, file);
    registry.currentEntryPoint = fullPath;
    try {
      writeLog({ level: 'debug', category: 'Worker', message: `Loading entry point file "${file}"` });
      if (isEsModule(fullPath, pkg)) await importModule(pathToFileURL(fullPath).href);
      else require(fullPath);
    } catch (error) {
      const wrapped = new Error(`Worker was unable to load entry point "${file}": ${(error as Error)?.message ?? String(error)}`);
      wrapped.stack = `${wrapped.message}\n${(error as Error)?.stack ?? ''}`;
      throw wrapped;
    } finally {
      registry.currentEntryPoint = undefined;
    }
  }
  return files;
}
