import type { CatalogStore, FailureStore, HealthStore, ServiceClock, WatchStore, PowerBiClient, TrainingStore } from '@planboard/server';
import type { LinkSettings } from '../cards/links';
import type { Messenger } from '../platform/types';
import type { CardStore } from '../store/cards';
import type { ConversationStore } from '../store/conversations';
import type { CallerResolver } from './caller';

/** Everything the bot's behaviour uses; built once per process (services.ts) or by tests. */
export interface BotDeps {
  conversations: ConversationStore;
  cards: CardStore;
  callers: CallerResolver;
  catalog: CatalogStore;
  watch: WatchStore;
  /** Training days and learners' progress (the `training` command). */
  training: Pick<TrainingStore, 'readProgramme' | 'progressOf'>;
  failures: FailureStore;
  /** Schedule-health snoozes (the Snooze 24 h button), honoured by detection. */
  health: HealthStore;
  /** Power BI as the service principal. */
  powerBi: Pick<PowerBiClient, 'refreshes' | 'datasets'>;
  /** The service principal's id: datasets it does not own are taken over before a schedule change. */
  servicePrincipalId: string;
  /** Power BI's clock (the emulator's locally). */
  clock: ServiceClock;
  /** Messages in `notifications-poison` (alerts that could not be delivered). */
  poisonCount(): Promise<number>;
  messenger: Messenger;
  links: LinkSettings;
  log(message: string, error?: unknown): void;
}
