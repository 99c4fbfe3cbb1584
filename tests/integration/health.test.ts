import { apiHealthSchema, dependencyHealthSchema } from '@planboard/contracts';
import { startFunctionApp } from '../../emulators/stack/src/hosts';
import { freePort } from '../../emulators/stack/src/ports';
import type { ManagedProcess } from '../../emulators/stack/src/processes';
import { apiSettings, storageConnection } from './support/env';

describe('health over HTTP through the local Functions host', () => {
  let api: ManagedProcess;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    api = await startFunctionApp({ app: 'api', port, settings: apiSettings() });
    base = `http://127.0.0.1:${port}/api`;
  }, 60_000);
  afterAll(() => api?.stop());

  it('GET /api/health answers with version and uptime', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    const body = apiHealthSchema.parse(await response.json());
    expect(body.service).toBe('planboard-api');
  });

  it('GET /api/health/storage makes a real round trip and reports its latency', async () => {
    const response = await fetch(`${base}/health/storage`);
    expect(response.status).toBe(200);
    const body = dependencyHealthSchema.parse(await response.json());
    expect(body).toMatchObject({ status: 'ok', dependency: 'storage' });
    expect(body.latencyMs).toBeGreaterThan(0);
  });

  it('GET /api/health/powerbi gets a token as the service principal and lists a workspace, with its latency', async () => {
    const response = await fetch(`${base}/health/powerbi`);
    expect(response.status).toBe(200);
    const body = dependencyHealthSchema.parse(await response.json());
    expect(body).toMatchObject({ status: 'ok', dependency: 'powerbi' });
    expect(body.latencyMs).toBeGreaterThan(0);
  });

  it('an unknown route is a 404, not a 500', async () => {
    expect((await fetch(`${base}/no-such-route`)).status).toBe(404);
  });
});

describe('health when storage is down', () => {
  it('answers 503 with a reason', async () => {
    const [port, deadPort] = [await freePort(), await freePort()];
    const dead = storageConnection().replace(/TableEndpoint=http:\/\/127\.0\.0\.1:\d+/, `TableEndpoint=http://127.0.0.1:${deadPort}`);
    const api = await startFunctionApp({
      app: 'api',
      port,
      settings: apiSettings({ AzureWebJobsStorage: dead, HEALTH_TIMEOUT_MS: '1500' }),
    });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health/storage`);
      expect(response.status).toBe(503);
      const body = dependencyHealthSchema.parse(await response.json());
      expect(body.status).toBe('unavailable');
      expect(body.reason).toMatch(/Table Storage/);
    } finally {
      await api.stop();
    }
  }, 60_000);
});

describe('health when Power BI refuses the service principal', () => {
  it('answers 503 with the reason', async () => {
    const port = await freePort();
    const api = await startFunctionApp({
      app: 'api',
      port,
      settings: apiSettings({ POWERBI_CLIENT_SECRET: 'not-the-secret', HEALTH_TIMEOUT_MS: '5000' }),
    });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health/powerbi`);
      expect(response.status).toBe(503);
      const body = dependencyHealthSchema.parse(await response.json());
      expect(body).toMatchObject({ status: 'unavailable', dependency: 'powerbi' });
      expect(body.reason).toMatch(/service principal/);
    } finally {
      await api.stop();
    }
  }, 60_000);
});
