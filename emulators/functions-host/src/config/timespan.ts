/**
 * Parses a .NET TimeSpan as host.json uses them (`hh:mm:ss`, `hh:mm:ss.fff`, `d.hh:mm:ss`) or a
 * plain number of milliseconds. Returns undefined for anything else.
 */
export function parseTimeSpan(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?\s*$/.exec(value);
  if (!match) return undefined;
  const [, minus, days = '0', hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
  const ms =
    Number(days) * 86_400_000 +
    Number(hours) * 3_600_000 +
    Number(minutes) * 60_000 +
    Number(seconds) * 1000 +
    Math.round(Number(`0.${fraction || '0'}`) * 1000);
  return minus ? -ms : ms;
}

/** Formats milliseconds as `hh:mm:ss` (for logs and the admin API). */
export function formatTimeSpan(ms: number): string {
  const total = Math.round(ms / 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}
