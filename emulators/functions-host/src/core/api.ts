/**
 * The module an app gets for `require('@azure/functions-core')`. On Azure the Node worker provides
 * it (setupCoreModule.ts in azure-functions-nodejs-worker); `install.ts` makes Node resolve the
 * name to this file. Everything `@azure/functions` v4 calls is here and nothing else.
 */
import { basename } from 'node:path';
import { writeLog } from '../log/logger';
import { Disposable } from './disposable';
import { hooksFor, registry } from './registry';
import type { FunctionCallback, FunctionMetadata, HookCallback, ProgrammingModel, RpcLogCategory, RpcLogLevel } from './types';

export { Disposable };

/** Worker version we emulate (the library only feature-checks, e.g. that `log` exists). */
export const version = '3.10.1';
/** Host version reported to the library. */
export const hostVersion = '4.0.0-planboard-emulator';

function systemError(message: string): Error {
  const error = new Error(message);
  (error as Error & { isAzureFunctionsSystemError?: boolean }).isAzureFunctionsSystemError = true;
  return error;
}

/** Registers one function with its bindings; only allowed while the app is starting, as on Azure. */
export function registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): Disposable {
  if (registry.indexingLocked) throw systemError('A function can only be registered during app startup.');
  const functionId = metadata.functionId || metadata.name;
  if (registry.functions.has(functionId)) throw systemError(`A function with id "${functionId}" has already been registered.`);
  const scriptFile = registry.currentEntryPoint;
  registry.functions.set(functionId, { metadata, callback, scriptFile: scriptFile ? basename(scriptFile) : undefined });
  return new Disposable(() => {
    if (registry.indexingLocked) throw systemError('A function can only be disposed during app startup.');
    registry.functions.delete(functionId);
  });
}

/** Adds a hook (appStart, appTerminate, preInvocation, postInvocation, log). */
export function registerHook(hookName: string, callback: HookCallback): Disposable {
  const hooks = hooksFor(hookName);
  hooks.push(callback);
  return new Disposable(() => {
    const index = hooks.indexOf(callback);
    if (index > -1) hooks.splice(index, 1);
  });
}

/** Called by `@azure/functions` the first time the app registers something. */
export function setProgrammingModel(programmingModel: ProgrammingModel): void {
  if (registry.programmingModel) {
    writeLog({
      level: 'information',
      category: 'Worker',
      message: `Setting Node.js programming model to "${programmingModel.name}" version "${programmingModel.version}"`,
    });
  }
  registry.programmingModel = programmingModel;
}

/** The programming model in use (set by the app's copy of `@azure/functions`). */
export function getProgrammingModel(): ProgrammingModel {
  if (!registry.programmingModel) throw systemError('No programming model has been set.');
  return registry.programmingModel;
}

/** System log from the library outside of an invocation. */
export function log(level: RpcLogLevel, category: RpcLogCategory, message: string): void {
  writeLog({ level, category: category === 'user' ? 'Function' : 'Worker', message });
}
