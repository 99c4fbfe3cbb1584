/**
 * Failure → card latency and poll cost, end to end at the default poll interval (the API's
 * refreshDetect timer, every 30 s, running on its own): Azurite, identity provider, Power BI
 * emulator with 500 datasets, API and bot Functions hosts, Agents Playground.
 *  - 5 refreshes are started through the bot (`refresh …` in the Playground): 2 long ones and 3
 *    that fail after a random 20–80 s, i.e. at random points of the poll cycle;
 *  - latency = Playground recording timestamp of the failure card − the refresh's end time;
 *  - poll cost = Power BI requests of each detection run (the emulator's request log), which must
 *    follow the 5 refreshes in flight, not the 500 datasets.
 * Target: every failure's card within 60 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { CatalogStore } from '../../server/src/refresh/catalog-store';
import { FailureStore } from '../../server/src/refresh/failure-store';
import { startAzurite } from '../../emulators/stack/src/azurite';
import { startFunctionApp } from '../../emulators/stack/src/hosts';
import { apiAuthSettings, startIdentity } from '../../emulators/stack/src/identity';
import { playgroundConversations, startPlayground } from '../../emulators/stack/src/playground';
import { freePort } from '../../emulators/stack/src/ports';
import { apiPowerBiSettings, startPowerBi } from '../../emulators/stack/src/powerbi';
import type { ManagedProcess } from '../../emulators/stack/src/processes';
import { cardTexts, eventually, PlaygroundClient } from '../integration/bot/playground-client';

const targetSeconds = 60;
const chat = playgroundConversations.personal;

interface Logged {
  method: string;
  path: string;
  atMs: number;
}

/** Splits the detection polls out of the request log: history reads close together in time. */
function pollsOf(log: Logged[]): number[] {
  const reads = log.filter((entry) => entry.method === 'GET' && /\/refreshes(\?|$)/.test(entry.path)).sort((a, b) => a.atMs - b.atMs);
  const polls: number[] = [];
  let last = -Infinity;
  for (const entry of reads) {
    if (entry.atMs - last > 5000) polls.push(0);
    polls[polls.length - 1] = (polls[polls.length - 1] ?? 0) + 1;
    last = entry.atMs;
  }
  return polls;
}

