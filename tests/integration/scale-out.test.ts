import { TableClient } from '@azure/data-tables';
import { startFunctionApp } from '../../emulators/stack/src/hosts';
import { freePort } from '../../emulators/stack/src/ports';
import type { ManagedProcess } from '../../emulators/stack/src/processes';
import { apiSettings, storageConnection } from './support/env';

describe('two API host processes against one Azurite', () => {
  const hosts: ManagedProcess[] = [];
  const ports: number[] = [];

  beforeAll(async () => {
    ports.push(await freePort(), await freePort());
    hosts.push(...(await Promise.all(ports.map((port) => startFunctionApp({ app: 'api', port, settings: apiSettings() })))));
  }, 90_000);
  afterAll(() => Promise.all(hosts.map((host) => host.stop())));

  it('both serve the same routes and share the same storage', async () => {
    const results = await Promise.all(ports.map((port) => fetch(`http://127.0.0.1:${port}/api/health/storage`)));
    expect(results.map((response) => response.status)).toEqual([200, 200]);
    const health = TableClient.fromConnectionString(storageConnection(), 'health', { allowInsecureConnection: true });
    const probes: string[] = [];
    for await (const entity of health.listEntities({ queryOptions: { filter: "PartitionKey eq 'probe'" } }))
      probes.push(String(entity.rowKey));
    // Each process probes with its own instance id, both rows are in the one storage account.
    expect(new Set(probes).size).toBeGreaterThanOrEqual(2);
  });
});
