import { describe, expect, it } from '@jest/globals';
import type { OperationsModel, OperationsWorkspace, RefreshStarted, ScheduleView, StoredRefresh } from '@planboard/contracts';
import { fetchJobText } from './fetchJobText';
import { durationPoints, durationSummary, sortRefreshes } from './historyView';
import { agoText, catalogAgeText, durationText, isStale, nextSlotText, scheduleSummary, statusLabel } from './opsFormat';
import { filterWorkspaces, moduleSuggestions, overviewTiles, overviewTotals } from './opsOverview';
import { opsHref, opsRouteFromHash, opsRouteFromSubPage } from './opsRoute';
import { findStarted, nextPhase, phaseText } from './refreshWatch';
import { formOf, formProblems, updateOf } from './scheduleForm';

const ws = (id: string, name: string, environment: string, module: string): OperationsWorkspace => ({
  workspaceId: `0000000${id}-0000-4000-8000-000000000000`,
  name,
  capacityId: null,
  dedicated: environment === 'Prod',
  environment,
  module,
  categorySource: 'guessed',
  models: 0,
});
const now = Date.parse('2026-12-07T12:00:00Z'); // a Monday
const model = (workspace: OperationsWorkspace, name: string, last?: { status: string; hoursAgo: number }): OperationsModel => ({
  datasetId: `${name.length}0000000-0000-4000-8000-000000000000`,
  name,
  workspaceId: workspace.workspaceId,
  workspaceName: workspace.name,
  configuredBy: null,
  refreshable: true,
  storageMode: 'Import',
  schedule: null,
  lastRefresh: last
    ? { status: last.status, startTime: new Date(now - last.hoursAgo * 3_600_000).toISOString(), endTime: null, durationMs: null }
    : null,
});
const refresh = (requestId: string, minutesAgo: number, status: string, durationMs: number | null): StoredRefresh => ({
  requestId,
  refreshType: 'Scheduled',
  startTime: new Date(now - minutesAgo * 60_000).toISOString(),
  endTime: null,
  durationMs,
  status,
  errorCode: null,
  errorDescription: status === 'Failed' ? 'The credentials are not valid.' : null,
  attempts: 1,
});

describe('operations routes', () => {
  const id = '0b7e8d1c-2f3a-4b5c-8d9e-0f1a2b3c4d5e';
  it('reads the views from the tab links, the bot card link and a Teams sub-entity', () => {
    expect(opsRouteFromHash('#/operations')).toEqual({ view: 'overview' });
    expect(opsRouteFromHash('#/operations/categorise')).toEqual({ view: 'categorise' });
    expect(opsRouteFromHash(`#/operations/workspaces/${id}`)).toEqual({ view: 'workspace', workspaceId: id });
    expect(opsRouteFromHash(`#/operations/models/${id.toUpperCase()}`)).toEqual({ view: 'model', datasetId: id });
    expect(opsRouteFromHash(`#/operations?workspace=${id}&dataset=${id}`)).toEqual({ view: 'model', datasetId: id, workspaceId: id });
    expect(opsRouteFromHash(`#/operations?workspace=${id}`)).toEqual({ view: 'workspace', workspaceId: id });
    expect(opsRouteFromHash('#/operations/models/<script>')).toEqual({ view: 'overview' });
    expect(opsRouteFromHash(`#/kpis/models/${id}`)).toEqual({ view: 'overview' });
    expect(opsRouteFromSubPage(`dataset:${id}`)).toEqual({ view: 'model', datasetId: id });
    expect(opsRouteFromSubPage('day:5')).toBeUndefined();
  });
  it('writes hrefs that read back to the same view', () => {
    for (const route of [
      { view: 'overview' as const },
      { view: 'categorise' as const },
      { view: 'workspace' as const, workspaceId: id },
      { view: 'model' as const, datasetId: id },
    ])
      expect(opsRouteFromHash(opsHref(route))).toEqual(route);
  });
});