/** Runs the bench; true when every failure reached the chat within the target. */
export async function run(): Promise<boolean> {
  const started: ManagedProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'pb-bench-alerts-'));
  try {
    const azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
    started.push(azurite.process);
    const identity = await startIdentity({
      httpsPort: await freePort(),
      httpPort: await freePort(),
      certsDir: join(tmpdir(), 'planboard-test-certs'),
      tabOrigins: ['http://127.0.0.1:53000'],
      tabDomain: 'localhost:53000',
    });
    started.push(identity.process);
    const powerbiPort = await freePort();
    const powerbiUrl = `http://127.0.0.1:${powerbiPort}`;
    started.push(
      await startPowerBi({
        port: powerbiPort,
        certsDir: join(tmpdir(), 'planboard-test-certs'),
        identity: identity.config,
        storageConnectionString: azurite.connectionString,
      }),
    );
    const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${powerbiUrl}/_emulator/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    await control('POST', 'reset', { empty: true });
    const seeded = await control<{ workspaces: { datasets: { id: string; name: string }[] }[] }>('POST', 'seed', {
      generate: { workspaces: 50, datasetsPerWorkspace: 10, historyDays: 1 },
    });
    const datasets = seeded.workspaces.flatMap((workspace) => workspace.datasets);
    await seedSampleTenant(azurite.connectionString);
    const settings = {
      AzureWebJobsStorage: azurite.connectionString,
      ...apiAuthSettings(identity.config, 'localhost:53000'),
      ...apiPowerBiSettings(powerbiPort, identity.config),
      POWERBI_CLOCK_URL: `${powerbiUrl}/_emulator/clock`,
    };
    const [apiPort, botPort] = [await freePort(), await freePort()];
    started.push(
      ...(await Promise.all([
        startFunctionApp({ app: 'api', port: apiPort, settings }),
        startFunctionApp({ app: 'bot', port: botPort, settings }),
      ])),
    );
    const playground = await startPlayground({ port: await freePort(), botEndpoint: `http://127.0.0.1:${botPort}/api/messages`, dir });
    started.push(playground.process);
    const client = new PlaygroundClient(playground.url, playground.recordingFile);
    await client.install(chat);
    await client.say(chat, 'subscribe refresh');
    await eventually('subscribe', () => client.botMessages().some((m) => m.text?.startsWith('Done:')));
    // The first timer run reads the catalog (500 datasets): the one job whose cost grows with them.
    console.log(`${datasets.length} datasets; waiting for the first detection run (timer every 30 s) to read the catalog…`);
    await eventually('the catalog', async () => (await new CatalogStore(azurite.connectionString).syncedAt()) !== undefined, 90_000);

    const failing = [1, 2, 3].map((index) => datasets[index * 97] ?? datasets[0]);
    const longRunning = [datasets[400], datasets[450]];
    for (const dataset of failing) {
      const durationMs = 20_000 + Math.round(Math.random() * 60_000);
      await control('POST', `datasets/${dataset?.id}/next-refresh`, {
        fail: { errorCode: 'ModelRefreshFailed_CredentialsNotSpecified' },
        durationMs,
      });
    }
    for (const dataset of longRunning) await control('POST', `datasets/${dataset?.id}/next-refresh`, { durationMs: 15 * 60_000 });
    await control('DELETE', 'requests');
    for (const dataset of [...failing, ...longRunning]) await client.say(chat, `refresh ${dataset?.name}`);
    await eventually(
      '5 refreshes started',
      () => client.botMessages().filter((m) => m.card && cardTexts(m.card).startsWith('Refresh started')).length === 5,
    );

    const cardsFor = (name: string) =>
      client
        .botMessages()
        .filter(
          (m) => m.method === 'POST' && m.card && cardTexts(m.card).includes('Power BI refresh failed') && cardTexts(m.card).includes(name),
        );
    await eventually('3 failure cards', () => failing.every((dataset) => cardsFor(dataset?.name ?? '').length > 0), 180_000);
    // One more poll cycle with only the 2 long refreshes left in flight.
    await new Promise((resolve) => setTimeout(resolve, 31_000));

    // The refresh's end as Power BI reported it, from detection's failure records.
    const failures = await new FailureStore(azurite.connectionString).between(0, Date.now() + 3_600_000);
    const latencies: number[] = [];
    for (const dataset of failing) {
      const card = cardsFor(dataset?.name ?? '')[0];
      const ended = Date.parse(failures.find((failure) => failure.datasetId === dataset?.id)?.endedAt ?? '');
      const seconds = ((card?.timestamp ?? 0) - ended) / 1000;
      latencies.push(seconds);
      console.log(`failure → card: ${seconds.toFixed(1)} s  (${dataset?.name}, refresh ended ${new Date(ended).toISOString()})`);
    }
    const duplicates = failing.filter((dataset) => cardsFor(dataset?.name ?? '').length !== 1).length;
    const log = (await control<{ value: Logged[] }>('GET', 'requests')).value;
    const polls = pollsOf(log);
    console.log(`Power BI calls per poll: ${polls.join(', ')}  (500 datasets; 5 refreshing, then 2 once the 3 failures were reported)`);
    console.log(
      `latency: max ${Math.max(...latencies).toFixed(1)} s, mean ${(latencies.reduce((a, b) => a + b, 0) / latencies.length).toFixed(1)} s (target ≤ ${targetSeconds} s); duplicate cards: ${duplicates}`,
    );
    return latencies.every((seconds) => seconds <= targetSeconds) && duplicates === 0 && polls.length > 0 && Math.max(...polls) <= 5;
  } finally {
    for (const proc of started.reverse()) await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
