/**
 * A DAX failure: bad syntax, an unknown name, a type error, or something outside the emulator's
 * subset. executeQueries answers all of these with the documented 400 `DatasetExecuteQueriesError`.
 */
export class DaxError extends Error {}

/** Line and column (1-based) of an offset, as the engine's messages cite them ("Query (1, 10) …"). */
export function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `Query (${before.length}, ${(before.at(-1)?.length ?? 0) + 1})`;
}
