import { writeLog } from '../log/logger';
import { hooksFor, registry } from './registry';
import type { HookContext, RpcLogCategory, RpcLogLevel } from './types';

/** Runs the hooks of one kind in registration order, awaiting each, as the worker's executeHooks does. */
export async function executeHooks(hookName: string, context: HookContext): Promise<void> {
  for (const callback of [...hooksFor(hookName)]) await callback(context);
}

/** Builds the read-only hookData/appHookData pair every hook context carries. */
export function hookContext(hookData: Record<string, unknown>, extra: Record<string, unknown> = {}): HookContext {
  const context = { ...extra } as HookContext;
  Object.defineProperty(context, 'hookData', { get: () => hookData, enumerable: true });
  Object.defineProperty(context, 'appHookData', { get: () => registry.appHookData, enumerable: true });
  return context;
}

/** A log line as log hooks see (and may rewrite) it. */
export interface HookedLog {
  level: RpcLogLevel;
  category: RpcLogCategory;
  message: string;
}

/**
 * Passes a log line through `app.hook.log` handlers. They are synchronous by contract; a throwing
 * hook is reported and skipped so that logging can never break an invocation.
 */
export function applyLogHooks(entry: HookedLog, invocationContext: unknown): HookedLog {
  const hooks = registry.hooks.log;
  if (hooks.length === 0) return entry;
  const context = hookContext({}, { ...entry, invocationContext });
  for (const hook of [...hooks]) {
    try {
      void hook(context);
    } catch (error) {
      writeLog({ level: 'error', category: 'Worker', message: `Log hook failed: ${(error as Error)?.stack ?? String(error)}` });
    }
  }
  return { level: context.level as RpcLogLevel, category: entry.category, message: String(context.message) };
}
