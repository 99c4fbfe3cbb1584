import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedSampleTenant, type SeedReport } from '@planboard/server';
import { startAzurite } from './azurite';
import { startFunctionApp, startTab } from './hosts';
import { apiAuthSettings, startIdentity } from './identity';
import { apiPowerBiSettings, powerBiEmbedOrigin, startPowerBi } from './powerbi';
import { startPlayground } from './playground';
import { assertPortsFree, freePort } from './ports';
import { apiStoreSourceSettings, startStoreSources } from './store-sources';
import type { ManagedProcess } from './processes';
import { localDir, portSettings, portsFromEnv, type PortName, type StackPorts } from './settings';

export interface StackOptions {
  /** Pick free ports instead of the configured ones (tests, so they never clash with `npm start`). */
  freePorts?: boolean;
  /** Seed the sample tenant once storage is up (idempotent). */
  seed?: boolean;
  /** Keep Azurite's data under .local/azurite (npm start) instead of in memory (tests). */
  persist?: boolean;
  tabMode?: 'dev' | 'preview';
  /** Print each process's output with a [name] prefix. */
  echo?: boolean;
}

export interface StackUrls {
  tab: string;
  api: string;
  bot: string;
  storageTable: string;
  storageQueue: string;
  storageBlob: string;
  /** The identity provider: HTTPS origin (Node clients) and plain-HTTP origin (browsers). */
  identity: string;
  identityBrowser: string;
  powerbi: string;
  /** Store data sources: the Microsoft Graph emulator (`/v1.0`) and the Dataverse emulator (`/api/data/v9.2`). */
  graph: string;
  dataverse: string;
  /** Microsoft 365 Agents Playground: chat with the bot, see its alert cards. */
  playground: string;
  /** The report embed page's HTTPS origin (`https://emulator.powerbi.com:<port>`; see emulators/powerbi/README.md). */
  powerbiEmbed: string;
}

export interface RunningStack {
  urls: StackUrls;
  ports: StackPorts;
  storageConnectionString: string;
  /** Path of the local CA that signs the emulators' HTTPS certificates (NODE_EXTRA_CA_CERTS). */
  caCertPath: string;
  seed?: SeedReport;
  /** Process ids of everything the stack started (for tools that check nothing is left behind). */
  pids: number[];
  stop(): Promise<void>;
}

/** Where the running stack's endpoints are written for tests and tools. */
export const stackFile = join(localDir, 'stack.json');

async function choosePorts(freePorts: boolean): Promise<StackPorts> {
  if (!freePorts) {
    const ports = portsFromEnv();
    await assertPortsFree(Object.entries(ports).map(([name, port]) => ({ port, ...portSettings[name as PortName] })));
    return ports;
  }
  const names = Object.keys(portSettings) as PortName[];
  const entries = await Promise.all(names.map(async (name) => [name, await freePort()] as const));
  return Object.fromEntries(entries) as StackPorts;
}

/**
 * Brings up the whole local stack in dependency order: Azurite, the Functions hosts for api/ and
 * bot/, the sample tenant, then the tab. If any part fails to start, what was started is stopped.
 */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const ports = await choosePorts(options.freePorts ?? false);
  const started: ManagedProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(started.reverse().map((proc) => proc.stop()));
  };
  try {
    const azurite = await startAzurite({
      ports: { blob: ports.azuriteBlob, queue: ports.azuriteQueue, table: ports.azuriteTable },
      location: options.persist ? join(localDir, 'azurite') : undefined,
    });
    started.push(azurite.process);
    const tabDomain = `localhost:${ports.tab}`;
    const identity = await startIdentity({
      httpsPort: ports.identity,
      httpPort: ports.identityHttp,
      certsDir: join(localDir, 'certs'),
      tabOrigins: [`http://127.0.0.1:${ports.tab}`, `http://localhost:${ports.tab}`],
      tabDomain,
      echo: options.echo,
    });
    started.push(identity.process);
    started.push(
      await startPowerBi({
        port: ports.powerbi,
        httpsPort: ports.powerbiHttps,
        certsDir: join(localDir, 'certs'),
        identity: identity.config,
        storageConnectionString: azurite.connectionString,
        echo: options.echo,
      }),
    );
    started.push(
      ...(await startStoreSources({
        graphPort: ports.graph,
        graphHttpsPort: ports.graphHttps,
        certsDir: join(localDir, 'certs'),
        dataversePort: ports.dataverse,
        identity: identity.config,
        echo: options.echo,
      })),
    );
    const settings = {
      AzureWebJobsStorage: azurite.connectionString,
      ...apiStoreSourceSettings({ graphHttps: ports.graphHttps, dataverse: ports.dataverse }),
      ...apiAuthSettings(identity.config, tabDomain),
      ...apiPowerBiSettings(ports.powerbi, identity.config),
      // The emulator's clock can be moved forward: refresh detection and the bot read "now" from it.
      POWERBI_CLOCK_URL: `http://127.0.0.1:${ports.powerbi}/_emulator/clock`,
      // Card buttons (Open history, Open Budget) link to the local tab.
      TAB_ENDPOINT: `http://127.0.0.1:${ports.tab}`,
    };
    const echo = options.echo ?? false;
    const [api, bot] = await Promise.all([
      startFunctionApp({ app: 'api', port: ports.api, settings, echo }),
      startFunctionApp({ app: 'bot', port: ports.bot, settings, echo }),
    ]);
    started.push(api, bot);
    const playground = await startPlayground({
      port: ports.playground,
      botEndpoint: `http://127.0.0.1:${ports.bot}/api/messages`,
      dir: join(localDir, 'playground'),
      echo,
    });
    started.push(playground.process);
    const seed = options.seed ? await seedSampleTenant(azurite.connectionString) : undefined;
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    started.push(await startTab({ port: ports.tab, apiUrl, mode: options.tabMode ?? 'dev', echo }));
    const urls: StackUrls = {
      tab: `http://127.0.0.1:${ports.tab}`,
      api: apiUrl,
      bot: `http://127.0.0.1:${ports.bot}`,
      storageTable: `http://127.0.0.1:${ports.azuriteTable}`,
      storageQueue: `http://127.0.0.1:${ports.azuriteQueue}`,
      storageBlob: `http://127.0.0.1:${ports.azuriteBlob}`,
      identity: identity.config.urls.origin,
      identityBrowser: identity.config.urls.browserOrigin ?? '',
      powerbi: `http://127.0.0.1:${ports.powerbi}`,
      graph: `http://127.0.0.1:${ports.graph}`,
      dataverse: `http://127.0.0.1:${ports.dataverse}`,
      playground: playground.url,
      powerbiEmbed: powerBiEmbedOrigin(ports.powerbiHttps),
    };
    const pids = started.map((proc) => proc.child.pid ?? 0).filter((pid) => pid > 0);
    return { urls, ports, storageConnectionString: azurite.connectionString, caCertPath: identity.config.caCertPath, seed, pids, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Writes the running stack's endpoints to .local/stack.json (gitignored). */
export function writeStackFile(stack: RunningStack, file = stackFile): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const body = {
    urls: stack.urls,
    ports: stack.ports,
    storageConnectionString: stack.storageConnectionString,
    caCertPath: stack.caCertPath,
    pid: process.pid,
    pids: stack.pids,
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
}
