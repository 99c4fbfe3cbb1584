import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { apiHealthSchema, errorEnvelopeSchema, type ApiHealth } from '@planboard/contracts';
import { seedSampleTenant } from '../../server/src/sample/seed';
import { startApiHost, type ApiHost } from './support/api-host';
import { storageConnection, tokenFor } from './support/env';
import { freshPlan } from './support/plans';

/**
 * Per-host admission on the expensive budget routes: over the limit the API refuses early with
 * 503 ServerBusy and Retry-After instead of queueing without bound, and health keeps answering.
 * The requests are held deterministically inside their slot: their actuals query goes to a
 * "Power BI" that does not answer until the test lets it fail.
 */
const nora = 'nora.lindqvist@contoso.onmicrosoft.com';
let api: ApiHost;
let planId: string;
let token: string;
const stalled: ServerResponse[] = [];
let failFast = false;
const powerBi = createServer((_request: IncomingMessage, response: ServerResponse) => {
  if (failFast) return refuse(response);
  stalled.push(response);
});
function refuse(response: ServerResponse): void {
  response.writeHead(403, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ error: { code: 'PowerBINotAuthorizedException', pbi: {} } }));
}

beforeAll(async () => {
  await seedSampleTenant(storageConnection());
  planId = await freshPlan();
  await new Promise<void>((resolve) => powerBi.listen(0, '127.0.0.1', resolve));
  const address = powerBi.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  api = await startApiHost({
    POWERBI_API_URL: `http://127.0.0.1:${port}/v1.0/myorg`,
    ACTUALS_TIMEOUT_MS: '120000',
    LIMIT_PLAN_READS: '1/1',
    LIMIT_EXPORTS: '1/0',
  });
  token = await tokenFor(nora);
});
afterAll(async () => {
  await api?.stop();
  powerBi.closeAllConnections();
  await new Promise((resolve) => powerBi.close(resolve));
});

async function health(): Promise<ApiHealth> {
  const response = await api.call('/health');
  expect(response.status).toBe(200);
  return apiHealthSchema.parse(await response.json());
}
async function until(what: string, probe: (health: ApiHealth) => boolean): Promise<ApiHealth> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const current = await health();
    if (probe(current)) return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`health never showed ${what}`);
}
async function expectBusy(response: Response, retryAfter: string): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe(retryAfter);
  const body = errorEnvelopeSchema.parse(await response.json());
  expect(body.error.code).toBe('ServerBusy');
  expect(body.error.message).toMatch(/busy/);
}

it('admits up to the limit, queues up to its bound, refuses the rest early with Retry-After; health answers throughout', async () => {
  const grid = () => api.call(`/budget/${planId}/sales-north`, { token });
  const exportXlsx = () => api.call(`/budget/${planId}/sales-north/export.xlsx`, { token });

  const first = grid();
  await until('one plan read running', (h) => h.load.planReads.running === 1);
  const second = grid();
  await until('one plan read waiting', (h) => h.load.planReads.waiting === 1);
  await expectBusy(await grid(), '2');

  const firstExport = exportXlsx();
  await until('one export running', (h) => h.load.exports.running === 1);
  await expectBusy(await exportXlsx(), '10');
  // Other work is not held up by the full plan-read and export queues.
  expect((await api.call(`/budget/${planId}/sales-north/audit`, { token })).status).toBeLessThan(500);

  // Power BI now fails at once: the held requests finish without actuals, and the waiter gets its turn.
  failFast = true;
  for (const response of stalled.splice(0)) refuse(response);
  const answers = await Promise.all([first, second, firstExport]);
  expect(answers.map((response) => response.status)).toEqual([200, 200, 200]);
  expect((await answers[0]!.json()) as { actuals: { available: boolean } }).toMatchObject({ actuals: { available: false } });
  await until('all slots free', (h) => Object.values(h.load).every((kind) => kind.running === 0 && kind.waiting === 0));
  expect((await grid()).status).toBe(200);
});
