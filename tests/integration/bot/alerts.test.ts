import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogStore } from '../../../server/src/refresh/catalog-store';
import { seedSampleTenant } from '../../../server/src/sample/seed';
import { startAzurite, type RunningAzurite } from '../../../emulators/stack/src/azurite';
import { playgroundConversations, startPlayground, type RunningPlayground } from '../../../emulators/stack/src/playground';
import { freePort } from '../../../emulators/stack/src/ports';
import type { ManagedProcess } from '../../../emulators/stack/src/processes';
import { apiPowerBiSettings, startPowerBi } from '../../../emulators/stack/src/powerbi';
import { startApiHost, type ApiHost } from '../support/api-host';
import { startBotHost, type BotHost } from '../support/bot-host';
import { apiSettings, identityConfig, tokenFor } from '../support/env';
import { cardTexts, eventually, PlaygroundClient, type BotMessage } from './playground-client';

/**
 * The alert pipeline end to end, through the Microsoft 365 Agents Playground and the real bot over
 * HTTP: install and subscribe in a personal chat and a channel, make a dataset's next scheduled
 * refresh fail in the Power BI emulator, move its clock past the slot, run detection (twice at
 * once), and expect exactly one failure card per conversation; then click Retry refresh.
 * The suite has its own Azurite and Power BI emulator: it moves the emulator's clock and runs the
 * detection timers, which other suites must not see.
 */
const personal = playgroundConversations.personal;
const channel = playgroundConversations.alertsChannel;
const datasetName = 'Sales "Forecast" ${fy} **FY27** <at>all</at>';
const errorDescription = 'Credentials missing for [db](https://evil.example) ${password}\nline two';

let azurite: RunningAzurite;
let powerbi: ManagedProcess;
let powerbiUrl: string;
let api: ApiHost;
let bot: BotHost;
let playground: RunningPlayground;
let client: PlaygroundClient;
let playgroundDir: string;
let datasetId: string;

