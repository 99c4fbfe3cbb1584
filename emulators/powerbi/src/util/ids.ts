import { randomUUID } from 'node:crypto';
import { stableGuid } from '@planboard/server';

/** A fresh GUID, as the service uses for request ids, refresh ids and new entities. */
export function newId(): string {
  return randomUUID();
}

/**
 * A GUID derived from a name, so the sample tenant's workspaces, datasets and reports have the
 * same ids on every machine (other components and docs can refer to them).
 */
export function sampleGuid(name: string): string {
  return stableGuid(`powerbi:${name}`);
}

/** Case-insensitive equality, as Power BI compares names and principal identifiers. */
export function sameText(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}
