/**
 * Text from data (dataset names, error messages, reasons) on its way into a card or a reply. Cards
 * show data only in `TextRun`s, which Adaptive Cards never read as markdown, and the templating
 * engine expands a template once, so `${…}` inside data stays literal. What is left to do here is
 * to drop control characters and bound the length (Teams refuses cards over ~28 KB).
 */

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Safe card text: no control or bidi-override characters, at most `max` characters (code points). */
export function cardText(value: unknown, max = 300): string {
  const text = String(value ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(controls, '');
  const points = [...text];
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : text;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2 Nov 2026`: a calendar day (UTC fields, as a date without time parses to UTC midnight). */
export function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `November 2026`: a calendar month (UTC, like {@link formatDay}), spelt out as the tab's KPI pages do. */
export function formatMonth(date: Date): string {
  return monthYear.format(date);
}

/** `6 Mar 2026, 06:00 UTC` — one unambiguous form for every reader (cards are shared across time zones). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return 'unknown';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDay(date)}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** `45 s`, `3 min 20 s`, `1 h 5 min`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}
