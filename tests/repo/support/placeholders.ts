/** Teams Toolkit's `${{VAR}}` placeholder (same pattern as Toolkit's expandEnvironmentVariable). */
const PLACEHOLDER = /\$\{\{ *([a-zA-Z_][a-zA-Z0-9_]*) *\}\}/g;

/** The distinct variable names referenced in `text`, in order of first use. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

/** Replaces every placeholder with its value; throws listing the variables that have none. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  const missing = placeholders(text).filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new Error(`no value for ${missing.join(', ')}`);
  return text.replace(PLACEHOLDER, (_match, name: string) => values[name] as string);
}
