/** Two host processes of one app against one Azurite: queue messages once each, timers singleton. */
import { QueueClient } from '@azure/storage-queue';
import { startHost, stopAllHosts, storageConnection, uniqueName, waitFor, type HostProcess } from '../test-support/host-process';

jest.setTimeout(45_000);

const workQueue = uniqueName('shared-work');
let hosts: HostProcess[];

const ticks = (host: HostProcess): number => host.lines(/ TICK \{/).length;
const handled = (host: HostProcess): number[] =>
  host.lines(/ QUEUE \{/).map((line) => (JSON.parse(line.slice(line.indexOf('QUEUE ') + 6)) as { message: { n: number } }).message.n);

beforeAll(async () => {
  const env = {
    WORK_QUEUE: workQueue,
    OUT_QUEUE: uniqueName('shared-out'),
    TICK_SCHEDULE: '* * * * * *',
    AzureFunctionsWebHost__hostid: uniqueName('shared-host'),
  };
  hosts = await Promise.all([startHost({ env }), startHost({ env })]);
});
afterAll(stopAllHosts);

it('handles every queue message exactly once across both hosts', async () => {
  const queue = new QueueClient(storageConnection(), workQueue);
  const count = 30;
  await Promise.all(Array.from({ length: count }, (_, n) => queue.sendMessage(Buffer.from(JSON.stringify({ n })).toString('base64'))));
  await waitFor('all messages', () => hosts.flatMap(handled).length >= count, 20_000);
  await new Promise((r) => setTimeout(r, 1500));
  const all = hosts.flatMap(handled).sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: count }, (_, n) => n));
});

it('runs each timer in one host only, and the other takes over when it stops', async () => {
  await waitFor('a few ticks', () => hosts.map(ticks).reduce((a, b) => a + b) >= 3);
  const [a, b] = hosts as [HostProcess, HostProcess];
  const holder = ticks(a) > 0 ? a : b;
  const other = holder === a ? b : a;
  expect(ticks(other)).toBe(0);
  expect(hosts.map((host) => host.lines(/ STARTUP \{/).length).reduce((x, y) => x + y)).toBe(1);

  await holder.stop();
  await waitFor('the other host to take the timer over', () => ticks(other) >= 2, 10_000);
});
