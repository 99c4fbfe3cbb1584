import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { AdminContext } from './admin/admin-api';
import { loadEntryPoints } from './app-loader';
import { describeFunction, type FunctionDescriptor } from './catalog/describe';
import { formatFunctionTable, startupNotes } from './catalog/summary';
import { readHostJson } from './config/host-json';
import { resolveHostId, type Env } from './config/settings';
import { executeHooks, hookContext } from './core/hooks';
import { installCoreModule } from './core/install';
import { invoke, InvocationError, type InvocationInput } from './core/invoke';
import { registry } from './core/registry';
import type { Invoker } from './core/retry';
import type { CorsOptions } from './http/cors';
import { RouteTable } from './http/route-table';
import { createHostServer } from './http/server';
import { createListeners, type Listener } from './listeners';
import { configureLogging, hostLog } from './log/logger';
import { queueInput } from './queue/queue-input';
import { flushQueueOutputs } from './queue/queue-output';
import { timerInput } from './timer/timer-input';

/** Options of {@link startFunctionsHost}. */
export interface FunctionsHostOptions {
  /** Folder with the app's package.json (`main`) and host.json. */
  appDir: string;
  port: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** App settings (default process.env, as on Azure where settings are environment variables). */
  env?: Env;
  cors?: CorsOptions;
}

/** A running host. */
export interface RunningFunctionsHost {
  readonly url: string;
  readonly port: number;
  readonly hostId: string;
  readonly functions: readonly FunctionDescriptor[];
  /** The `func start`-style listing of functions and URLs. */
  readonly summary: string;
  /** Stops listeners, runs appTerminate hooks and closes the server. */
  stop(): Promise<void>;
}

let started = false;

function manualInput(fn: FunctionDescriptor, input: string): InvocationInput {
  if (fn.kind === 'timer') return timerInput(fn, false, undefined);
  if (fn.kind === 'queue') return queueInput(fn, Buffer.from(input, 'utf8'));
  return { inputData: [{ name: fn.triggerName, data: { string: input } }] };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    server.closeIdleConnections();
    // Keep-alive clients must not hold shutdown hostage.
    setTimeout(() => server.closeAllConnections(), 5000).unref();
  });
}

/**
 * Starts the app in this process the way the Functions host + Node worker do: hook the core
 * module, load package.json `main` entry points (functions register through `@azure/functions`),
 * run appStart hooks, lock registration, then serve HTTP routes and start timer and queue
 * listeners. One host per process, because the registry is process-wide like the worker's.
 */
export async function startFunctionsHost(options: FunctionsHostOptions): Promise<RunningFunctionsHost> {
  if (started) throw new Error('A Functions host is already running in this process (one app per process, like the worker).');
  started = true;
  const env = options.env ?? process.env;
  const appDir = resolve(options.appDir);
  const bind = options.host ?? '127.0.0.1';
  const config = readHostJson(appDir);
  configureLogging(config.logLevel);
  const hostId = resolveHostId(appDir, env);
  const instanceId = randomUUID();
  let state: 'Default' | 'Running' | 'Stopping' = 'Default';

  installCoreModule();
  await loadEntryPoints(appDir);
  await executeHooks('appStart', hookContext(registry.appLevelOnlyHookData, { functionAppDirectory: appDir }));
  // Like the worker's init: this locks `app.setup()` and tells us whether HTTP streaming is on.
  const capabilities = (await registry.programmingModel?.getCapabilities?.({})) ?? {};
  registry.indexingLocked = true;

  const invoker: Invoker = async (fn, input, reason) => {
    const outcome = await invoke(fn, input, reason);
    try {
      await flushQueueOutputs(fn, outcome.response, env, config.queues.messageEncoding);
    } catch (error) {
      hostLog('error', `Output bindings of 'Functions.${fn.metadata.name}' failed (Id=${outcome.invocationId}): ${(error as Error).stack}`);
      throw new InvocationError(outcome.invocationId, fn.metadata.name, error);
    }
    return outcome;
  };

  const described = [...registry.functions.values()].map((fn) => describeFunction(fn, config, env));
  const owner = `${hostname()}:${process.pid}:${instanceId}`;
  const { listeners, functions } = createListeners(described, { env, config, hostId, owner, invoker });
  const routes = new RouteTable(functions, config.routePrefix);
  let port = options.port;
  // A wildcard bind address is not something a browser can call; show localhost like func start.
  const shownHost = bind === '0.0.0.0' || bind === '::' ? 'localhost' : bind.includes(':') ? `[${bind}]` : bind;
  const baseUrl = (): string => `http://${shownHost}:${port}`;
  const admin: AdminContext = {
    hostId,
    instanceId,
    startedAt: Date.now(),
    state: () => state,
    functions: () => functions,
    baseUrl,
    invoker,
    manualInput,
  };
  const server = createHostServer({
    routes: () => routes,
    admin,
    invoker,
    cors: options.cors,
    streamUri: () => capabilities.HttpUri,
    listenAddress: () => `${bind}:${port}`,
  });
  port = await listen(server, options.port, bind);

  for (const note of startupNotes(functions)) hostLog('warning', note, 'Host.Startup');
  for (const fn of functions) if (fn.error) hostLog('error', fn.error, 'Host.Startup');
  await Promise.all(listeners.map((listener: Listener) => listener.start()));
  state = 'Running';

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      state = 'Stopping';
      const closed = close(server);
      await Promise.all(listeners.map((listener) => listener.stop()));
      await closed;
      await executeHooks('appTerminate', hookContext(registry.appLevelOnlyHookData)).catch((error: Error) =>
        hostLog('error', `appTerminate hook failed: ${error.stack}`),
      );
    })());

  return { url: baseUrl(), port, hostId, functions, summary: formatFunctionTable(functions, baseUrl()), stop };
}
