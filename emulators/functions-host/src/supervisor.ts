import { fork, type ChildProcess } from 'node:child_process';
import { hostLog } from './log/logger';

/** Environment flag that makes the CLI run as the worker rather than as its supervisor. */
export const WORKER_ROLE_ENV = 'PLANBOARD_FUNC_WORKER';

/** The message a worker sends its supervisor once it serves requests. */
export interface WorkerReady {
  type: 'ready';
}

/** Options of {@link superviseWorker}. */
export interface SupervisorOptions {
  /** Script the worker runs (the CLI itself). */
  script: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** First restart delay; doubles per consecutive quick crash up to {@link maxDelayMs}. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A worker that lived this long resets the back-off. */
  stableAfterMs?: number;
}

/**
 * Azure's Functions host runs the app in a language worker process and starts a new one when the
 * worker dies (out of memory, an uncaught exception in a callback): requests fail while it is
 * down, then are served again. This supervisor does the same for the local host. A worker that
 * dies before it was ever ready is a start-up fault (bad app, bad settings): that ends the
 * supervisor with the worker's exit code instead of looping.
 */
export function superviseWorker(options: SupervisorOptions): { stop(signal: NodeJS.Signals): void; exited: Promise<number> } {
  const initialDelay = options.initialDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 15_000;
  const stableAfter = options.stableAfterMs ?? 30_000;
  let worker: ChildProcess | undefined;
  let stopping = false;
  let everReady = false;
  let restarts = 0;
  let delay = initialDelay;
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));

  const start = (): void => {
    const startedAt = Date.now();
    let ready = false;
    const child = fork(options.script, options.args, {
      env: { ...(options.env ?? process.env), [WORKER_ROLE_ENV]: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    worker = child;
    hostLog('information', `Worker process started (pid ${child.pid}).`);
    child.on('message', (message: WorkerReady) => {
      if (message?.type !== 'ready') return;
      ready = true;
      everReady = true;
    });
    child.once('exit', (code, signal) => {
      worker = undefined;
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (stopping) return resolveExit(code ?? (signal ? 1 : 0));
      if (!ready && !everReady) {
        hostLog('error', `Worker process (pid ${child.pid}) exited with ${how} before it was ready; not restarting.`);
        return resolveExit(code || 1);
      }
      if (Date.now() - startedAt >= stableAfter) delay = initialDelay;
      restarts += 1;
      hostLog(
        'warning',
        `Worker process (pid ${child.pid}) exited with ${how}. Restarting the worker in ${delay} ms (restart ${restarts}).`,
      );
      setTimeout(() => (stopping ? resolveExit(code ?? 1) : start()), delay);
      delay = Math.min(delay * 2, maxDelay);
    });
  };

  start();
  return {
    exited,
    stop(signal) {
      stopping = true;
      if (worker) worker.kill(signal);
      else resolveExit(0);
    },
  };
}

/**
 * In a worker, from its start: end when the supervisor is gone (its IPC channel closes even when
 * it was SIGKILLed), so no orphan keeps the port.
 */
export function exitWithSupervisor(): void {
  process.once('disconnect', () => {
    hostLog('warning', 'The supervisor is gone: stopping the worker.');
    process.exit(1);
  });
}

/** In a worker: tell the supervisor it serves requests (from then on, a crash means a restart). */
export function reportWorkerReady(): void {
  process.send?.({ type: 'ready' } satisfies WorkerReady);
}
