#!/usr/bin/env node
/**
 * `planboard-func --app <dir> --port <n> [--host 127.0.0.1] [--cors <origins>] [--cors-credentials]`
 * App settings and connection strings come from the environment, as app settings do on Azure.
 */
import { parseCors } from './http/cors';
import { startFunctionsHost } from './host';
import { hostLog } from './log/logger';
import { exitWithSupervisor, reportWorkerReady, superviseWorker, WORKER_ROLE_ENV } from './supervisor';

interface CliArgs {
  app: string;
  port: number;
  host: string;
  cors?: string;
  corsCredentials: boolean;
}

const USAGE = 'Usage: planboard-func --app <dir> --port <n> [--host 127.0.0.1] [--cors <origin,...>] [--cors-credentials]';

/** Parses the command line (exported for tests). */
export function parseArgs(argv: string[]): CliArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument '${arg}'.\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (name === 'cors-credentials' || name === 'help') flags.add(name);
    else if (inline !== undefined) values.set(name, inline);
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`Missing value for --${name}.\n${USAGE}`);
      values.set(name, next);
      i += 1;
    }
  }
  if (flags.has('help')) throw new Error(USAGE);
  const app = values.get('app');
  const port = Number(values.get('port') ?? process.env.FUNCTIONS_HTTPWORKER_PORT ?? '7071');
  if (!app) throw new Error(`--app is required.\n${USAGE}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number.\n${USAGE}`);
  return { app, port, host: values.get('host') ?? '127.0.0.1', cors: values.get('cors'), corsCredentials: flags.has('cors-credentials') };
}

/** The supervisor: runs the host in a worker process and restarts it when it crashes. */
function supervise(): void {
  const supervisor = superviseWorker({ script: __filename, args: process.argv.slice(2) });
  let signalled = false;
  const forward = (signal: NodeJS.Signals): void => {
    if (signalled) supervisor.stop('SIGKILL');
    else supervisor.stop(signal);
    signalled = true;
  };
  process.on('SIGTERM', forward);
  process.on('SIGINT', forward);
  supervisor.exited.then((code) => process.exit(code));
}

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  if (process.env[WORKER_ROLE_ENV] !== '1') return supervise();
  exitWithSupervisor();
  process.on('unhandledRejection', (reason) =>
    hostLog('error', `Unhandled promise rejection: ${(reason as Error)?.stack ?? String(reason)}`),
  );
  const host = await startFunctionsHost({
    appDir: args.app,
    port: args.port,
    host: args.host,
    cors: parseCors(args.cors, args.corsCredentials),
  });
  process.stdout.write(`${host.summary}\n`);
  process.stdout.write(`Functions host ready on ${host.url} (${host.functions.length} functions)\n`);
  reportWorkerReady();

  let signalled = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    // A terminal's Ctrl+C reaches the supervisor and the worker both, and the supervisor forwards
    // it too: under a supervisor only it escalates a repeated signal.
    if (signalled && !process.send) process.exit(1);
    if (signalled) return;
    signalled = true;
    hostLog('information', `${signal} received: stopping the Functions host.`);
    host.stop().then(
      () => process.exit(0),
      (error: Error) => {
        hostLog('error', `Shutdown failed: ${error.stack}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`Functions host failed to start: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
