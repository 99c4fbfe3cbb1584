import type { FunctionCallback, FunctionMetadata, HookCallback, HookData, ProgrammingModel } from './types';

/** A function as registered by the app through `@azure/functions-core`. */
export interface RegisteredFunction {
  readonly metadata: FunctionMetadata;
  readonly callback: FunctionCallback;
  /** Entry point file that was loading when the function registered (like the worker's scriptFile). */
  readonly scriptFile?: string;
}

/** Hook names the worker accepts; anything else is a RangeError there too. */
export const HOOK_NAMES = ['preInvocation', 'postInvocation', 'appStart', 'appTerminate', 'log'] as const;
/** One of {@link HOOK_NAMES}. */
export type HookName = (typeof HOOK_NAMES)[number];

/**
 * Process-wide state behind the core module. One app per process, like one worker per app on Azure,
 * so a module singleton is the honest model (and what lets `require('@azure/functions-core')`
 * from the app and the host share it).
 */
export interface AppRegistry {
  programmingModel?: ProgrammingModel;
  readonly functions: Map<string, RegisteredFunction>;
  readonly hooks: Record<HookName, HookCallback[]>;
  /** Shared across every hook of every scope (the worker's appHookData). */
  readonly appHookData: HookData;
  /** Only seen by appStart/appTerminate hooks (the worker's appLevelOnlyHookData). */
  readonly appLevelOnlyHookData: HookData;
  /** Set once startup is over: registering functions later is an error on Azure. */
  indexingLocked: boolean;
  currentEntryPoint?: string;
}

/** The singleton registry. */
export const registry: AppRegistry = {
  functions: new Map(),
  hooks: { preInvocation: [], postInvocation: [], appStart: [], appTerminate: [], log: [] },
  appHookData: {},
  appLevelOnlyHookData: {},
  indexingLocked: false,
};

/** Returns the callbacks of a hook, throwing like the worker for unknown names. */
export function hooksFor(name: string): HookCallback[] {
  if (!(HOOK_NAMES as readonly string[]).includes(name)) {
    const error = new RangeError(`Unrecognized hook "${name}"`);
    (error as RangeError & { isAzureFunctionsSystemError?: boolean }).isAzureFunctionsSystemError = true;
    throw error;
  }
  return registry.hooks[name as HookName];
}
