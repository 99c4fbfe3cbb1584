import { existsSync, readFileSync } from 'node:fs';
import { seedSampleTenant } from '@planboard/server';
import { azuriteConnectionString } from './azurite';
import { portsFromEnv } from './settings';
import { stackFile } from './stack';

/**
 * `npm run seed`: seeds the sample tenant into the storage of the running stack (from
 * .local/stack.json), or AzureWebJobsStorage, or Azurite on the configured ports. Idempotent.
 */
function connectionString(): string {
  if (process.env.AzureWebJobsStorage) return process.env.AzureWebJobsStorage;
  if (existsSync(stackFile))
    return (JSON.parse(readFileSync(stackFile, 'utf8')) as { storageConnectionString: string }).storageConnectionString;
  const ports = portsFromEnv();
  return azuriteConnectionString({ blob: ports.azuriteBlob, queue: ports.azuriteQueue, table: ports.azuriteTable });
}

seedSampleTenant(connectionString())
  .then((report) => {
    const counts = Object.entries(report.inserted)
      .map(([table, count]) => `${table}: ${count} new`)
      .join(', ');
    console.log(`Sample tenant seeded (${counts}).`);
  })
  .catch((error: unknown) => {
    console.error('Seeding failed (is the stack running? `npm start`):', error instanceof Error ? error.message : error);
    process.exit(1);
  });
