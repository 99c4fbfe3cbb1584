/**
 * The one module that knows botbuilder (Bot Framework SDK 4.23, archived; support ended
 * 2025-12-31). Swapping to `@microsoft/agents-hosting` means rewriting this file against
 * `platform/types.ts`; nothing else imports botbuilder.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import {
  ActivityTypes,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationReference,
} from 'botbuilder';
import type { BotHandlers, CardActionResult, ConversationInfo, ConversationKind, Messenger, OutgoingMessage } from './types';
import { DeliveryError } from './types';

/** How the bot signs in to the channel (empty app id: anonymous, local only). */
export interface BotCredentials {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: string;
  MicrosoftAppTenantId: string;
}

interface TeamsChannelData {
  tenant?: { id?: string };
  channel?: { id?: string };
}

/** Our conversation info from an activity; channel threads map to the channel so alerts post at its root. */
export function conversationOf(activity: Partial<Activity>): ConversationInfo {
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const conversation = activity.conversation;
  const type = conversation?.conversationType;
  const kind: ConversationKind =
    type === 'channel' || channelData.channel?.id ? 'channel' : type === 'groupChat' || conversation?.isGroup ? 'groupChat' : 'personal';
  const rootId = kind === 'channel' ? (channelData.channel?.id ?? conversation?.id?.split(';')[0]) : conversation?.id;
  const reference = TurnContext.getConversationReference(activity);
  const key = rootId ?? '';
  const stored: Partial<ConversationReference> = {
    ...reference,
    conversation: { ...reference.conversation, id: key } as ConversationReference['conversation'],
  };
  delete stored.activityId;
  return {
    key,
    kind,
    tenantId: channelData.tenant?.id ?? conversation?.tenantId ?? '',
    reference: JSON.parse(JSON.stringify(stored)) as unknown,
  };
}

function toActivity(message: OutgoingMessage): Partial<Activity> {
  if (message.kind === 'text') return MessageFactory.text(message.text);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
  // Teams shows the summary in notifications and the activity feed.
  activity.summary = message.summary;
  return activity;
}

function cardResponse(result: CardActionResult): AdaptiveCardInvokeResponse {
  return result.kind === 'card'
    ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text as unknown as Record<string, unknown> };
}

/** The activity handler: translates botbuilder turns into {@link BotHandlers} calls. */
export class PlanboardActivityHandler extends TeamsActivityHandler {
  constructor(private readonly planboard: BotHandlers) {
    super();
    this.onMessage(async (context, next) => {
      const activity = context.activity;
      const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
      await planboard.onMessage({
        conversation: conversationOf(activity),
        from: { aadObjectId: activity.from?.aadObjectId, name: activity.from?.name },
        text: text.replace(/<at>[^<]*<\/at>/g, '').trim(),
        reply: async (message) => void (await context.sendActivity(toActivity(message))),
      });
      await next();
    });
    const installed = async (context: TurnContext, greet: boolean): Promise<void> => {
      const activity = context.activity;
      await planboard.onInstalled({
        greet,
        conversation: conversationOf(activity),
        from: { aadObjectId: activity.from?.aadObjectId, name: activity.from?.name },
        reply: async (message) => void (await context.sendActivity(toActivity(message))),
      });
    };
    // Teams sends both an installationUpdate and the bot's membersAdded on install: greet once.
    this.onInstallationUpdateAdd(async (context, next) => {
      await installed(context, false);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      // Only our own arrival counts; people joining a team are not an install.
      if (context.activity.membersAdded?.some((member) => member.id === botId)) await installed(context, true);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const activity = context.activity;
    const result = await this.planboard.onCardAction({
      conversation: conversationOf(activity),
      from: { aadObjectId: activity.from?.aadObjectId, name: activity.from?.name },
      verb: value.action?.verb ?? '',
      data: (value.action?.data ?? {}) as Record<string, unknown>,
      activityId: activity.replyToId,
    });
    return cardResponse(result);
  }
}

/** The HTTP side of the bot plus proactive messaging, for the Functions app. */
export interface BotPlatform {
  /** Handles `POST /api/messages`. */
  handle(request: HttpRequest): Promise<HttpResponseInit>;
  messenger: Messenger;
}

function deliveryError(error: unknown): DeliveryError {
  const status = (error as { statusCode?: unknown }).statusCode;
  return new DeliveryError(error instanceof Error ? error.message : String(error), typeof status === 'number' ? status : undefined);
}

/** Builds the CloudAdapter with {@link PlanboardActivityHandler} and a botbuilder-backed {@link Messenger}. */
export function createBotPlatform(
  credentials: BotCredentials,
  handlers: BotHandlers,
  log: (message: string, error?: unknown) => void,
): BotPlatform {
  const auth = new ConfigurationBotFrameworkAuthentication({ ...credentials });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    log('Bot turn failed', error);
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity('Sorry, something went wrong on our side. Please try again in a moment.').catch(() => undefined);
    }
  };
  const handler = new PlanboardActivityHandler(handlers);
  const proactive = async (conversation: ConversationInfo, work: (context: TurnContext) => Promise<void>): Promise<void> => {
    try {
      await adapter.continueConversationAsync(credentials.MicrosoftAppId, conversation.reference as Partial<ConversationReference>, work);
    } catch (error) {
      throw deliveryError(error);
    }
  };
  return {
    async handle(request) {
      const body = (await request.json().catch(() => undefined)) as Record<string, unknown> | undefined;
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => void (headers[name] = value));
      const response: HttpResponseInit & { headers: Record<string, string> } = { status: 200, headers: {} };
      const res = {
        socket: undefined,
        status: (code: number) => void (response.status = code),
        header: (name: string, value: unknown) => void (response.headers[name] = String(value)),
        send: (payload?: unknown) => void (payload !== undefined && (response.jsonBody = payload)),
        end: () => undefined,
      };
      await adapter.process({ body, headers, method: request.method }, res, (context) => handler.run(context));
      return response;
    },
    messenger: {
      async send(conversation, message) {
        let id = '';
        await proactive(conversation, async (context) => {
          id = (await context.sendActivity(toActivity(message)))?.id ?? '';
        });
        return id;
      },
      async update(conversation, activityId, message) {
        await proactive(conversation, async (context) => {
          await context.updateActivity({ ...toActivity(message), id: activityId, type: ActivityTypes.Message });
        });
      },
    },
  };
}