async function control<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${powerbiUrl}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /_emulator/${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Runs the detection timer now, as the host's admin API does (202; the run continues in the background). */
async function runDetection(): Promise<void> {
  const response = await fetch(`${api.base.replace(/\/api$/, '')}/admin/functions/refreshDetect`, { method: 'POST', body: '{}' });
  expect(response.status).toBe(202);
}

const failureCards = (conversationId: string): BotMessage[] =>
  client
    .botMessages()
    .filter(
      (m) => m.method === 'POST' && m.conversationId === conversationId && m.card && cardTexts(m.card).includes('Power BI refresh failed'),
    );

beforeAll(async () => {
  const identity = identityConfig();
  azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
  const powerbiPort = await freePort();
  powerbiUrl = `http://127.0.0.1:${powerbiPort}`;
  const certsDir = join(tmpdir(), 'planboard-test-certs');
  [powerbi] = await Promise.all([
    startPowerBi({ port: powerbiPort, certsDir, identity, storageConnectionString: azurite.connectionString }),
    seedSampleTenant(azurite.connectionString),
  ]);
  const seeded = await control<{ workspaces: { datasets: { id: string }[] }[] }>('POST', 'seed', {
    workspaces: [
      {
        name: 'Planboard Alerts IT (Prod)',
        capacity: 'premium',
        datasets: [
          {
            name: datasetName,
            refreshDurationMs: 60_000,
            schedule: {
              days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
              times: Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`),
              enabled: true,
              localTimeZoneId: 'UTC',
            },
          },
        ],
      },
    ],
  });
  datasetId = seeded.workspaces[0]?.datasets[0]?.id ?? '';
  const settings = apiSettings({
    AzureWebJobsStorage: azurite.connectionString,
    ...apiPowerBiSettings(powerbiPort, identity),
    POWERBI_CLOCK_URL: `${powerbiUrl}/_emulator/clock`,
  });
  [api, bot] = await Promise.all([startApiHost(settings), startBotHost(settings)]);
  playgroundDir = mkdtempSync(join(tmpdir(), 'pb-playground-'));
  playground = await startPlayground({ port: await freePort(), botEndpoint: bot.messagesUrl, dir: playgroundDir });
  client = new PlaygroundClient(playground.url, playground.recordingFile);
}, 90_000);

afterAll(async () => {
  await Promise.all([playground?.stop(), bot?.stop(), api?.stop()]);
  await Promise.all([powerbi?.stop(), azurite?.stop()]);
  if (playgroundDir) rmSync(playgroundDir, { recursive: true, force: true });
}, 30_000);

describe('alerts through the Agents Playground', () => {
  it('installs in a personal chat and a channel, and subscribes both', async () => {
    await client.install(personal);
    await client.install(channel);
    await eventually('the greetings', () =>
      [personal, channel].every((id) => client.botMessages().some((m) => m.conversationId === id && m.text?.startsWith('Hello!'))),
    );
    await client.say(personal, 'subscribe');
    await client.say(channel, 'subscribe', { mention: true });
    for (const id of [personal, channel]) {
      const done = await eventually(`subscribe in ${id}`, () =>
        client.botMessages().find((m) => m.conversationId === id && m.text?.startsWith('Done:')),
      );
      expect(done.text).toMatch(/Power BI refresh failures/);
    }
  }, 30_000);

  it('alerts a failed scheduled refresh exactly once in each subscribed conversation', async () => {
    // First run: the catalog is read from Power BI (nothing is alerted for history from before).
    await runDetection();
    const catalog = new CatalogStore(azurite.connectionString);
    await eventually('the catalog sync', async () => (await catalog.syncedAt()) !== undefined);
    await control('POST', `datasets/${datasetId}/next-refresh`, {
      fail: { errorCode: 'ModelRefreshFailed_CredentialsNotSpecified', errorDescription },
    });
    // Move the emulator past the next half-hour slot and the refresh's minute: it fails there.
    const { now } = await control<{ now: string }>('GET', 'clock');
    const toSlot = 30 * 60_000 - (Date.parse(now) % (30 * 60_000));
    await control('POST', 'clock/advance', { ms: toSlot + 90_000 });
    // Two hosts' timers firing at once must still alert once.
    await Promise.all([runDetection(), runDetection()]);
    await eventually(
      'a failure card in both conversations',
      () => failureCards(personal).length > 0 && failureCards(channel).length > 0,
      30_000,
    );
    await runDetection();
    await new Promise((resolve) => setTimeout(resolve, 4000));
    for (const id of [personal, channel]) {
      const cards = failureCards(id);
      expect(cards).toHaveLength(1);
      const text = cardTexts(cards[0]?.card);
      expect(text).toContain(datasetName);
      expect(text).toContain(errorDescription);
      expect(text).toContain('ModelRefreshFailed_CredentialsNotSpecified');
    }
  }, 45_000);

  it('Retry refresh updates the card for everyone, starts the refresh, and later shows the outcome', async () => {
    const [card] = failureCards(personal);
    const notificationId = (card?.card?.actions as { verb?: string; data?: { notificationId?: string } }[]).find(
      (a) => a.verb === 'retryRefresh',
    )?.data?.notificationId;
    expect(notificationId).toBeTruthy();
    await control('DELETE', 'requests');
    const response = await client.execute(personal, card?.messageId ?? '', 'retryRefresh', { notificationId });
    expect(cardTexts(response.value)).toMatch(/Retried by Alex Morgan at .* — running…/);
    const log = await control<{ value: { method: string; path: string; status: number }[] }>('GET', 'requests');
    expect(log.value).toContainEqual(
      expect.objectContaining({ method: 'POST', path: expect.stringContaining(`/datasets/${datasetId}/refreshes`), status: 202 }),
    );
    const channelCardId = failureCards(channel)[0]?.messageId;
    const updated = (id: string, messageId: string | undefined, pattern: RegExp) =>
      client
        .botMessages()
        .some((m) => m.method === 'PUT' && m.conversationId === id && m.messageId === messageId && pattern.test(cardTexts(m.card)));
    await eventually(
      'both copies show the retry',
      () => updated(personal, card?.messageId, /running…/) && updated(channel, channelCardId, /running…/),
    );
    // The retried refresh (60 s) finishes; detection reports it and both cards show the outcome.
    await control('POST', 'clock/advance', { minutes: 2 });
    await runDetection();
    await eventually(
      'both copies show the outcome',
      () => updated(personal, card?.messageId, /succeeded at/) && updated(channel, channelCardId, /succeeded at/),
      20_000,
    );
  }, 40_000);

  it('an admin unlocking a training day posts its card in each subscribed conversation, with a link into the day', async () => {
    const token = await tokenFor('alex.morgan@contoso.onmicrosoft.com');
    const unlocked = await api.call('/training/days/6/unlock', { token, method: 'POST' });
    expect(unlocked.status).toBe(200);
    const trainingCards = (id: string) =>
      client
        .botMessages()
        .filter((m) => m.method === 'POST' && m.conversationId === id && m.card && cardTexts(m.card).includes('Training day 6 is open'));
    await eventually('the training cards', () => trainingCards(personal).length > 0 && trainingCards(channel).length > 0, 20_000);
    for (const id of [personal, channel]) {
      const [card] = trainingCards(id);
      expect(trainingCards(id)).toHaveLength(1);
      expect(cardTexts(card?.card)).toContain('Alex Morgan');
      const open = (card?.card?.actions as { type: string; title: string; url?: string }[]).find((a) => a.title === 'Open day');
      expect(open?.url).toMatch(/training/);
    }
  }, 40_000);
});