describe('words for times, durations and statuses', () => {
  it('says durations and ages in words', () => {
    expect(durationText(null)).toBe('—');
    expect(durationText(4_000)).toBe('4 s');
    expect(durationText(185_000)).toBe('3 min 05 s');
    expect(durationText(4_320_000)).toBe('1 h 12 min');
    expect(agoText(30)).toBe('just now');
    expect(agoText(60)).toBe('1 minute ago');
    expect(agoText(7_200)).toBe('2 hours ago');
    expect(agoText(3 * 86_400)).toBe('3 days ago');
    expect(statusLabel('Unknown')).toBe('Running');
  });
  it('keeps the catalog age growing while the page is open', () => {
    expect(catalogAgeText({ syncedAt: null, ageSeconds: null }, now, now)).toBe('The catalog has not been read from Power BI yet.');
    const age = { syncedAt: new Date(now).toISOString(), ageSeconds: 30 };
    expect(catalogAgeText(age, now, now)).toBe('Catalog read from Power BI just now');
    expect(catalogAgeText(age, now + 5 * 60_000, now)).toBe('Catalog read from Power BI 5 minutes ago');
  });
  it('summarises schedules and finds the next slot in the schedule’s own time zone', () => {
    const weekdays = { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const, enabled: true };
    const utc = { ...weekdays, days: [...weekdays.days], times: ['18:30', '06:00'], localTimeZoneId: 'UTC' };
    expect(scheduleSummary(utc)).toBe('Weekdays at 06:00, 18:30 (UTC)');
    expect(scheduleSummary({ ...utc, enabled: false })).toBe('Off (was Weekdays at 06:00, 18:30 (UTC))');
    expect(scheduleSummary(null)).toBe('No schedule');
    expect(scheduleSummary({ ...utc, days: ['Monday', 'Wednesday'], times: ['01:00', '02:00', '03:00', '04:00', '05:00'] })).toBe(
      'Mon, Wed at 01:00, 02:00, 03:00 and 2 more (UTC)',
    );
    expect(nextSlotText(utc, now)).toBe('Today 18:30');
    expect(nextSlotText(utc, Date.parse('2026-12-07T19:00:00Z'))).toBe('Tomorrow 06:00');
    expect(nextSlotText(utc, Date.parse('2026-12-11T19:00:00Z'))).toBe('Monday 06:00');
    expect(nextSlotText({ ...utc, days: ['Monday'], times: ['06:00'] }, now)).toBe('Next Monday 06:00');
    // 12:00 UTC is 13:00 in Berlin in December: 12:30 Berlin time has passed, 18:30 has not.
    expect(nextSlotText({ ...utc, times: ['12:30', '18:30'], localTimeZoneId: 'W. Europe Standard Time' }, now)).toBe('Today 18:30');
    expect(nextSlotText({ ...utc, enabled: false }, now)).toBeNull();
  });
});

