import { QueueClient, QueueServiceClient } from '@azure/storage-queue';

const services = new Map<string, QueueServiceClient>();
const created = new Map<string, Promise<unknown>>();

/** A client for a queue on the account a connection string names (service clients are shared). */
export function queueClient(connectionString: string, queueName: string): QueueClient {
  let service = services.get(connectionString);
  if (!service) {
    service = QueueServiceClient.fromConnectionString(connectionString);
    services.set(connectionString, service);
  }
  return service.getQueueClient(queueName);
}

/** Creates the queue once per process (like the host, which creates trigger, poison and output queues on demand). */
export async function ensureQueue(client: QueueClient): Promise<void> {
  const key = client.url;
  let pending = created.get(key);
  if (!pending) {
    pending = client.createIfNotExists();
    created.set(key, pending);
    pending.catch(() => created.delete(key));
  }
  await pending;
}
