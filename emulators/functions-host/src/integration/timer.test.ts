/** Timer triggers: per-second NCRONTAB schedules, runOnStartup, %SETTING% schedules, past-due runs. */
import { TableClient } from '@azure/data-tables';
import { startHost, stopAllHosts, storageConnection, uniqueName, waitFor } from '../test-support/host-process';

jest.setTimeout(30_000);

interface TimerLog {
  pid: number;
  timer: {
    isPastDue: boolean;
    schedule: { adjustForDST: boolean };
    scheduleStatus: null | { last: string; next: string; lastUpdated: string };
  };
}

const parse = (line: string, tag: string): TimerLog => JSON.parse(line.slice(line.indexOf(`${tag} `) + tag.length + 1)) as TimerLog;
const baseEnv = (): Record<string, string> => ({
  WORK_QUEUE: uniqueName('timer-work'),
  OUT_QUEUE: uniqueName('timer-out'),
  AzureFunctionsWebHost__hostid: uniqueName('timer-host'),
});

afterAll(stopAllHosts);

it('fires a %SETTING% per-second schedule every second, and runOnStartup once at start', async () => {
  const host = await startHost({ env: { ...baseEnv(), TICK_SCHEDULE: '* * * * * *' } });
  const ticks = await waitFor('three ticks', () => {
    const lines = host.lines(/ TICK \{/);
    return lines.length >= 3 ? lines : undefined;
  });
  const first = parse(ticks[0] as string, 'TICK');
  expect(first.timer).toEqual({ isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: null });
  const times = host.lines(/Executing 'Functions\.tick'/).map((line) => Date.parse(line.slice(1, 25)));
  // One run per scheduled second: never twice in a second, never early. (A run delayed past the next
  // second on a busy machine makes the timer skip that occurrence, as on Azure, so gaps may exceed 1 s.)
  const seconds = times.map((time) => Math.floor(time / 1000));
  for (let i = 1; i < seconds.length; i += 1) expect((seconds[i] as number) - (seconds[i - 1] as number)).toBeGreaterThanOrEqual(1);
  expect((seconds[seconds.length - 1] as number) - (seconds[0] as number)).toBeLessThanOrEqual(2 * (seconds.length - 1));

  const startup = host.lines(/ STARTUP \{/);
  expect(startup).toHaveLength(1);
  expect(parse(startup[0] as string, 'STARTUP').timer.isPastDue).toBe(false);
  await host.stop();
});

it('runs a missed occurrence at start as past due when the schedule is monitored', async () => {
  const hostId = uniqueName('timer-host');
  const env = { ...baseEnv(), AzureFunctionsWebHost__hostid: hostId, TICK_SCHEDULE: '0 0 * * * *' };
  const table = TableClient.fromConnectionString(storageConnection(), 'AzureWebJobsHosts', { allowInsecureConnection: true });
  await table.createTable();
  const missed = new Date(Date.now() - 3_600_000);
  await table.upsertEntity({
    partitionKey: hostId,
    rowKey: 'Host.Functions.tick.Status',
    last: new Date(missed.getTime() - 3_600_000).toISOString(),
    next: missed.toISOString(),
    lastUpdated: missed.toISOString(),
  });
  const host = await startHost({ env });
  const line = await waitFor('the past-due tick', () => host.lines(/ TICK \{/)[0]);
  const { timer } = parse(line, 'TICK');
  expect(timer.isPastDue).toBe(true);
  expect(timer.scheduleStatus?.next).toBe(missed.toISOString());
  const saved = await waitFor('the saved status', async () => {
    const entity = await table.getEntity<{ last: string; next: string }>(hostId, 'Host.Functions.tick.Status');
    return entity.last === missed.toISOString() ? entity : undefined;
  });
  expect(Date.parse(saved.next)).toBeGreaterThan(Date.now());
  await host.stop();
});