describe('overview tiles', () => {
  const budgetProd = ws('1', 'Planboard Budget (Prod)', 'Prod', 'Budget');
  const budgetDev = ws('2', 'Planboard Budget (Dev)', 'Dev', 'Budget');
  const salesQa = ws('3', 'Sales QA', 'QA', 'Sales');
  const kpiProd = ws('4', 'Planboard KPI (Prod)', 'Prod', 'KPI');
  const models = [
    model(budgetProd, 'Budget', { status: 'Completed', hoursAgo: 2 }),
    model(budgetProd, 'Budget Archive', { status: 'Failed', hoursAgo: 3 }),
    model(budgetProd, 'Budget Old', { status: 'Failed', hoursAgo: 30 }),
    model(budgetDev, 'Budget Dev', { status: 'Unknown', hoursAgo: 0 }),
    model(budgetDev, 'Budget Dev Old', { status: 'Completed', hoursAgo: 50 }),
    model(salesQa, 'Sales', undefined),
  ];
  it('counts models, running, failed in 24 h and stale per environment × module, Prod first', () => {
    const tiles = overviewTiles([salesQa, budgetDev, kpiProd, budgetProd], models, now);
    expect(tiles.map((tile) => `${tile.environment} · ${tile.module}`)).toEqual([
      'Prod · Budget',
      'Prod · KPI',
      'Dev · Budget',
      'QA · Sales',
    ]);
    expect(tiles[0]).toMatchObject({ workspaces: 1, models: 3, running: 0, failed: 1, stale: 0 });
    expect(tiles[1]).toMatchObject({ models: 0 });
    expect(tiles[2]).toMatchObject({ models: 2, running: 1, stale: 1 });
    expect(tiles[3]).toMatchObject({ models: 1, stale: 0, notRead: 1 });
    expect(tiles[0]).toMatchObject({ stale: 0, notRead: 0 });
    expect(overviewTotals(tiles)).toEqual({ workspaces: 4, models: 6, running: 1, failed: 1, stale: 1, notRead: 1 });
    expect(isStale(model(budgetProd, 'x', { status: 'Completed', hoursAgo: 49 }), now)).toBe(true);
  });
  it("takes the API's staleness verdict (two schedule slots without a success) when it gives one", () => {
    const recent = model(budgetProd, 'Hourly', { status: 'Failed', hoursAgo: 3 });
    expect(isStale({ ...recent, staleSince: '2026-12-07T10:00:00Z' }, now)).toBe(true);
    expect(isStale({ ...model(budgetProd, 'Weekly', { status: 'Completed', hoursAgo: 100 }), staleSince: null }, now)).toBe(false);
    const tiles = overviewTiles([budgetProd], [{ ...recent, staleSince: '2026-12-07T10:00:00Z' }], now);
    expect(tiles[0]).toMatchObject({ models: 1, stale: 1 });
  });
  it('filters workspaces by name, environment or module and suggests modules once each', () => {
    expect(filterWorkspaces([budgetProd, budgetDev, salesQa], 'budget').map((w) => w.name)).toEqual([
      'Planboard Budget (Prod)',
      'Planboard Budget (Dev)',
    ]);
    expect(filterWorkspaces([budgetProd, salesQa], ' qa ').map((w) => w.name)).toEqual(['Sales QA']);
    expect(moduleSuggestions([budgetProd, salesQa], ['Budget', 'Finance'])).toEqual(['Budget', 'Finance', 'Sales']);
  });
});

describe('history', () => {
  const rows = [refresh('a', 10, 'Completed', 60_000), refresh('b', 20, 'Failed', 5_000), refresh('c', 30, 'Completed', 120_000)];
  it('sorts a page by any column, unknown durations last', () => {
    expect(sortRefreshes(rows, { key: 'durationMs', direction: 'descending' }).map((r) => r.requestId)).toEqual(['c', 'a', 'b']);
    expect(sortRefreshes(rows, { key: 'startTime', direction: 'ascending' }).map((r) => r.requestId)).toEqual(['c', 'b', 'a']);
    expect(sortRefreshes(rows, { key: 'status', direction: 'ascending' }).map((r) => r.requestId)).toEqual(['a', 'c', 'b']);
    const withRunning = [...rows, refresh('d', 1, 'Unknown', null)];
    expect(sortRefreshes(withRunning, { key: 'durationMs', direction: 'ascending' }).map((r) => r.requestId)).toEqual(['b', 'a', 'c', 'd']);
  });
  it('charts finished refreshes oldest first with failures marked, and says the figures in words', () => {
    const points = durationPoints([...rows, refresh('d', 1, 'Unknown', null)]);
    expect(points.map((p) => [p.minutes, p.failed])).toEqual([
      [2, false],
      [0.08, true],
      [1, false],
    ]);
    expect(durationSummary(points)).toBe('3 refreshes in the last 30 days, 1 failed. Median 1.0 min, longest 2.0 min.');
    expect(durationSummary([])).toBe('No finished refreshes in the last 30 days.');
  });
});

