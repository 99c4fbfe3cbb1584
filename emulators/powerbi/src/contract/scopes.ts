import type { OperationId } from './operations';
import type { SwaggerOperation } from './swagger';

const scopePattern = /\b[A-Z][A-Za-z]+\.(?:ReadWrite|Read|Create|Execute)(?:\.All)?\b/g;

/**
 * The delegated scopes that let a user call an operation, read from the "Required Scope" section
 * of its swagger description (any one of them suffices; an empty list means no check). Reading
 * them from the contract keeps the emulator and the documentation from drifting apart.
 */
export function requiredScopes(operation: SwaggerOperation): string[] {
  const section = /## Required Scope\s*\n([\s\S]*?)(?=\n##|<br>|$)/.exec(operation.description ?? '');
  return section?.[1] ? [...new Set(section[1].match(scopePattern) ?? [])] : [];
}

/** Scope lists per operation, computed once. */
export type ScopeTable = ReadonlyMap<OperationId, readonly string[]>;
