import { alertTopics, type AlertTopic } from '@planboard/contracts';
import { isKnownTimeZone, weekdays, type StoredSchedule } from '@planboard/server';

type Weekday = StoredSchedule['days'][number];

/** A chat command, parsed. */
export type Command =
  | { kind: 'help' }
  | { kind: 'status' }
  | { kind: 'refresh'; dataset: string }
  | { kind: 'scheduleShow'; dataset: string }
  | { kind: 'scheduleSet'; dataset: string; days: Weekday[]; times: string[]; timeZone?: string }
  | { kind: 'subscribe'; topics: AlertTopic[] }
  | { kind: 'unsubscribe'; topics: AlertTopic[] }
  | { kind: 'training' }
  /** A known command with arguments we could not read: answered with its usage. */
  | { kind: 'usage'; command: 'refresh' | 'schedule' | 'subscribe' | 'unsubscribe'; problem: string };

/** How each command is typed (help and usage answers). */
export const usage = {
  refresh: 'refresh ‹dataset›',
  schedule: 'schedule ‹dataset›  ·  schedule ‹dataset› set ‹days› ‹times› [time zone]',
  subscribe: 'subscribe [refresh|plans|kpis|training|data|all]',
  unsubscribe: 'unsubscribe [refresh|plans|kpis|training|data|all]',
} as const;

const dayAliases: Record<string, Weekday> = Object.fromEntries(
  weekdays.flatMap(
    (day) =>
      [
        [day.toLowerCase(), day],
        [day.slice(0, 3).toLowerCase(), day],
      ] as [string, Weekday][],
  ),
);
const dayGroups: Record<string, readonly Weekday[]> = {
  daily: weekdays,
  everyday: weekdays,
  'every-day': weekdays,
  all: weekdays,
  weekdays: weekdays.slice(0, 5),
  workdays: weekdays.slice(0, 5),
  weekends: weekdays.slice(5),
  weekend: weekdays.slice(5),
};

/** `weekdays`, `daily`, `mon,wed,fri`, `mon-fri`: the days in week order, or an error message. */
export function parseDays(text: string): Weekday[] | string {
  const days = new Set<Weekday>();
  for (const part of text.toLowerCase().split(',').filter(Boolean)) {
    const group = dayGroups[part];
    if (group) group.forEach((day) => days.add(day));
    else if (part.includes('-')) {
      const [from, to] = part.split('-').map((name) => dayAliases[name]);
      if (!from || !to) return `"${part}" is not a range of days like mon-fri`;
      const start = weekdays.indexOf(from);
      const end = weekdays.indexOf(to);
      for (let index = start; index !== (end + 1) % 7; index = (index + 1) % 7) days.add(weekdays[index] as Weekday);
    } else {
      const day = dayAliases[part];
      if (!day) return `"${part}" is not a day (use mon, tue, … or weekdays, weekends, daily)`;
      days.add(day);
    }
  }
  return days.size ? weekdays.filter((day) => days.has(day)) : 'give at least one day';
}

/** `06:00,18:30` (or `6:00`): sorted `hh:mm` on :00 or :30, as Power BI requires, or an error message. */
export function parseTimes(text: string): string[] | string {
  const times = new Set<string>();
  for (const part of text.split(',').filter(Boolean)) {
    const match = /^(\d{1,2}):(\d{2})$/.exec(part.trim());
    const hour = Number(match?.[1]);
    if (!match || hour > 23 || (match[2] !== '00' && match[2] !== '30'))
      return `"${part}" is not a time on the hour or half hour like 06:00 or 18:30`;
    times.add(`${String(hour).padStart(2, '0')}:${match[2]}`);
  }
  return times.size ? [...times].sort() : 'give at least one time';
}

function parseTopics(rest: string, command: 'subscribe' | 'unsubscribe'): Command {
  const word = rest.toLowerCase();
  if (!word || word === 'all') return { kind: command, topics: [...alertTopics] };
  // Singular and plural both read naturally ("refreshes", "plan", "kpi").
  const topic = alertTopics.find((item) => [item, `${item}es`, `${item}s`, item.replace(/s$/, '')].includes(word));
  return topic
    ? { kind: command, topics: [topic] }
    : { kind: 'usage', command, problem: `"${rest}" is not ${alertTopics.join(', ')} or all` };
}

function parseSchedule(rest: string): Command {
  // The last " set " splits: a dataset name may contain the word ("Asset Register", "Sales set").
  const marker = [...rest.matchAll(/\s+set(?=\s+\S)/gi)].pop();
  if (!marker || marker.index === undefined)
    return rest ? { kind: 'scheduleShow', dataset: rest } : { kind: 'usage', command: 'schedule', problem: 'name a dataset' };
  const dataset = rest.slice(0, marker.index).trim();
  const [dayText = '', timeText = '', ...zone] = rest
    .slice(marker.index + marker[0].length)
    .trim()
    .split(/\s+/);
  if (!dataset) return { kind: 'usage', command: 'schedule', problem: 'name a dataset' };
  const days = parseDays(dayText);
  if (typeof days === 'string') return { kind: 'usage', command: 'schedule', problem: days };
  const times = parseTimes(timeText);
  if (typeof times === 'string') return { kind: 'usage', command: 'schedule', problem: times };
  const timeZone = zone.join(' ').trim();
  if (timeZone && !isKnownTimeZone(timeZone)) {
    return {
      kind: 'usage',
      command: 'schedule',
      problem: `"${timeZone}" is not a Power BI time zone id (e.g. UTC, W. Europe Standard Time, Eastern Standard Time)`,
    };
  }
  return { kind: 'scheduleSet', dataset, days, times, ...(timeZone ? { timeZone } : {}) };
}

/** Reads a chat message; anything unrecognised is `help`. */
export function parseCommand(text: string): Command {
  const trimmed = text.trim().replace(/^\//, '');
  const [first = '', ...words] = trimmed.split(/\s+/);
  const rest = words.join(' ').trim();
  switch (first.toLowerCase()) {
    case 'status':
      return { kind: 'status' };
    case 'refresh':
      return rest ? { kind: 'refresh', dataset: rest } : { kind: 'usage', command: 'refresh', problem: 'name a dataset' };
    case 'schedule':
      return parseSchedule(rest);
    case 'subscribe':
      return parseTopics(rest, 'subscribe');
    case 'unsubscribe':
      return parseTopics(rest, 'unsubscribe');
    case 'training':
      return { kind: 'training' };
    default:
      return { kind: 'help' };
  }
}