describe('refresh now', () => {
  const started: RefreshStarted = {
    datasetId: '0b7e8d1c-2f3a-4b5c-8d9e-0f1a2b3c4d5e',
    requestId: 'r-1',
    startedAt: new Date(now).toISOString(),
    status: 'Unknown',
  };
  it('follows the refresh it started by request id until its status is final', () => {
    const running = { ...refresh('r-1', 0, 'Unknown', null) };
    const other = refresh('r-0', 60, 'Failed', 1_000);
    expect(nextPhase(started, [other])).toEqual({ kind: 'running', started });
    expect(nextPhase(started, [running, other])).toMatchObject({ kind: 'running', refresh: { requestId: 'r-1' } });
    const done = nextPhase(started, [{ ...running, status: 'Completed', durationMs: 4_000 }, other]);
    expect(done).toMatchObject({ kind: 'done', refresh: { status: 'Completed' } });
    expect(phaseText(done, 'Sales')).toBe('Sales refreshed: Completed in 4 s.');
    const failed = nextPhase(started, [{ ...running, status: 'Failed', errorDescription: 'Gateway offline' }]);
    expect(phaseText(failed, 'Sales')).toBe('The refresh of Sales ended: Failed (Gateway offline).');
  });
  it('without a request id, takes the newest refresh that began around the start', () => {
    const anonymous = { ...started, requestId: null };
    expect(findStarted(anonymous, [refresh('old', 5, 'Completed', 1)])).toBeUndefined();
    expect(findStarted(anonymous, [refresh('new', 0.5, 'Unknown', null)])?.requestId).toBe('new');
  });
});

describe('schedule form', () => {
  const view: ScheduleView = {
    datasetId: '0b7e8d1c-2f3a-4b5c-8d9e-0f1a2b3c4d5e',
    schedule: { days: ['Monday'], times: ['07:00'], enabled: true, localTimeZoneId: 'UTC' },
    owner: 'bi.developer@contoso.onmicrosoft.com',
    ownedByPlanboard: false,
    maxTimesPerDay: 8,
  };
  it('names what Power BI would refuse, field by field', () => {
    const form = formOf(view);
    expect(formProblems(form, 8)).toEqual({});
    expect(formProblems({ ...form, days: [], times: [] }, 8)).toEqual({
      days: 'Choose at least one day.',
      times: 'Choose at least one time.',
    });
    const nine = Array.from({ length: 9 }, (_, i) => `0${i}:00`);
    expect(formProblems({ ...form, times: nine }, 8).times).toBe('At most 8 times a day on this capacity (9 chosen).');
    expect(formProblems({ ...form, enabled: false, days: [] }, 8)).toEqual({});
  });
  it('sends a whole schedule, or enabled:false alone, with the takeover only when confirmed and needed', () => {
    const form = { ...formOf(view), days: ['Wednesday', 'Monday'], times: ['18:30', '06:00'] };
    expect(updateOf(form, true)).toEqual({
      enabled: true,
      days: ['Monday', 'Wednesday'],
      times: ['06:00', '18:30'],
      localTimeZoneId: 'UTC',
    });
    expect(updateOf({ ...form, confirmTakeOver: true }, true)).toMatchObject({ confirmTakeOver: true });
    expect(updateOf({ ...form, confirmTakeOver: true }, false)).not.toHaveProperty('confirmTakeOver');
    expect(updateOf({ ...form, enabled: false }, false)).toEqual({ enabled: false });
  });
});

describe('fetch everything', () => {
  const job = {
    jobId: 'abc12345-x',
    startedAt: '2026-12-07T10:00:00.000Z',
    startedBy: 'alex@contoso.com',
    total: 12,
    done: 5,
    models: 9,
    failures: [],
    state: 'running' as const,
    finishedAt: null,
  };
  it('says the progress and the outcome in words', () => {
    expect(fetchJobText(undefined)).toBe('');
    expect(fetchJobText(job)).toBe('5 of 12 workspaces read (9 models so far)…');
    expect(fetchJobText({ ...job, done: 12, models: 21, state: 'completed', finishedAt: '2026-12-07T10:05:00.000Z' })).toMatch(
      /^All 12 workspaces read, 21 models, finished 7 Dec 2026, \d\d:05\.$/,
    );
    const failures = [1, 2, 3].map((n) => ({ workspaceId: `w${n}`, workspaceName: `W${n}`, reason: 'no access' }));
    expect(fetchJobText({ ...job, done: 12, failures, state: 'completedWithFailures', finishedAt: null })).toBe(
      '9 of 12 workspaces read, 9 models; 3 failed.',
    );
  });
});
