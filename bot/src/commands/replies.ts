import { noticeCard, type Notice } from '../cards/notice';
import type { OutgoingMessage } from '../platform/types';

/** A reply in our own words only (no data in it), sent as text. */
export const text = (value: string): OutgoingMessage => ({ kind: 'text', text: value });

/** A reply that shows data: a card, so names and messages are plain text runs. */
export const notice = (value: Notice): OutgoingMessage => ({ kind: 'card', card: noticeCard(value), summary: value.title });

/** The polite refusal for people without the rights a command needs. */
export function refusal(what: string, reason = 'only Planboard admins can'): OutgoingMessage {
  return text(`Sorry, ${reason} ${what}. If you need it, ask one of your Planboard admins. Type **help** to see what you can do.`);
}
