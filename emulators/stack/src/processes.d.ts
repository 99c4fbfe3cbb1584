import { type ChildProcess, type SpawnOptions } from 'node:child_process';
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
export declare function startProcess(name: string, command: string, args: string[], options?: StartOptions): ManagedProcess;
/** The last output lines of a process started by startProcess, for error messages. */
export declare function outputTail(proc: ManagedProcess): string;
/** Polls `probe` until it resolves true, the process dies, or the timeout passes. */
export declare function waitUntil(what: string, probe: () => Promise<boolean>, options?: {
    timeoutMs?: number;
    intervalMs?: number;
    process?: ManagedProcess;
}): Promise<void>;
/** True when GET url answers with a status below 500. */
export declare function httpReady(url: string): Promise<boolean>;
