import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A child process started by the stack, killed (with its whole process group) on stop. */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves once the process has exited. */
  readonly exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions extends SpawnOptions {
  /** Print the child's output with a `[name]` prefix (otherwise it is kept for error reports only). */
  echo?: boolean;
}

/** Starts `command args` in its own process group so that stop() also ends its children. */
export function startProcess(name: string, command: string, args: string[], options: StartOptions = {}): ManagedProcess {
  const { echo = false, ...spawnOptions } = options;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...spawnOptions });
  const tail: string[] = [];
  const collect = (chunk: Buffer): void => {
    const text = chunk.toString();
    tail.push(text);
    if (tail.length > 200) tail.shift();
    if (echo) for (const line of text.split('\n')) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  (child as ChildProcess & { outputTail?: () => string }).outputTail = () => tail.join('');
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child, signal);
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { name, child, exited, stop };
}

/** The last output lines of a process started by startProcess, for error messages. */
export function outputTail(proc: ManagedProcess): string {
  return (proc.child as ChildProcess & { outputTail?: () => string }).outputTail?.() ?? '';
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Polls `probe` until it resolves true, the process dies, or the timeout passes. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number; process?: ManagedProcess } = {},
): Promise<void> {
  const { timeoutMs = 60_000, intervalMs = 200 } = options;
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  options.process?.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${what} exited (code ${exitCode}) before it was ready:\n${options.process ? outputTail(options.process) : ''}`);
    }
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${what} was not ready after ${timeoutMs} ms${options.process ? `:\n${outputTail(options.process)}` : ''}`);
}

/** True when GET url answers with a status below 500. */
export async function httpReady(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return response.status < 500;
}
