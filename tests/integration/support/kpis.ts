import { randomUUID } from 'node:crypto';
import { QueueClient } from '@azure/storage-queue';
import {
  errorEnvelopeSchema,
  kpiDetailSchema,
  kpiSummarySchema,
  notificationsQueue,
  type KpiDefinitionInput,
  type Notification,
} from '@planboard/contracts';
import ExcelJS from 'exceljs';
import { localPowerBi } from '../../../server/src/local-defaults';
import { decodeMessage } from '../../../server/src/notify/queue';
import { seedSampleTenant } from '../../../server/src/sample/seed';
import { startAzurite, type RunningAzurite } from '../../../emulators/stack/src/azurite';
import { freePort } from '../../../emulators/stack/src/ports';
import { startApiHost, type ApiHost } from './api-host';
import { powerBiPort, tokenFor } from './env';

export const upn = (name: string): string => `${name.toLowerCase().replace(/ /g, '.')}@contoso.onmicrosoft.com`;

/**
 * Sample users of the KPI suites: Nora leads Sales North (approve on dept-sales), Erik contributes
 * (edit), Morgan manages (read on sales and marketing), Fiona leads Finance (nothing on sales),
 * Alex is an admin.
 */
export const people = ['Nora Lindqvist', 'Erik Hansen', 'Morgan Lee', 'Fiona Walsh', 'Alex Morgan'] as const;
export type Person = (typeof people)[number];

/** A weekly point; `target: null` leaves the target out. */
export const point = (periodStart: string, value: number, target: number | null = 100) => ({
  period: 'weekly',
  periodStart,
  value,
  ...(target === null ? {} : { target }),
});

export const errorOf = async (response: Response) => errorEnvelopeSchema.parse(await response.json()).error;

/**
 * A KPI suite's own Azurite (seeded; it alone reads its `notifications` queue) and API host, with
 * the run's identity provider and Power BI emulator; `beforeAll`/`afterAll` are registered here.
 */
export function kpiSuite() {
  const token: Partial<Record<Person, string>> = {};
  let azurite: RunningAzurite | undefined;
  let api: ApiHost | undefined;
  beforeAll(async () => {
    azurite = await startAzurite({ ports: { blob: await freePort(), queue: await freePort(), table: await freePort() } });
    await seedSampleTenant(azurite.connectionString);
    api = await startApiHost({ AzureWebJobsStorage: azurite.connectionString });
    for (const person of people) token[person] = await tokenFor(upn(person));
  }, 90_000);
  afterAll(async () => {
    await api?.stop();
    await azurite?.stop();
  }, 30_000);
  const host = (): ApiHost => {
    if (!api) throw new Error('the API host is not running');
    return api;
  };
  const suite = {
    token,
    storage: (): string => azurite?.connectionString ?? '',
    api: host,
    call: (who: Person, path: string, options: { method?: string; json?: unknown; headers?: Record<string, string> } = {}) =>
      host().call(path, { token: token[who], ...options }),
    upload: (who: Person, path: string, body: string | Buffer, type: string) =>
      fetch(`${host().base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token[who]}`, 'content-type': type },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      }),
    /** Nora defines a KPI (201 expected). */
    create: async (kpiId: string, extra: Partial<KpiDefinitionInput> = {}, scope = 'dept-sales') => {
      const response = await suite.call('Nora Lindqvist', `/kpis/${scope}`, { json: kpiBody(kpiId, extra) });
      expect(response.status).toBe(201);
      return kpiSummarySchema.parse(await response.json());
    },
    /** Erik (or `who`) records a point in a sales KPI. */
    record: (kpiId: string, body: unknown, who: Person = 'Erik Hansen') =>
      suite.call(who, `/kpis/dept-sales/${kpiId}/points`, { json: body }),
    detailOf: async (kpiId: string, who: Person = 'Erik Hansen') =>
      kpiDetailSchema.parse(await (await suite.call(who, `/kpis/dept-sales/${kpiId}`)).json()),
  };
  return suite;
}

/** A fresh KPI id per test, so suites and tests never see each other's KPIs. */
export const freshKpiId = (prefix = 'kpi'): string => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A valid "higher is better" definition: on track up to 5 % short, at risk up to 10 %. */
export function kpiBody(kpiId: string, extra: Partial<KpiDefinitionInput> = {}): KpiDefinitionInput {
  return {
    kpiId,
    name: `Test KPI ${kpiId}`,
    unit: '%',
    description: 'Integration test',
    targetType: 'higherIsBetter',
    thresholds: { atRiskPct: 5, offTrackPct: 10 },
    ...extra,
  };
}

/** Messages waiting on the `notifications` queue, taken off it (so the next read sees only new ones). */
export async function drainNotifications(connectionString: string): Promise<Notification[]> {
  const queue = new QueueClient(connectionString, notificationsQueue);
  await queue.createIfNotExists();
  const messages: Notification[] = [];
  for (;;) {
    const { receivedMessageItems: batch } = await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 30 });
    if (batch.length === 0) return messages;
    for (const item of batch) {
      messages.push(decodeMessage(item.messageText) as Notification);
      await queue.deleteMessage(item.messageId, item.popReceipt);
    }
  }
}

/** Rows of the KPI push dataset's `DataPoints` for one KPI, read back with `executeQueries` as an admin. */
export async function pushedRows(kpiId: string): Promise<Record<string, unknown>[]> {
  const token = await tokenFor('alex.morgan@contoso.onmicrosoft.com', {
    audience: 'https://analysis.windows.net/powerbi/api',
    version: 'v1',
  });
  const url = `http://127.0.0.1:${powerBiPort()}/v1.0/myorg/groups/${localPowerBi.kpiPushWorkspaceId}/datasets/${localPowerBi.kpiPushDatasetId}/executeQueries`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ queries: [{ query: `EVALUATE FILTER('DataPoints', 'DataPoints'[KpiId] = "${kpiId}")` }] }),
  });
  if (!response.ok) throw new Error(`executeQueries: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { results: { tables: { rows: Record<string, unknown>[] }[] }[] };
  return body.results[0]?.tables[0]?.rows ?? [];
}

/** An .xlsx workbook with one sheet of rows (the first row is the header). */
export async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Points');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Row posts the Power BI emulator received for the KPI push dataset after `sinceSeq` (its request log). */
export async function rowPosts(sinceSeq = 0): Promise<{ seq: number; status: number; path: string }[]> {
  const response = await fetch(`http://127.0.0.1:${powerBiPort()}/_emulator/requests?sinceSeq=${sinceSeq}`);
  const { value } = (await response.json()) as { value: { seq: number; status: number; path: string; method: string }[] };
  return value.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/tables/DataPoints/rows'));
}

/** The newest entry of the emulator's request log (to read only what follows). */
export async function lastRequestSeq(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${powerBiPort()}/_emulator/requests?limit=1`);
  return ((await response.json()) as { value: { seq: number }[] }).value.at(-1)?.seq ?? 0;
}
