/** Queue triggers and queue output bindings against the shared Azurite. */
import { QueueClient } from '@azure/storage-queue';
import { startHost, stopAllHosts, storageConnection, uniqueName, waitFor, type HostProcess } from '../test-support/host-process';

jest.setTimeout(40_000);

const workQueue = uniqueName('work');
const outQueue = uniqueName('out');
let host: HostProcess;
const queue = (name: string): QueueClient => new QueueClient(storageConnection(), name);
const send = (name: string, text: string): Promise<unknown> => queue(name).sendMessage(Buffer.from(text).toString('base64'));

interface QueueLog {
  message: unknown;
  type: string;
  id: string;
  dequeueCount: number;
  insertionTime: string;
  expirationTime: string;
  nextVisibleTime: string;
  popReceipt: string;
}

function queueLogs(): QueueLog[] {
  return host.lines(/ QUEUE \{/).map((line) => JSON.parse(line.slice(line.indexOf('QUEUE ') + 6)) as QueueLog);
}

beforeAll(async () => {
  host = await startHost({
    env: { WORK_QUEUE: workQueue, OUT_QUEUE: outQueue, TICK_SCHEDULE: '0 0 0 1 1 *', 'AzureWebJobs.tick.Disabled': 'true' },
  });
});
afterAll(stopAllHosts);

it('creates the trigger queue when it does not exist', async () => {
  const properties = await queue(workQueue).getProperties();
  expect(properties.approximateMessagesCount).toBe(0);
});

it('delivers a base64 JSON message parsed, with trigger metadata, and deletes it on success', async () => {
  const sent = (await send(workQueue, JSON.stringify({ order: 1 }))) as { messageId: string };
  const log = await waitFor('the message to be handled', () => queueLogs().find((entry) => entry.id === sent.messageId));
  expect(log.message).toEqual({ order: 1 });
  expect(log.type).toBe('object');
  expect(log.dequeueCount).toBe(1);
  expect(typeof log.popReceipt).toBe('string');
  for (const time of [log.insertionTime, log.expirationTime, log.nextVisibleTime]) expect(Number.isNaN(Date.parse(time))).toBe(false);
  expect(Date.parse(log.expirationTime)).toBeGreaterThan(Date.parse(log.insertionTime));
  await waitFor('the message to be deleted', async () => (await queue(workQueue).peekMessages()).peekedMessageItems.length === 0);
});

it('delivers non-JSON text as a string', async () => {
  const sent = (await send(workQueue, 'just some text')) as { messageId: string };
  const log = await waitFor('the text message', () => queueLogs().find((entry) => entry.id === sent.messageId));
  expect(log).toMatchObject({ message: 'just some text', type: 'string' });
});

it('retries a failing message and moves it to <queue>-poison after 5 dequeues', async () => {
  const body = JSON.stringify({ fail: true, marker: 'poison-me' });
  const sent = (await send(workQueue, body)) as { messageId: string };
  const poison = queue(`${workQueue}-poison`);
  const poisoned = await waitFor(
    'the poison message',
    async () => (await poison.peekMessages().catch(() => undefined))?.peekedMessageItems[0],
    20_000,
    200,
  );
  expect(Buffer.from(poisoned.messageText, 'base64').toString()).toBe(body);
  const attempts = queueLogs().filter((entry) => entry.id === sent.messageId);
  expect(attempts.map((entry) => entry.dequeueCount)).toEqual([1, 2, 3, 4, 5]);
  expect(host.lines(/Message has reached MaxDequeueCount of 5\. Moving message to queue/)).toHaveLength(1);
  await waitFor('the original to be deleted', async () => (await queue(workQueue).peekMessages()).peekedMessageItems.length === 0);
});

it('moves a message that is not valid base64 straight to the poison queue', async () => {
  await queue(workQueue).sendMessage('this is not base64!');
  const poison = queue(`${workQueue}-poison`);
  await waitFor('the undecodable message in poison', async () =>
    (await poison.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.some((m) => m.messageText === 'this is not base64!'),
  );
  expect(host.lines(/is not valid base64/)).toHaveLength(1);
});

it('writes output binding values to their queue, one message per array element, base64-encoded', async () => {
  const response = await fetch(`${host.url}/api/enqueue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ a: 1 }, 'two']),
  });
  expect(response.status).toBe(202);
  const received = (await queue(outQueue).receiveMessages({ numberOfMessages: 10 })).receivedMessageItems;
  expect(received.map((m) => Buffer.from(m.messageText, 'base64').toString()).sort()).toEqual(['two', '{"a":1}'].sort());
});
