import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operationsModelListSchema, scheduleViewSchema } from '@planboard/contracts';
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
 * Schedule health end to end: the Power BI emulator fails a model's scheduled refreshes, its clock
 * moves slot by slot, the API's detection timer runs (twice at once, as two hosts would) and the
 * real bot posts cards into the Agents Playground. Three failures → one warning card; the fourth
 * → Power BI disables the schedule → one "disabled" card; two more slots → one stale card; the
 * card's Re-enable (after its confirmation) enables the schedule in the emulator. Own Azurite and
 * emulator: the suite moves the emulator's clock, which other suites must not see.
 */
const personal = playgroundConversations.personal;
const datasetName = 'Budget "Health" ${fy} <at>all</at>';
const halfHour = 30 * 60_000;

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

async function runDetection(): Promise<void> {
  const response = await fetch(`${api.base.replace(/\/api$/, '')}/admin/functions/refreshDetect`, { method: 'POST', body: '{}' });
  expect(response.status).toBe(202);
}

/** Cards posted (not updated) in the chat whose texts include `title`, for our model only. */
const cards = (title: string): BotMessage[] =>
  client
    .botMessages()
    .filter(
      (m) =>
        m.method === 'POST' &&
        m.conversationId === personal &&
        m.card &&
        cardTexts(m.card).includes(title) &&
        cardTexts(m.card).includes(datasetName),
    );
const failureCards = () => cards('Power BI refresh failed');
const warningCards = () => cards('Refresh schedule at risk');
const disabledCards = () => cards('Power BI disabled the refresh schedule');
const staleCards = () => cards('Power BI model is stale');

/** Moves the emulator past its next half-hour slot and the refresh's minute there, then runs detection on two hosts. */
async function nextSlot(): Promise<void> {
  const { now } = await control<{ now: string }>('GET', 'clock');
  await control('POST', 'clock/advance', { ms: halfHour - (Date.parse(now) % halfHour) + 90_000 });
  await Promise.all([runDetection(), runDetection()]);
}

beforeAll(async () => {
  const identity = identityConfig();
  azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
  const powerbiPort = await freePort();
  powerbiUrl = `http://127.0.0.1:${powerbiPort}`;
  [powerbi] = await Promise.all([
    startPowerBi({
      port: powerbiPort,
      certsDir: join(tmpdir(), 'planboard-test-certs'),
      identity,
      storageConnectionString: azurite.connectionString,
    }),
    seedSampleTenant(azurite.connectionString),
  ]);
  const seeded = await control<{ workspaces: { datasets: { id: string }[] }[] }>('POST', 'seed', {
    workspaces: [
      {
        name: 'Planboard Health IT (Prod)',
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

describe('schedule health through the Agents Playground', () => {
  it('subscribes a personal chat to refresh alerts and reads the catalog', async () => {
    await client.install(personal);
    await eventually('the greeting', () => client.botMessages().some((m) => m.conversationId === personal && m.text?.startsWith('Hello!')));
    await client.say(personal, 'subscribe');
    await eventually('subscribed', () => client.botMessages().some((m) => m.conversationId === personal && m.text?.startsWith('Done:')));
    await runDetection();
    const catalog = new CatalogStore(azurite.connectionString);
    await eventually('the catalog sync', async () => (await catalog.get(datasetId)) !== undefined);
  }, 30_000);

  it('three scheduled failures in a row → exactly one warning card, saying one more disables the schedule', async () => {
    await control('POST', `datasets/${datasetId}/next-refresh`, {
      fail: { errorCode: 'ModelRefreshFailed_CredentialsNotSpecified', errorDescription: 'Credentials missing ${password}' },
      count: 4,
    });
    for (let failure = 1; failure <= 3; failure += 1) {
      await nextSlot();
      await eventually(`failure card ${failure}`, () => failureCards().length >= failure, 30_000);
    }
    await eventually('the warning card', () => warningCards().length > 0, 30_000);
    const text = cardTexts(warningCards()[0]?.card);
    expect(text).toContain('One more failure and Power BI disables this refresh schedule.');
    expect(text).toContain('Credentials missing ${password}');
    const titles = ((warningCards()[0]?.card?.actions ?? []) as { title: string }[]).map((a) => a.title);
    expect(titles).toEqual(['Retry refresh', 'Open history', 'Snooze 24 h']);
    expect(failureCards()).toHaveLength(3);
    expect(warningCards()).toHaveLength(1);
  }, 120_000);

  it('the fourth → Power BI disables the schedule → exactly one "disabled" card, and the warning is not repeated', async () => {
    await nextSlot();
    await eventually('the disabled card', () => disabledCards().length > 0, 30_000);
    // Later runs see the same history: nothing new is posted.
    await Promise.all([runDetection(), runDetection()]);
    await eventually('the fourth failure card', () => failureCards().length === 4, 30_000);
    expect(warningCards()).toHaveLength(1);
    expect(disabledCards()).toHaveLength(1);
    expect(cardTexts(disabledCards()[0]?.card)).toMatch(/After 4 scheduled failures in a row Power BI turned this refresh schedule off/);
  }, 60_000);

  it('two more slots without a success → the model is stale: one card, and the Overview says so', async () => {
    await control('POST', 'clock/advance', { minutes: 95 });
    await Promise.all([runDetection(), runDetection()]);
    await eventually('the stale card', () => staleCards().length > 0, 30_000);
    await control('POST', 'clock/advance', { minutes: 10 });
    await Promise.all([runDetection(), runDetection()]);
    const token = await tokenFor('alex.morgan@contoso.onmicrosoft.com');
    const models = operationsModelListSchema.parse(await (await api.call('/operations/models', { token })).json());
    expect(models.models.find((model) => model.datasetId === datasetId)?.staleSince).toEqual(expect.any(String));
    expect(staleCards()).toHaveLength(1);
    expect(cardTexts(staleCards()[0]?.card)).toMatch(/the schedule is disabled/);
  }, 60_000);

  it('Re-enable schedule asks for confirmation, then enables the schedule in Power BI', async () => {
    const card = disabledCards()[0];
    const action = ((card?.card?.actions ?? []) as { verb?: string; data?: { notificationId?: string } }[]).find(
      (a) => a.verb === 'reenableSchedule',
    );
    const notificationId = action?.data?.notificationId;
    expect(notificationId).toBeTruthy();
    const asked = await client.execute(personal, card?.messageId ?? '', 'reenableSchedule', { notificationId });
    expect(cardTexts(asked.value)).toMatch(/Re-enable this schedule\?/);
    const token = await tokenFor('alex.morgan@contoso.onmicrosoft.com');
    const before = scheduleViewSchema.parse(await (await api.call(`/operations/models/${datasetId}/schedule`, { token })).json());
    expect(before.schedule.enabled).toBe(false);
    const done = await client.execute(personal, card?.messageId ?? '', 'confirmReenableSchedule', { notificationId });
    expect(cardTexts(done.value)).toMatch(/Schedule re-enabled by Alex Morgan/);
    const after = scheduleViewSchema.parse(await (await api.call(`/operations/models/${datasetId}/schedule`, { token })).json());
    expect(after.schedule.enabled).toBe(true);
    await expect(new CatalogStore(azurite.connectionString).get(datasetId)).resolves.toMatchObject({ schedule: { enabled: true } });
  }, 30_000);
});
