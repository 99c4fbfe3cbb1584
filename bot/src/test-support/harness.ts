import { DirectoryStore, TrainingStore, fixedClock, refreshStores, sampleTenantId, sampleUsers, seedSampleTenant } from '@planboard/server';
import { TestAdapter, type Activity } from 'botbuilder';
import { startAzurite, type RunningAzurite } from '../../../emulators/stack/src/azurite';
import { freePort } from '../../../emulators/stack/src/ports';
import { CallerResolver } from '../conversation/caller';
import type { BotDeps } from '../conversation/deps';
import { createHandlers } from '../conversation/handlers';
import { PlanboardActivityHandler } from '../platform/botbuilder';
import { CardStore } from '../store/cards';
import { ConversationStore } from '../store/conversations';
import { FakeBotPowerBi, FakeMessenger, sampleCatalog } from './fakes';

/** A conversation to talk in: personal, or a channel thread (whose key is the channel). */
export interface TestConversation {
  id: string;
  kind: 'personal' | 'channel';
}

/** The bot with real storage (its own Azurite), the sample directory, fake Power BI and messenger. */
export interface BotHarness {
  deps: BotDeps;
  messenger: FakeMessenger;
  powerBi: FakeBotPowerBi;
  catalogPrefix: string;
  now: { ms: number };
  /** Sends a message as a sample user; resolves with the bot's replies. */
  say(text: string, as: string, conversation: TestConversation): Promise<Partial<Activity>[]>;
  /** Clicks an `Action.Execute` button; resolves with the invoke response value. */
  click(
    verb: string,
    data: Record<string, unknown>,
    as: string,
    conversation: TestConversation,
    replyToId?: string,
  ): Promise<Record<string, unknown>>;
  install(as: string, conversation: TestConversation): Promise<Partial<Activity>[]>;
  stop(): Promise<void>;
}

const userNamed = (name: string) => {
  const user = sampleUsers.find((item) => item.name === name);
  if (!user) throw new Error(`No sample user ${name}`);
  return user;
};

function activity(as: string, conversation: TestConversation, extra: Partial<Activity>): Partial<Activity> {
  const user = userNamed(as);
  const channel = conversation.kind === 'channel';
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.test/emea/',
    from: { id: `29:${user.oid}`, name: user.name, aadObjectId: user.oid },
    recipient: { id: '28:planboard-bot', name: 'Planboard' },
    conversation: channel
      ? {
          id: `${conversation.id};messageid=1700000000000`,
          conversationType: 'channel',
          isGroup: true,
          tenantId: sampleTenantId,
          name: 'Alerts',
        }
      : { id: conversation.id, conversationType: 'personal', isGroup: false, tenantId: sampleTenantId, name: '' },
    channelData: { tenant: { id: sampleTenantId }, ...(channel ? { channel: { id: conversation.id }, team: { id: 'team-1' } } : {}) },
    ...extra,
  };
}

let counter = 0;

/** Starts Azurite, seeds the sample directory and a catalog, and wires the bot to fakes. */
export async function startBotHarness(): Promise<BotHarness> {
  const azurite: RunningAzurite = await startAzurite({
    ports: { blob: await freePort(), queue: await freePort(), table: await freePort() },
  });
  const storage = azurite.connectionString;
  await seedSampleTenant(storage);
  counter += 1;
  const catalogPrefix = `c${counter}`;
  const stores = refreshStores(storage);
  for (const record of sampleCatalog(catalogPrefix)) await stores.catalog.merge(record);
  const messenger = new FakeMessenger();
  const powerBi = new FakeBotPowerBi();
  const now = { ms: Date.parse('2026-03-06T09:00:00Z') };
  const deps: BotDeps = {
    ...stores,
    conversations: new ConversationStore(storage),
    cards: new CardStore(storage),
    training: new TrainingStore(storage),
    callers: new CallerResolver(new DirectoryStore(storage), [sampleTenantId]),
    powerBi: powerBi as unknown as BotDeps['powerBi'],
    servicePrincipalId: 'sp',
    clock: fixedClock(() => now.ms),
    poisonCount: async () => 0,
    messenger,
    links: { TAB_ENDPOINT: 'https://tab.example.test', TEAMS_APP_ID: '' },
    log: () => undefined,
  };
  const handler = new PlanboardActivityHandler(createHandlers(deps));
  const run = async (incoming: Partial<Activity>): Promise<Partial<Activity>[]> => {
    const adapter = new TestAdapter(async (context) => handler.run(context));
    await adapter.processActivity(incoming);
    return [...adapter.activeQueue];
  };
  return {
    deps,
    messenger,
    powerBi,
    catalogPrefix,
    now,
    say: (text, as, conversation) => run(activity(as, conversation, { type: 'message', text })),
    install: (as, conversation) =>
      run(activity(as, conversation, { type: 'conversationUpdate', membersAdded: [{ id: '28:planboard-bot', name: 'Planboard' }] })),
    click: async (verb, data, as, conversation, replyToId) => {
      const replies = await run(
        activity(as, conversation, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: replyToId ?? 'card-1',
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        }),
      );
      const response = replies.find((reply) => reply.type === 'invokeResponse')?.value as { body?: Record<string, unknown> } | undefined;
      return response?.body ?? {};
    },
    stop: () => azurite.stop(),
  };
}

/** Every text of a reply: its text, or the texts of its card's TextBlocks and TextRuns. */
export function replyText(reply: Partial<Activity>): string {
  if (reply.text) return reply.text;
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const item = node as Record<string, unknown>;
      if ((item.type === 'TextBlock' || item.type === 'TextRun') && typeof item.text === 'string') texts.push(item.text);
      Object.values(item).forEach(walk);
    }
  };
  walk(reply.attachments?.map((attachment) => attachment.content));
  return texts.join('\n');
}
