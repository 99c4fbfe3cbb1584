/** Parses a Teams Toolkit .env file (KEY=VALUE lines, # comments, optional quotes). */
export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    const raw = match[2] ?? '';
    values.set(match[1] as string, /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw);
  }
  return values;
}
