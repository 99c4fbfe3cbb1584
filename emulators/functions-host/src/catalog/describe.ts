import type { HostConfig } from '../config/host-json';
import { isFunctionDisabled, resolveSettingExpressions, type Env } from '../config/settings';
import type { RegisteredFunction } from '../core/registry';
import type { RpcBindingInfo } from '../core/types';

/** Trigger families this host knows how to drive. */
export type TriggerKind = 'http' | 'timer' | 'queue' | 'other';

/** Everything the listeners and the admin API need to know about one registered function. */
export interface FunctionDescriptor {
  readonly name: string;
  readonly fn: RegisteredFunction;
  readonly triggerName: string;
  readonly trigger: RpcBindingInfo;
  readonly triggerType: string;
  readonly kind: TriggerKind;
  /** `AzureWebJobs.<name>.Disabled` or left out by host.json `functions`. */
  readonly disabled: boolean;
  /** Indexing error (e.g. an unresolved %SETTING%): the function is listed but never triggered. */
  readonly error?: string;
  readonly http?: { route: string; path: string; methods: string[] | null; authLevel: string };
  readonly timer?: { schedule: string; runOnStartup: boolean; useMonitor?: boolean };
  readonly queue?: { queueName: string; connection?: string };
}

/** True for binding types the library treats as triggers (`...Trigger`). */
export function isTriggerType(type: unknown): boolean {
  return typeof type === 'string' && /trigger$/i.test(type);
}

function kindOf(type: string): TriggerKind {
  switch (type.toLowerCase()) {
    case 'httptrigger':
      return 'http';
    case 'timertrigger':
      return 'timer';
    case 'queuetrigger':
      return 'queue';
    default:
      return 'other';
  }
}

/** Joins the route prefix and a route template into the public path (`/api/items/{id}`). */
export function publicPath(routePrefix: string, route: string): string {
  const template = route.replace(/^~?\/+/, '');
  return `/${[routePrefix, template].filter((part) => part !== '').join('/')}`;
}

/**
 * Derives a descriptor from registered metadata, resolving `%SETTING%` expressions from app
 * settings. A resolution failure becomes `error` (Azure also keeps the host up and reports the
 * function as errored).
 */
export function describeFunction(fn: RegisteredFunction, config: HostConfig, env: Env): FunctionDescriptor {
  const name = fn.metadata.name;
  const entry = Object.entries(fn.metadata.bindings).find(([, binding]) => isTriggerType(binding.type));
  const [triggerName, trigger] = entry ?? ['', { type: 'unknown' } as RpcBindingInfo];
  const triggerType = String(trigger.type);
  const kind = kindOf(triggerType);
  const excluded = config.functions !== undefined && !config.functions.some((allowed) => allowed.toLowerCase() === name.toLowerCase());
  const base = { name, fn, triggerName, trigger, triggerType, kind, disabled: excluded || isFunctionDisabled(name, env) };
  try {
    if (!entry) throw new Error('No trigger binding was registered.');
    if (kind === 'http') {
      const rawRoute = typeof trigger.route === 'string' && trigger.route.trim() ? trigger.route.trim() : name;
      const route = resolveSettingExpressions(rawRoute, env);
      const methods =
        Array.isArray(trigger.methods) && trigger.methods.length > 0 ? trigger.methods.map((m) => String(m).toUpperCase()) : null;
      const authLevel = typeof trigger.authLevel === 'string' ? trigger.authLevel.toLowerCase() : 'function';
      return { ...base, http: { route, path: publicPath(config.routePrefix, route), methods, authLevel } };
    }
    if (kind === 'timer') {
      const schedule = resolveSettingExpressions(String(trigger.schedule ?? ''), env);
      const useMonitor = typeof trigger.useMonitor === 'boolean' ? trigger.useMonitor : undefined;
      return { ...base, timer: { schedule, runOnStartup: trigger.runOnStartup === true, useMonitor } };
    }
    if (kind === 'queue') {
      const queueName = resolveSettingExpressions(String(trigger.queueName ?? ''), env);
      // Azure validates the name at indexing time; an invalid name would otherwise fail on every poll.
      if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(queueName))
        throw new Error(`Invalid queue name '${queueName}': 3-63 lowercase letters, digits and single dashes.`);
      const connection = typeof trigger.connection === 'string' ? trigger.connection : undefined;
      return { ...base, queue: { queueName, connection } };
    }
    return base;
  } catch (error) {
    return { ...base, error: `Error indexing method 'Functions.${name}': ${(error as Error).message}` };
  }
}
