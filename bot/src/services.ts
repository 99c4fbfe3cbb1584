import {
  DirectoryStore,
  TrainingStore,
  poisonReport,
  createPowerBiClient,
  refreshSettings,
  refreshStores,
  serviceClock,
} from '@planboard/server';
import { config } from './config';
import { CallerResolver } from './conversation/caller';
import type { BotDeps } from './conversation/deps';
import { createHandlers } from './conversation/handlers';
import { createBotPlatform, type BotPlatform } from './platform/botbuilder';
import type { Messenger } from './platform/types';
import { CardStore } from './store/cards';
import { ConversationStore } from './store/conversations';

let built: { deps: BotDeps; platform: BotPlatform } | undefined;

/** Where the Functions app logs (set per invocation; clients are built once per process). */
export const logSink: { log: (message: string, error?: unknown) => void } = {
  log: (message, error) => console.warn(message, error instanceof Error ? error.message : (error ?? '')),
};

/**
 * The bot's clients and stores, built once per process from the configuration. They hold
 * connections only, no conversation state, so any number of instances behave like one.
 */
export function botServices(): { deps: BotDeps; platform: BotPlatform } {
  if (built) return built;
  const settings = config();
  const storage = settings.AzureWebJobsStorage;
  const refresh = refreshStores(storage);
  const late: { messenger?: Messenger } = {};
  const deps: BotDeps = {
    ...refresh,
    conversations: new ConversationStore(storage),
    cards: new CardStore(storage),
    training: new TrainingStore(storage),
    callers: new CallerResolver(new DirectoryStore(storage), settings.AUTH_TENANT_IDS),
    powerBi: createPowerBiClient({
      baseUrl: settings.POWERBI_API_URL,
      maxConcurrency: settings.POWERBI_MAX_CONCURRENCY,
      servicePrincipal: {
        clientId: settings.POWERBI_CLIENT_ID,
        clientSecret: settings.POWERBI_CLIENT_SECRET,
        authority: settings.POWERBI_AUTHORITY,
      },
    }),
    servicePrincipalId: settings.POWERBI_CLIENT_ID,
    clock: serviceClock(refreshSettings()),
    poisonCount: async () => (await poisonReport(storage)).count,
    // The platform is built below from the handlers, which need the messenger: bind lazily.
    messenger: {
      send: (conversation, message) => (late.messenger as Messenger).send(conversation, message),
      update: (conversation, id, message) => (late.messenger as Messenger).update(conversation, id, message),
    },
    links: { TAB_ENDPOINT: settings.TAB_ENDPOINT, TEAMS_APP_ID: settings.TEAMS_APP_ID },
    log: (message, error) => logSink.log(message, error),
  };
  const platform = createBotPlatform(settings, createHandlers(deps), deps.log);
  late.messenger = platform.messenger;
  built = { deps, platform };
  return built;
}
