import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTimeSpan } from './timespan';

/** Queue trigger settings (host.json `extensions.queues`). */
export interface QueueSettings {
  maxPollingIntervalMs: number;
  /** How long a failed message stays invisible before it is retried. */
  visibilityTimeoutMs: number;
  batchSize: number;
  newBatchThreshold: number;
  maxDequeueCount: number;
  messageEncoding: 'base64' | 'none';
}

/** Timer singleton lock settings (host.json `singleton`). */
export interface SingletonSettings {
  listenerLockPeriodMs: number;
  listenerLockRecoveryPollingIntervalMs: number;
}

/** The parts of host.json this host honours, with defaults applied. */
export interface HostConfig {
  routePrefix: string;
  queues: QueueSettings;
  singleton: SingletonSettings;
  logLevel: Record<string, unknown>;
  /** host.json `functions`: when present, only these functions are loaded. */
  functions?: string[];
}

type Json = Record<string, unknown>;

/** Looks a key up case-insensitively, as the host's configuration binder does. */
export function pick(object: unknown, key: string): unknown {
  if (!object || typeof object !== 'object') return undefined;
  const lower = key.toLowerCase();
  for (const [name, value] of Object.entries(object)) if (name.toLowerCase() === lower) return value;
  return undefined;
}

function positiveInt(value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

/**
 * Normalises a parsed host.json. Defaults match Azure except for polling and singleton timings,
 * which are shortened for local work (Azure: maxPollingInterval 1 min, lock recovery 1 min).
 */
export function parseHostJson(raw: unknown): HostConfig {
  const extensions = pick(raw, 'extensions');
  const http = pick(extensions, 'http');
  const queues = pick(extensions, 'queues');
  const singleton = pick(raw, 'singleton');
  const prefix = pick(http, 'routePrefix');
  const batchSize = positiveInt(pick(queues, 'batchSize'), 16, 32);
  const encoding = String(pick(queues, 'messageEncoding') ?? 'base64').toLowerCase();
  const functions = pick(raw, 'functions');
  return {
    routePrefix: typeof prefix === 'string' ? prefix.replace(/^\/+|\/+$/g, '') : 'api',
    queues: {
      maxPollingIntervalMs: Math.max(100, parseTimeSpan(pick(queues, 'maxPollingInterval')) ?? 2000),
      visibilityTimeoutMs: Math.max(0, parseTimeSpan(pick(queues, 'visibilityTimeout')) ?? 0),
      batchSize,
      newBatchThreshold: positiveInt(pick(queues, 'newBatchThreshold'), Math.floor(batchSize / 2) || 1),
      maxDequeueCount: positiveInt(pick(queues, 'maxDequeueCount'), 5),
      messageEncoding: encoding === 'none' ? 'none' : 'base64',
    },
    singleton: {
      listenerLockPeriodMs: Math.max(1000, parseTimeSpan(pick(singleton, 'listenerLockPeriod')) ?? 15_000),
      listenerLockRecoveryPollingIntervalMs: Math.max(200, parseTimeSpan(pick(singleton, 'listenerLockRecoveryPollingInterval')) ?? 5000),
    },
    logLevel: (pick(pick(raw, 'logging'), 'logLevel') as Json | undefined) ?? {},
    functions: Array.isArray(functions) ? functions.map(String) : undefined,
  };
}

/** Reads `<appDir>/host.json` (a missing file means all defaults, like an empty host.json). */
export function readHostJson(appDir: string): HostConfig {
  let text: string;
  try {
    text = readFileSync(join(appDir, 'host.json'), 'utf8');
  } catch {
    return parseHostJson({});
  }
  // host.json may carry a BOM and comments are not allowed on Azure either, so plain JSON.parse.
  return parseHostJson(JSON.parse(text.replace(/^\uFEFF/, '')));
}
