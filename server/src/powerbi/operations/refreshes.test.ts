import { list } from '../test-support/script-server';
import { ids, useScriptedClient } from '../test-support/scripted-client';
import type { EnhancedRefreshRequest } from '../types';

const { g, d, base } = ids;
const t = useScriptedClient();

describe('refreshes', () => {
  const refreshes = `${base}/groups/${g}/datasets/${d}/refreshes`;

  it('reads the history with $top', async () => {
    t.answer(() => list([{ requestId: 'a', status: 'Failed', serviceExceptionJson: '{"errorCode":"X"}' }]));
    const history = await t.client.refreshes.history(g, d, { top: 100 });
    expect(history[0]?.status).toBe('Failed');
    expect(t.last().url).toBe(`${refreshes}?$top=100`);
    await t.client.refreshes.history(g, d);
    expect(t.last().url).toBe(refreshes);
  });

  it('triggers a plain refresh with NoNotification and gets no refresh id', async () => {
    t.answer(() => ({ status: 202, headers: { requestid: 'rq-1' } }));
    expect(await t.client.refreshes.trigger(g, d)).toEqual({ refreshId: undefined, location: undefined, requestId: 'rq-1' });
    expect(t.last()).toMatchObject({ method: 'POST', path: refreshes, body: { notifyOption: 'NoNotification' } });
  });

  it('triggers an enhanced refresh without notifyOption and returns its id and location', async () => {
    const location = `https://api.powerbi.com/v1.0/myorg/groups/${g}/datasets/${d}/refreshes/ref-9`;
    t.answer(() => ({ status: 202, headers: { 'x-ms-request-id': 'ref-9', location } }));
    const body: EnhancedRefreshRequest = {
      type: 'Full',
      commitMode: 'Transactional',
      maxParallelism: 2,
      retryCount: 1,
      objects: [{ table: 'Sales', partition: 'Sales-2025' }],
      applyRefreshPolicy: false,
      timeout: '02:00:00',
    };
    expect(await t.client.refreshes.trigger(g, d, body)).toEqual({ refreshId: 'ref-9', location, requestId: 'ref-9' });
    expect(t.last().body).toEqual(body);
  });

  it('takes the refresh id from Location when x-ms-request-id is missing', async () => {
    t.answer(() => ({ status: 202, headers: { location: `https://x/refreshes/from-location` } }));
    expect((await t.client.refreshes.trigger(g, d, { type: 'Calculate' })).refreshId).toBe('from-location');
  });

  it('reads execution details (202 in progress, 200 done) and cancels', async () => {
    t.answer(() => ({ status: 202, body: { status: 'Unknown', extendedStatus: 'NotStarted' } }));
    expect(await t.client.refreshes.details(g, d, 'ref-9')).toEqual({
      inProgress: true,
      detail: { status: 'Unknown', extendedStatus: 'NotStarted' },
    });
    expect(t.last().path).toBe(`${refreshes}/ref-9`);
    t.answer(() => ({ status: 200, body: { status: 'Completed', extendedStatus: 'Completed' } }));
    expect((await t.client.refreshes.details(g, d, 'ref-9')).inProgress).toBe(false);
    await t.client.refreshes.cancel(g, d, 'ref-9');
    expect(t.last()).toMatchObject({ method: 'DELETE', path: `${refreshes}/ref-9` });
  });

  it('reads and patches the schedule with a {value} body', async () => {
    t.answer(() => ({
      status: 200,
      body: { days: ['Monday'], times: ['07:00'], enabled: true, localTimeZoneId: 'UTC', NotifyOption: 'NoNotification' },
    }));
    expect(await t.client.refreshes.schedule(g, d)).toEqual({
      days: ['Monday'],
      times: ['07:00'],
      enabled: true,
      localTimeZoneId: 'UTC',
      notifyOption: 'NoNotification',
    });
    t.answer(() => ({ status: 200 }));
    await t.client.refreshes.updateSchedule(g, d, {
      days: ['Monday', 'Friday'],
      times: ['07:30'],
      localTimeZoneId: 'W. Europe Standard Time',
    });
    expect(t.last()).toMatchObject({
      method: 'PATCH',
      path: `${base}/groups/${g}/datasets/${d}/refreshSchedule`,
      body: { value: { days: ['Monday', 'Friday'], times: ['07:30'], localTimeZoneId: 'W. Europe Standard Time' } },
    });
  });
});
