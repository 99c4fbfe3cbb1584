/**
 * A person's display name from their UPN when the directory is not at hand:
 * `maja.berg@contoso.onmicrosoft.com` → "Maja Berg". The signed-in user is "you".
 */
export function nameFromUpn(upn: string, me?: { upn: string; name: string }): string {
  if (me && upn.toLowerCase() === me.upn.toLowerCase()) return 'you';
  const local = upn.split('@')[0] ?? upn;
  const words = local.split(/[._-]+/).filter(Boolean);
  return words.length ? words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ') : upn;
}

const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** When something happened, for people: the time today, else date and time. */
export function whenText(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toDateString() === now.toDateString() ? timeOnly.format(date) : dateTime.format(date);
}
