import { z } from 'zod';

/**
 * Keys that mean something to JavaScript objects. JSON.parse keeps `__proto__` as an own key, but
 * a spread or a merge downstream would turn it into a prototype change, so bodies and queries that
 * carry one are refused outright (not silently dropped: the sender should learn it was refused).
 */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The path (`a.0.b`) of the first forbidden key in a parsed JSON value, at any depth. */
export function findForbiddenKey(value: unknown, path: readonly (string | number)[] = []): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index): [number, unknown] => [index, item])
    : Object.keys(value).map((key): [string, unknown] => [key, (value as Record<string, unknown>)[key]]);
  for (const [key, child] of entries) {
    if (typeof key === 'string' && forbiddenKeys.has(key)) return [...path, key].join('.');
    const found = findForbiddenKey(child, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Earliest and latest instants a date input may name: JavaScript dates reach further, storage and ISO text do not. */
export const dateRange = { min: Date.UTC(1970, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) } as const;

/** An ISO 8601 date-time (as the API returns them) within {@link dateRange}. */
export const isoInstantSchema = z
  .string()
  .max(64)
  .refine((value) => {
    const time = Date.parse(value);
    return Number.isFinite(time) && time >= dateRange.min && time <= dateRange.max;
  }, 'must be a date-time between 1970 and 9999 returned by this API');
