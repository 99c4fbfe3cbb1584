import { parseHash } from '../../shell/useHashRoute';

/**
 * Which day the URL opens. Three ways in, all landing on the same day view:
 * - the tab's own link `#/training/<day>` (what opening a day writes);
 * - the bot's card link `#/training?day=<day>`;
 * - a Teams deep link whose sub-entity id is `day:<day>` (once per page load).
 */
const dayNumber = (value: string | null | undefined): number | undefined =>
  value && /^[1-9][0-9]?$/.test(value) ? Number(value) : undefined;

/** The day a hash names; undefined for the programme. */
export function dayFromHash(hash: string): number | undefined {
  const { page, rest } = parseHash(hash);
  if (page !== 'training') return undefined;
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  return dayNumber(rest[0]) ?? dayNumber(query.get('day'));
}

/** The day a Teams sub-entity id (`day:<n>`) names. */
export function dayFromSubPage(subPageId: string | undefined): number | undefined {
  const [kind, day] = (subPageId ?? '').split(':');
  return kind === 'day' ? dayNumber(day) : undefined;
}

export const dayHref = (day: number): string => `#/training/${day}`;
export const trainingHref = '#/training';
