import type * as AdaptiveCards from 'adaptivecards';
import type { RefreshCardState } from '../cards/refresh-failed';
import type { AdaptiveCard } from '../platform/types';
import { hostileStrings } from './notifications';

/** Checks the card tests share: Adaptive Cards 1.5 validity, the texts a card shows, sample card states. */
// The package's `lib` is ESM without file extensions (Node cannot load it); its UMD bundle works.
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/**
 * Every card the bot sends, rendered with hostile data and checked against the Adaptive Cards 1.5
 * object model (the `adaptivecards` package's parser, targeting 1.5): no unknown or newer element,
 * no property it drops, no validation failure, and the data shown verbatim as plain text.
 */
export function validate(card: AdaptiveCard): void {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, index) => context.getEventAt(index)?.message);
  expect(events).toEqual([]);
  const validation = parsed.validateProperties();
  expect(validation.validationEvents.map((event) => event.message)).toEqual([]);
  expect(card.version).toBe('1.5');
  // The parser drops what the schema does not know: a round trip that loses nothing means every
  // element and property is valid 1.5.
  const roundTrip = parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5)) as Record<string, unknown>;
  expect(stripDefaults(roundTrip)).toEqual(stripDefaults(card));
  expect(JSON.stringify(card).length).toBeLessThan(28_000);
}

/** Values the serializer normalises (schema URL, defaults) are not part of the comparison. */
function stripDefaults(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDefaults);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (key !== '$schema') out[key] = stripDefaults(item);
    return out;
  }
  return value;
}

/** How a card shows data: control and bidi characters dropped, line ends normalised (then cut when long). */
export const asShown = (value: string): string =>
  value
    // eslint-disable-next-line no-control-regex -- the characters cards must drop
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\r\n?/g, '\n');

/** Every TextRun/TextBlock text and every action of a card. */
export function texts(card: AdaptiveCard): string[] {
  const found: string[] = [];
  JSON.stringify(card, (key, item: unknown) => {
    if (key === 'text' && typeof item === 'string') found.push(item);
    return item;
  });
  return found;
}

/** Card states to render every refresh alert in (hostile names included). */
export const states: RefreshCardState[] = [
  {},
  { retry: { by: hostileStrings[0] ?? '', at: '2026-03-06T09:05:00.000Z', status: 'running' } },
  { retry: { by: 'Alex', at: '2026-03-06T09:05:00.000Z', status: 'Completed', endedAt: '2026-03-06T09:06:00.000Z', durationMs: 60_000 } },
  {
    retry: {
      by: 'Alex',
      at: '2026-03-06T09:05:00.000Z',
      status: 'Failed',
      endedAt: '2026-03-06T09:06:00.000Z',
      errorCode: hostileStrings[1],
    },
    ack: { by: hostileStrings[3] ?? '', at: '2026-03-06T09:07:00.000Z' },
  },
];
