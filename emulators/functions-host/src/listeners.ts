import type { FunctionDescriptor } from './catalog/describe';
import type { HostConfig } from './config/host-json';
import { resolveStorageConnection, type Env } from './config/settings';
import type { Invoker } from './core/retry';
import { queueClient } from './queue/queue-clients';
import { QueueListener } from './queue/queue-listener';
import { defaultUseMonitor, parseSchedule, timerTimeZone } from './timer/schedule';
import { ScheduleStatusStore } from './timer/schedule-status';
import { hostTable, TableLease, type HostTable } from './timer/table-lease';
import { TimerListener } from './timer/timer-listener';

/** A started trigger listener. */
export interface Listener {
  readonly fn: FunctionDescriptor;
  start(): unknown;
  stop(): Promise<void>;
}

/** Inputs for {@link createListeners}. */
export interface ListenerContext {
  env: Env;
  config: HostConfig;
  hostId: string;
  /** Unique per host process: the singleton lease owner. */
  owner: string;
  invoker: Invoker;
}

/** Listeners for the functions plus descriptors updated with listener errors (bad schedule, missing connection). */
export interface ListenerSet {
  listeners: Listener[];
  functions: FunctionDescriptor[];
}

function withError(fn: FunctionDescriptor, error: unknown): FunctionDescriptor {
  return { ...fn, error: `The listener for function 'Functions.${fn.name}' was unable to start: ${(error as Error).message}` };
}

/**
 * Builds a TimerListener per timer function (singleton lease and schedule status in the
 * AzureWebJobsStorage account, as the timer extension keeps them there) and a QueueListener per
 * queue function. Disabled and errored functions get no listener.
 */
export function createListeners(functions: readonly FunctionDescriptor[], ctx: ListenerContext): ListenerSet {
  let table: HostTable | undefined;
  try {
    table = hostTable(resolveStorageConnection(undefined, ctx.env));
  } catch {
    table = undefined;
  }
  const timeZone = timerTimeZone(ctx.env.WEBSITE_TIME_ZONE);
  const listeners: Listener[] = [];
  const described = functions.map((fn) => {
    if (fn.disabled || fn.error) return fn;
    try {
      if (fn.timer) {
        const schedule = parseSchedule(fn.timer.schedule, timeZone);
        const useMonitor = fn.timer.useMonitor ?? defaultUseMonitor(schedule);
        const lockId = `Host.Functions.${fn.name}`;
        const lease =
          table && new TableLease(table, ctx.hostId, `${lockId}.Listener`, ctx.owner, ctx.config.singleton.listenerLockPeriodMs);
        const status = table && useMonitor ? new ScheduleStatusStore(table.client, ctx.hostId, `${lockId}.Status`) : undefined;
        listeners.push(new TimerListener(fn, { invoker: ctx.invoker, schedule, lease, status, singleton: ctx.config.singleton }));
      } else if (fn.queue) {
        const connection = resolveStorageConnection(fn.queue.connection, ctx.env);
        const queue = queueClient(connection, fn.queue.queueName);
        const poison = queueClient(connection, `${fn.queue.queueName}-poison`);
        listeners.push(new QueueListener(fn, { invoker: ctx.invoker, settings: ctx.config.queues, queue, poison }));
      }
      return fn;
    } catch (error) {
      return withError(fn, error);
    }
  });
  return { listeners, functions: described };
}
