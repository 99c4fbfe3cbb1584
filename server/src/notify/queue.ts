import { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import { storageConnection } from '../storage/connection';

const services = new Map<string, QueueServiceClient>();
const created = new Map<string, Promise<unknown>>();

/**
 * A client for one queue, from the `AzureWebJobsStorage` setting (a connection string locally, the
 * managed identity in Azure); service clients are shared per setting (they hold the HTTP pipeline).
 */
export function queueClient(setting: string, queueName: string): QueueClient {
  let service = services.get(setting);
  if (!service) {
    const connection = storageConnection(setting);
    service =
      connection.kind === 'identity'
        ? new QueueServiceClient(connection.queueUrl, connection.credential)
        : QueueServiceClient.fromConnectionString(connection.connectionString);
    services.set(setting, service);
  }
  return service.getQueueClient(queueName);
}

/**
 * Creates the queue once per process. The bot's queue trigger creates it too, but a producer may
 * run first (a fresh storage account), and a send to a missing queue fails with 404.
 */
export async function ensureQueue(client: QueueClient): Promise<void> {
  let pending = created.get(client.url);
  if (!pending) {
    pending = client.createIfNotExists();
    created.set(client.url, pending);
    // A failed create is retried by the next caller instead of being cached.
    pending.catch(() => created.delete(client.url));
  }
  await pending;
}

/** Queue text as the Functions queue trigger reads it by default (`messageEncoding: base64`). */
export function encodeMessage(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
}

/** The inverse of {@link encodeMessage}; tolerates plain JSON text (messages written by other tools). */
export function decodeMessage(text: string): unknown {
  const trimmed = text.trim();
  const json = trimmed.startsWith('{') ? trimmed : Buffer.from(trimmed, 'base64').toString('utf8');
  return JSON.parse(json) as unknown;
}
