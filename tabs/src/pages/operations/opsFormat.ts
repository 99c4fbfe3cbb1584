import { windowsToIana, type CatalogAge, type OperationsModel, type RefreshScheduleView } from '@planboard/contracts';

/** Words for Power BI's refresh statuses (`Unknown` is Power BI's "still running"). */
export const statusLabels: Record<string, string> = {
  Unknown: 'Running',
  Completed: 'Completed',
  Failed: 'Failed',
  Disabled: 'Disabled',
  Cancelled: 'Cancelled',
};
export const statusLabel = (status: string): string => statusLabels[status] ?? status;

export type StatusTone = 'success' | 'danger' | 'informative' | 'warning' | 'subtle';
export function statusTone(status: string): StatusTone {
  if (status === 'Completed') return 'success';
  if (status === 'Failed') return 'danger';
  if (status === 'Unknown') return 'informative';
  if (status === 'Disabled' || status === 'Cancelled') return 'warning';
  return 'subtle';
}

/** Words for Power BI's refresh types. */
const refreshTypes: Record<string, string> = {
  Scheduled: 'Scheduled',
  OnDemand: 'On demand (Power BI)',
  ViaApi: 'Via API',
  ViaEnhancedApi: 'Via enhanced API',
  ViaXmlaEndpoint: 'Via XMLA endpoint',
  OnDemandTraining: 'On demand (training)',
};
export const refreshTypeLabel = (type: string): string => refreshTypes[type] ?? type;

/** "42 s", "3 min 05 s", "1 h 12 min"; a dash when unknown. */
export function durationText(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function agoText(seconds: number): string {
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.floor(hours / 24);
  return `${days} days ago`;
}

/** How old the stored catalog is, for the line above every Operations view. */
export function catalogAgeText(age: CatalogAge | undefined, nowMs: number, fetchedAtMs: number): string {
  if (!age || age.syncedAt === null || age.ageSeconds === null) return 'The catalog has not been read from Power BI yet.';
  // The age was measured when the answer came; it keeps growing while the page is open.
  const seconds = age.ageSeconds + Math.max(0, Math.floor((nowMs - fetchedAtMs) / 1000));
  return `Catalog read from Power BI ${agoText(seconds)}`;
}

/** A date and time in the viewer's locale, e.g. "7 Dec 2026, 14:05". */
export function dateTimeText(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale ?? 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const short = (day: string) => day.slice(0, 3);

function daysText(days: readonly string[]): string {
  const set = new Set(days);
  if (weekdays.every((day) => set.has(day))) return 'Every day';
  if (set.size === 5 && weekdays.slice(0, 5).every((day) => set.has(day))) return 'Weekdays';
  if (set.size === 2 && set.has('Saturday') && set.has('Sunday')) return 'Weekends';
  return weekdays
    .filter((day) => set.has(day))
    .map(short)
    .join(', ');
}

function timesText(times: readonly string[]): string {
  const sorted = [...times].sort();
  if (sorted.length <= 4) return sorted.join(', ');
  return `${sorted.slice(0, 3).join(', ')} and ${sorted.length - 3} more`;
}

/** "Weekdays at 06:00, 18:30 (UTC)"; "Off" when disabled; "No schedule" without one. */
export function scheduleSummary(schedule: RefreshScheduleView | null | undefined): string {
  if (!schedule || schedule.days.length === 0 || schedule.times.length === 0) return schedule && !schedule.enabled ? 'Off' : 'No schedule';
  const text = `${daysText(schedule.days)} at ${timesText(schedule.times)} (${schedule.localTimeZoneId})`;
  return schedule.enabled ? text : `Off (was ${text})`;
}

/** The wall clock of an instant in a Windows time zone: weekday index (0 = Monday) and minutes since midnight. */
function wallClock(nowMs: number, windowsZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: windowsToIana[windowsZone] ?? 'UTC',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(nowMs));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: weekdays.indexOf(part('weekday') as (typeof weekdays)[number]),
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

/** The next scheduled slot after now, in the schedule's own time zone: "Today 18:30", "Tomorrow 06:00", "Wednesday 06:00". */
export function nextSlotText(schedule: RefreshScheduleView | null | undefined, nowMs: number): string | null {
  if (!schedule?.enabled || schedule.days.length === 0 || schedule.times.length === 0) return null;
  const now = wallClock(nowMs, schedule.localTimeZoneId);
  const minutes = schedule.times.map((time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))).sort((a, b) => a - b);
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = weekdays[(now.day + offset) % 7] ?? 'Monday';
    if (!schedule.days.includes(day)) continue;
    const slot = minutes.find((m) => offset > 0 || m > now.minutes);
    if (slot === undefined) continue;
    const time = `${String(Math.floor(slot / 60)).padStart(2, '0')}:${String(slot % 60).padStart(2, '0')}`;
    const when = offset === 0 ? 'Today' : offset === 1 ? 'Tomorrow' : offset === 7 ? `Next ${day}` : day;
    return `${when} ${time}`;
  }
  return null;
}

/** Models are "stale" when refreshable and not refreshed for this long. */
export const staleAfterMs = 48 * 60 * 60_000;
const failedWithinMs = 24 * 60 * 60_000;

export const isRunning = (model: OperationsModel): boolean => model.lastRefresh?.status === 'Unknown';
export const failedRecently = (model: OperationsModel, nowMs: number): boolean =>
  model.lastRefresh?.status === 'Failed' && nowMs - Date.parse(model.lastRefresh.startTime) <= failedWithinMs;
/**
 * Stale: the API's verdict when it gives one (two schedule slots without a success, the rule the
 * bot alerts on); otherwise refreshable with its newest stored refresh older than 48 hours.
 */
export const isStale = (model: OperationsModel, nowMs: number): boolean =>
  model.staleSince !== undefined
    ? model.staleSince !== null
    : model.refreshable && model.lastRefresh !== null && nowMs - Date.parse(model.lastRefresh.startTime) > staleAfterMs;
export const historyNotRead = (model: OperationsModel): boolean => model.refreshable && model.lastRefresh === null;

/** Power BI's storage modes in words. */
const storageModes: Record<string, string> = {
  Abf: 'Import',
  PremiumFiles: 'Import (large model)',
  Push: 'Push',
  DirectQuery: 'DirectQuery',
};
export const storageModeLabel = (mode: string): string => storageModes[mode] ?? mode;

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Who configured a model, in words: Planboard, another app, or the person's sign-in name. */
export function ownerText(configuredBy: string | null | undefined, ownedByPlanboard?: boolean): string {
  if (ownedByPlanboard) return 'Planboard';
  if (!configuredBy) return 'Unknown';
  return guidPattern.test(configuredBy) ? 'An app (service principal)' : configuredBy;
}
