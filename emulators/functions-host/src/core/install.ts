import Module = require('node:module');

/** The name `@azure/functions` requires to find the runtime. */
export const CORE_MODULE_NAME = '@azure/functions-core';

type ResolveFilename = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };
let installed = false;

/**
 * Makes `require('@azure/functions-core')` resolve to our core module file, anywhere in the
 * process. The worker does this with a proxy around `Module.prototype.require`; redirecting the
 * resolution instead keeps `require.resolve` working too, and the module cache then guarantees
 * the app and the host share one registry. Must run before the app's code is loaded.
 */
export function installCoreModule(): string {
  const target = require.resolve('./api');
  if (installed) return target;
  const original = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function resolveFilename(this: unknown, request, parent, isMain, options) {
    if (request === CORE_MODULE_NAME) return target;
    return original.call(this, request, parent, isMain, options);
  };
  installed = true;
  return target;
}
