import type { KpiOffTrackNotification } from '@planboard/contracts';
import type { AdaptiveCard } from '../platform/types';
import { attentionHeader, cardSchema, cardVersion, factRows, plainParagraph, renderTemplate, type Fact } from './render';
import { cardText, formatDay, formatMonth, formatTime } from './text';

const template: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: cardSchema,
  version: cardVersion,
  body: [attentionHeader('KPI off track', '${kpiName}', '${departmentName}'), factRows, plainParagraph('${note}', { spacing: 'Medium' })],
  actions: [{ type: 'Action.OpenUrl', title: 'Open KPIs', url: '${kpisUrl}' }],
};

// One fixed form for every reader, like formatTime: a card is shared by people in many locales.
// en-US with up to 4 decimals is how the API writes `targetText`, so value and target read at the
// same precision: with fewer decimals 94.996 would show as "95 %" beside "on track when ≥ 95 %".
const plainNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
// Close to zero, fixed decimals would cut most digits: keep three significant ones ("0.00123").
const smallNumber = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** `87.5 %`, `1,234 days`, `0.00123`: a KPI value or target with its unit (plain text). */
export function formatMeasure(value: number, unit: string): string {
  const number = !Number.isFinite(value)
    ? String(value)
    : value !== 0 && Math.abs(value) < 0.01
      ? smallNumber.format(value)
      : plainNumber.format(value);
  // The unit sits inside a sentence-like line: line breaks in it would split the fact.
  const shownUnit = cardText(unit, 40).replace(/\s+/g, ' ').trim();
  return shownUnit ? `${number} ${shownUnit}` : number;
}

/** The period's first day, when `periodStart` is a real calendar date (`2026-11-02`). */
function calendarDay(periodStart: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(periodStart);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC rolls 2026-02-30 over to March: such a date is not the one that was sent.
  return date.toISOString().startsWith(periodStart) ? date : undefined;
}

/**
 * The period in words: `2 Nov 2026` (daily), `week of 2 Nov 2026`, `November 2026`, `Q4 2026`. A month
 * or quarter that does not start on a calendar boundary (a fiscal calendar) is named by its first
 * day instead of being mislabelled; anything unexpected is shown as sent, as plain text.
 */
export function formatPeriod(period: string, periodStart: string): string {
  const date = calendarDay(periodStart);
  if (!date) return [cardText(period, 20), cardText(periodStart, 20)].filter(Boolean).join(' ') || 'unknown';
  const day = formatDay(date);
  const firstOfMonth = date.getUTCDate() === 1;
  switch (period) {
    case 'daily':
      return day;
    case 'weekly':
      return `week of ${day}`;
    case 'monthly':
      return firstOfMonth ? formatMonth(date) : `month from ${day}`;
    case 'quarterly':
      return firstOfMonth && date.getUTCMonth() % 3 === 0
        ? `Q${date.getUTCMonth() / 3 + 1} ${date.getUTCFullYear()}`
        : `quarter from ${day}`;
    default:
      // `period` is free text in the queue contract: a newer producer may send a kind we do not know.
      return `${cardText(period, 20).replace(/\s+/g, ' ')} from ${day}`;
  }
}

/**
 * "KPI off track": which KPI of which department, for which period, its value against the target
 * (and when the target counts as met), who recorded it and when; "Open KPIs" leads to the tab's KPIs page.
 */
export function kpiOffTrackCard(n: KpiOffTrackNotification, kpisUrl: string): AdaptiveCard {
  const facts: Fact[] = [
    { label: 'Period', value: formatPeriod(n.period, n.periodStart) },
    { label: 'Value', value: formatMeasure(n.value, n.unit) },
    ...(n.target !== undefined ? [{ label: 'Target', value: formatMeasure(n.target, n.unit) }] : []),
    ...(n.targetText ? [{ label: 'Target met when', value: cardText(n.targetText, 200) }] : []),
    { label: 'Recorded by', value: cardText(n.by.name, 100) || 'unknown' },
    { label: 'Recorded', value: formatTime(n.at) },
  ];
  return renderTemplate(template, {
    // Names may be blank in the contract; the ids still say which KPI it is.
    kpiName: cardText(n.kpiName, 200) || cardText(n.kpiId, 100),
    departmentName: cardText(n.departmentName, 200) || cardText(n.departmentId, 100),
    facts,
    note: 'The KPIs page shows its trend and the notes recorded with each value.',
    kpisUrl,
  });
}

/** The notification text Teams shows in the feed. */
export const kpiOffTrackSummary = (n: KpiOffTrackNotification): string =>
  `KPI off track: ${cardText(n.kpiName || n.kpiId, 100)} (${cardText(n.departmentName || n.departmentId, 60)})`;
