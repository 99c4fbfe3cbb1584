import type { RpcLogLevel } from '../core/types';

const RANK: Record<RpcLogLevel, number> = { trace: 0, debug: 1, information: 2, warning: 3, error: 4, critical: 5, none: 6 };
const TAG: Record<RpcLogLevel, string> = {
  trace: 'trace: ',
  debug: 'debug: ',
  information: '',
  warning: 'warning: ',
  error: 'error: ',
  critical: 'critical: ',
  none: '',
};

/** One line for the console; `category` follows the host's names (`Function.<name>.User`, `Host.Startup`…). */
export interface LogEntry {
  level: RpcLogLevel;
  category: string;
  message: string;
  functionName?: string;
  invocationId?: string;
}

/** Maps host.json level names (Information, Warning…) to the worker's level names. */
export function parseLogLevel(value: unknown): RpcLogLevel | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'info') return 'information';
  if (lower === 'warn') return 'warning';
  return lower in RANK ? (lower as RpcLogLevel) : undefined;
}

let minimumLevels: Record<string, RpcLogLevel> = {};
let sink: (line: string) => void = (line) => process.stdout.write(`${line}\n`);

/**
 * Applies host.json `logging.logLevel`: the most specific dotted prefix of a category wins,
 * then `default`, then Information — the same lookup the host's logger filter does.
 */
export function configureLogging(logLevel: Record<string, unknown> | undefined, output?: (line: string) => void): void {
  minimumLevels = {};
  for (const [key, value] of Object.entries(logLevel ?? {})) {
    const level = parseLogLevel(value);
    if (level) minimumLevels[key.toLowerCase()] = level;
  }
  if (output) sink = output;
}

function minimumFor(category: string): RpcLogLevel {
  const parts = category.toLowerCase().split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const level = minimumLevels[parts.slice(0, length).join('.')];
    if (level) return level;
  }
  return minimumLevels.default ?? 'information';
}

/** True when an entry of this level and category would be printed. */
export function isLogEnabled(level: RpcLogLevel, category: string): boolean {
  return level !== 'none' && RANK[level] >= RANK[minimumFor(category)];
}

/** Prints one entry, prefixed with time, function name and invocation id when known. */
export function writeLog(entry: LogEntry): void {
  if (!isLogEnabled(entry.level, entry.category)) return;
  const scope = entry.functionName ? `[${entry.functionName}] ${entry.invocationId ? `[${entry.invocationId}] ` : ''}` : '';
  // Multi-line messages (stacks) keep the prefix on the first line only, as func start does.
  sink(`[${new Date().toISOString()}] ${scope}${TAG[entry.level]}${entry.message}`);
}

/** Host-level log line (startup, listeners, admin). */
export function hostLog(level: RpcLogLevel, message: string, category = 'Host.General'): void {
  writeLog({ level, category, message });
}
