import { readFileSync } from 'node:fs';
import { playgroundBotId } from '../../../emulators/stack/src/playground';

/**
 * Drives the Agents Playground 0.2.28 over its undocumented HTTP surface (read from its package):
 * `POST /_debug/conversation/{id}/installation` (install the bot), `POST /_conversation/v1/conversations/{id}/messages`
 * (a user types; in channels the bot only hears @mentions), `POST /_conversation/v1/invoke` (a card
 * button), and its events recording file (every request between the Playground and the bot).
 */

/** One recorded request, as the Playground appends it. */
export interface RecordedEvent {
  timestamp: number;
  conversationId?: string;
  /** `Microsoft 365 Agents Playground -> User Application` (to the bot) or the reverse. */
  direction: string;
  request: { method: string; url: string; body: Record<string, unknown> };
  response: { statusCode: number; body: unknown };
}

/** A message the bot sent (or replaced) in a conversation, from the recording. */
export interface BotMessage {
  timestamp: number;
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The Playground's id of the message (PUT: the replaced one). */
  messageId: string;
  text?: string;
  card?: Record<string, unknown>;
}

export class PlaygroundClient {
  constructor(
    readonly url: string,
    private readonly recordingFile: string,
  ) {}

  private async post(path: string, body: unknown): Promise<Response> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Playground ${path} answered ${response.status}: ${await response.text()}`);
    return response;
  }

  /** Installs the bot in a conversation (Teams sends installationUpdate + membersAdded). */
  async install(conversationId: string): Promise<void> {
    await this.post(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  /** The Playground's current user types `text`; in a channel or group chat the bot is @mentioned. */
  async say(conversationId: string, text: string, options: { mention?: boolean; from?: string } = {}): Promise<void> {
    const mention = options.mention ? { mentions: [{ mentioned: { id: playgroundBotId }, text: '<at>Planboard</at>' }] } : {};
    await this.post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      from: { id: options.from ?? 'user-alex-morgan' },
      text: options.mention ? `<at>Planboard</at> ${text}` : text,
      textFormat: 'plain',
      ...mention,
    });
  }

  /** Clicks an `Action.Execute` button of a card message; resolves with the bot's invoke response. */
  async execute(conversationId: string, messageId: string, verb: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      from: { id: 'user-alex-morgan' },
      conversation: { id: conversationId },
      replyToId: messageId,
    });
    return (await response.json()) as Record<string, unknown>;
  }

  /** Everything recorded so far. */
  events(): RecordedEvent[] {
    return readFileSync(this.recordingFile, 'utf8')
      .split('\n---\n')
      .filter((chunk) => chunk.trim())
      .map((chunk) => JSON.parse(chunk) as RecordedEvent);
  }

  /** What the bot sent or replaced, oldest first. Channel thread replies count for the channel. */
  botMessages(): BotMessage[] {
    return this.events()
      .filter(
        (event) =>
          event.direction.startsWith('User Application') &&
          /\/v3\/conversations\//.test(event.request.url) &&
          event.response.statusCode < 300,
      )
      .map((event) => {
        const [, conversation = '', activity] = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(event.request.url) ?? [];
        const body = event.request.body as { text?: string; attachments?: { content?: Record<string, unknown> }[] };
        const method: BotMessage['method'] = event.request.method === 'PUT' ? 'PUT' : 'POST';
        const responseId = (event.response.body as { id?: string } | undefined)?.id ?? '';
        return {
          timestamp: event.timestamp,
          method,
          conversationId: decodeURIComponent(conversation).split(';')[0] ?? '',
          messageId: method === 'PUT' ? decodeURIComponent(activity ?? '') : responseId,
          ...(body.text ? { text: body.text } : {}),
          ...(body.attachments?.[0]?.content ? { card: body.attachments[0].content } : {}),
        };
      })
      .sort((a, b) => a.timestamp - b.timestamp);
  }
}

/** Polls until `probe` returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A card's texts (TextBlocks and TextRuns), for assertions. */
export function cardTexts(card: unknown): string {
  const texts: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts.join('\n');
}
