"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startProcess = startProcess;
exports.outputTail = outputTail;
exports.waitUntil = waitUntil;
exports.httpReady = httpReady;
const node_child_process_1 = require("node:child_process");
/** Starts `command args` in its own process group so that stop() also ends its children. */
function startProcess(name, command, args, options = {}) {
    const { echo = false, ...spawnOptions } = options;
    const child = (0, node_child_process_1.spawn)(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...spawnOptions });
    const tail = [];
    const collect = (chunk) => {
        const text = chunk.toString();
        tail.push(text);
        if (tail.length > 200)
            tail.shift();
        if (echo)
            for (const line of text.split('\n'))
                if (line.trim())
                    process.stdout.write(`[${name}] ${line}\n`);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.outputTail = () => tail.join('');
    const stop = async (signal = 'SIGTERM') => {
        if (child.exitCode !== null || child.signalCode !== null)
            return;
        killGroup(child, signal);
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
    };
    return { name, child, exited, stop };
}
/** The last output lines of a process started by startProcess, for error messages. */
function outputTail(proc) {
    return proc.child.outputTail?.() ?? '';
}
function killGroup(child, signal) {
    if (child.pid === undefined)
        return;
    try {
        process.kill(-child.pid, signal);
    }
    catch {
        try {
            child.kill(signal);
        }
        catch {
            /* already gone */
        }
    }
}
/** Polls `probe` until it resolves true, the process dies, or the timeout passes. */
async function waitUntil(what, probe, options = {}) {
    const { timeoutMs = 60_000, intervalMs = 200 } = options;
    const deadline = Date.now() + timeoutMs;
    let exitCode;
    options.process?.exited.then((code) => (exitCode = code));
    while (Date.now() < deadline) {
        if (exitCode !== undefined) {
            throw new Error(`${what} exited (code ${exitCode}) before it was ready:\n${options.process ? outputTail(options.process) : ''}`);
        }
        if (await probe().catch(() => false))
            return;
        await new Promise((r) => setTimeout(r, intervalMs));
    }
    throw new Error(`${what} was not ready after ${timeoutMs} ms${options.process ? `:\n${outputTail(options.process)}` : ''}`);
}
/** True when GET url answers with a status below 500. */
async function httpReady(url) {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.status < 500;
}
//# sourceMappingURL=processes.js.map