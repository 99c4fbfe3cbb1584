/**
 * The bot's view of a chat platform. Everything outside `platform/botbuilder.ts` uses only these
 * types, so replacing botbuilder (archived; successor `@microsoft/agents-hosting`) touches one file.
 */

/** Where a conversation happens; subscriptions and rights depend on it. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/** A conversation as stored for proactive messages. */
export interface ConversationInfo {
  /** Stable key: the conversation id (channel root for channel threads). */
  key: string;
  kind: ConversationKind;
  tenantId: string;
  /** The platform's reference, opaque outside the adapter (JSON-serialisable). */
  reference: unknown;
}

/** An Adaptive Card payload (schema 1.5). */
export type AdaptiveCard = Record<string, unknown>;

/** What the bot sends: a plain-text reply or a card (with a text summary for notifications). */
export type OutgoingMessage = { kind: 'text'; text: string } | { kind: 'card'; card: AdaptiveCard; summary: string };

/** The person who wrote or clicked. */
export interface Sender {
  aadObjectId?: string;
  name?: string;
}

/** One incoming message. */
export interface MessageTurn {
  conversation: ConversationInfo;
  from: Sender;
  /** The text with the bot's @mention removed, trimmed. */
  text: string;
  reply(message: OutgoingMessage): Promise<void>;
}

/** A card button (`Action.Execute`) clicked. */
export interface CardActionTurn {
  conversation: ConversationInfo;
  from: Sender;
  verb: string;
  data: Record<string, unknown>;
  /** The id of the message holding the card. */
  activityId?: string;
}

/** The answer to a card action: a replacement card for the clicker, or a short message. */
export type CardActionResult = { kind: 'card'; card: AdaptiveCard } | { kind: 'message'; text: string };

/** The bot's behaviour, called by the adapter. */
export interface BotHandlers {
  onMessage(turn: MessageTurn): Promise<void>;
  /** The bot was added to a conversation (or it was installed); `greet` once per install. */
  onInstalled(turn: Omit<MessageTurn, 'text'> & { greet: boolean }): Promise<void>;
  onCardAction(turn: CardActionTurn): Promise<CardActionResult>;
}

/** Proactive messaging into stored conversations. */
export interface Messenger {
  /** Sends and returns the new message's id. */
  send(conversation: ConversationInfo, message: OutgoingMessage): Promise<string>;
  /** Replaces a message (a card update everyone in the conversation sees). */
  update(conversation: ConversationInfo, activityId: string, message: OutgoingMessage): Promise<void>;
}

/** A platform failure with the HTTP status the channel answered, when there was one. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';

  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** The conversation is gone or the bot was removed: retrying cannot help. */
  get permanent(): boolean {
    return this.status === 403 || this.status === 404;
  }
}
