import { startFunctionApp } from '../../../emulators/stack/src/hosts';
import { freePort } from '../../../emulators/stack/src/ports';
import type { ManagedProcess } from '../../../emulators/stack/src/processes';

/** A bot Functions host for one suite (`/api/messages` and the `notifications` queue trigger). */
export interface BotHost {
  base: string;
  /** The messaging endpoint to point a channel (the Agents Playground) at. */
  messagesUrl: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Starts `bot/` in the local Functions host. `settings` are its app settings (storage, Power BI,
 * tab URL …); without `MicrosoftAppId` it runs anonymously, as locally with the Playground.
 */
export async function startBotHost(settings: Record<string, string>): Promise<BotHost> {
  const port = await freePort();
  const proc = await startFunctionApp({ app: 'bot', port, settings });
  const base = `http://127.0.0.1:${port}`;
  return { base, messagesUrl: `${base}/api/messages`, process: proc, stop: () => proc.stop() };
}
