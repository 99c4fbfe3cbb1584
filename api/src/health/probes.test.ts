import { dependencyHealthSchema } from '@planboard/contracts';
import { createServer } from 'node:net';
import { probeStorage } from './probes';

describe('storage probe', () => {
  it('measures a real round trip against Azurite', async () => {
    const result = dependencyHealthSchema.parse(await probeStorage(process.env.AZURITE_CONNECTION_STRING ?? '', 3000, 'test'));
    expect(result.status).toBe('ok');
    expect(result.latencyMs).toBeGreaterThan(0);
  });

  it('reports unavailable with a reason, quickly, when nothing listens', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const dead = (process.env.AZURITE_CONNECTION_STRING ?? '').replace(
      /TableEndpoint=http:\/\/127\.0\.0\.1:\d+/,
      `TableEndpoint=http://127.0.0.1:${port}`,
    );
    const started = Date.now();
    const result = await probeStorage(dead, 2000, 'test');
    expect(result.status).toBe('unavailable');
    expect(result.reason).toMatch(/Table Storage/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
