import type { FunctionDescriptor } from './describe';

/** The "Functions:" listing `func start` prints, with full URLs for HTTP functions. */
export function formatFunctionTable(functions: readonly FunctionDescriptor[], baseUrl: string): string {
  const lines = ['', 'Functions:', ''];
  for (const fn of functions) {
    let detail: string;
    if (fn.error) detail = `(error) ${fn.error}`;
    else if (fn.http) detail = `[${fn.http.methods?.join(',') ?? 'ALL'}] ${baseUrl}${fn.http.path}`;
    else if (fn.timer) detail = `timerTrigger (${fn.timer.schedule}${fn.timer.runOnStartup ? ', runOnStartup' : ''})`;
    else if (fn.queue) detail = `queueTrigger (${fn.queue.queueName})`;
    else detail = fn.triggerType;
    lines.push(`        ${fn.name}: ${detail}${fn.disabled ? ' (disabled)' : ''}`, '');
  }
  return lines.join('\n');
}

const EMULATED_BINDINGS = new Set(['httptrigger', 'timertrigger', 'queuetrigger', 'http', 'queue']);

/**
 * Warnings about what runs differently here than on Azure, one per function and concern, so
 * nobody mistakes "works locally" for "works on Azure".
 */
export function startupNotes(functions: readonly FunctionDescriptor[]): string[] {
  const notes: string[] = [];
  for (const fn of functions) {
    if (fn.http && fn.http.authLevel !== 'anonymous') {
      notes.push(
        `Function '${fn.name}' uses authLevel '${fn.http.authLevel}': keys are not checked locally (as with func start); on Azure the request needs a ${fn.http.authLevel} key.`,
      );
    }
    if (fn.kind === 'other') {
      notes.push(
        `Function '${fn.name}' has a '${fn.triggerType}' trigger, which this local host does not listen to; run it with POST /admin/functions/${fn.name}.`,
      );
    }
    for (const [name, binding] of Object.entries(fn.fn.metadata.bindings)) {
      if (name === fn.triggerName || EMULATED_BINDINGS.has(String(binding.type).toLowerCase())) continue;
      notes.push(
        `Function '${fn.name}': ${binding.direction === 'out' ? 'output' : 'input'} binding '${name}' of type '${binding.type}' is not emulated locally.`,
      );
    }
  }
  return notes;
}
