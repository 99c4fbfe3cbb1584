import type { RefreshFailedNotification } from '@planboard/contracts';
import { asShown, states, texts, validate } from '../test-support/card-checks';
import { kpiOffTrack, planSubmitted, planUnlocked, refreshFailed, hostileStrings } from '../test-support/notifications';
import { kpiOffTrackCard, formatMeasure, formatPeriod } from './kpis';
import { kpisUrl } from './links';
import { noticeCard } from './notice';
import { planSubmittedCard, planUnlockedCard } from './plans';
import { refreshFailedCard, type RefreshCardState } from './refresh-failed';
import { trainingDayUnlockedCard } from './training';
import { dataRunCard } from './data-run';
import { dataRunUrl } from './links';
import { trainingDayUrl } from './links';

describe('alert cards are valid Adaptive Cards 1.5 whatever the data', () => {
  it.each(hostileStrings.map((value, index) => [index, value] as const))('refresh failure with hostile string #%i', (_index, value) => {
    for (const [stateIndex, state] of states.entries()) {
      const n = refreshFailed({
        datasetName: value.slice(0, 400),
        workspaceName: value.slice(0, 400),
        environment: value.slice(0, 100),
        errorCode: value.slice(0, 400),
        errorDescription: value.slice(0, 4000),
        consecutiveFailures: stateIndex + 1,
      });
      const card = refreshFailedCard(n, state, 'https://tab.example.test/index.html#/operations?dataset=ds');
      validate(card);
      // Data is shown as typed (control characters dropped, long text cut), never evaluated.
      const shown = texts(card).join('\n');
      expect(shown).toContain(asShown(value).slice(0, 120));
      // Nothing in the data adds elements or actions.
      expect((card.actions as unknown[]).length).toBeLessThanOrEqual(3);
    }
  });

  it('warns on the third scheduled failure in a row, and says the schedule is off after the fourth', () => {
    const third = texts(refreshFailedCard(refreshFailed({ consecutiveFailures: 3 }), {}, 'https://x.test')).join('\n');
    expect(third).toMatch(/one more and Power BI disables this refresh schedule/);
    const fourth = texts(refreshFailedCard(refreshFailed({ consecutiveFailures: 4 }), {}, 'https://x.test')).join('\n');
    expect(fourth).toMatch(/Power BI has disabled this refresh schedule/);
    const onDemand = texts(
      refreshFailedCard(refreshFailed({ consecutiveFailures: 3, scheduled: false, refreshType: 'ViaApi' }), {}, 'https://x.test'),
    ).join('\n');
    expect(onDemand).not.toMatch(/disables/);
  });

  it('says in words who started the refresh, never a raw refresh type', () => {
    const startedBy = (extra: Partial<RefreshFailedNotification>) => {
      const shown = texts(refreshFailedCard(refreshFailed(extra), {}, 'https://x.test'));
      return shown[shown.indexOf('Started by') + 1];
    };
    expect(startedBy({ scheduled: true, refreshType: 'Scheduled' })).toBe('The refresh schedule');
    expect(startedBy({ scheduled: false, refreshType: 'ViaApi' })).toBe('An app through the Power BI API (such as Planboard)');
    expect(startedBy({ scheduled: false, refreshType: 'OnDemand' })).toBe('Someone in Power BI (Refresh now)');
    expect(startedBy({ scheduled: false, refreshType: 'SomethingNew' })).toBe('SomethingNew');
  });

  it('offers Retry, Open history and Acknowledge; hides Retry while a retry runs and Acknowledge once done', () => {
    const titles = (state: RefreshCardState) =>
      (refreshFailedCard(refreshFailed(), state, 'https://x.test').actions as { title: string }[]).map((a) => a.title);
    expect(titles({})).toEqual(['Retry refresh', 'Open history', 'Acknowledge']);
    expect(titles(states[1] ?? {})).toEqual(['Open history', 'Acknowledge']);
    expect(titles(states[3] ?? {})).toEqual(['Retry refresh', 'Open history']);
  });

  it.each(hostileStrings.map((value, index) => [index, value] as const))(
    'plan cards and reply cards with hostile string #%i',
    (_index, value) => {
      validate(
        planUnlockedCard(
          planUnlocked({ scopeName: value.slice(0, 200), reason: value.slice(0, 2000), by: { name: value.slice(0, 200) } }),
          'https://tab.example.test/#/budget',
        ),
      );
      validate(
        planSubmittedCard(
          planSubmitted({ scopeName: value.slice(0, 200), by: { name: value.slice(0, 200) } }),
          'https://tab.example.test/#/budget',
        ),
      );
      validate(
        noticeCard({
          title: 'Refresh started',
          tone: 'good',
          lines: [value],
          facts: [{ label: 'Workspace', value }],
          items: [value, value],
          footer: value,
        }),
      );
    },
  );
});

describe('the KPI off-track card', () => {
  const url = 'https://tab.example.test/index.html#/kpis?department=dept-sales&kpi=on-time-delivery';

  it.each(hostileStrings.map((value, index) => [index, value] as const))(
    'is valid 1.5 with hostile string #%i, shown as plain text',
    (_index, value) => {
      const card = kpiOffTrackCard(
        kpiOffTrack({
          departmentName: value.slice(0, 200),
          kpiName: value.slice(0, 200),
          unit: value.slice(0, 40),
          period: value.slice(0, 20),
          periodStart: value.slice(0, 20),
          targetText: value.slice(0, 200),
          by: { name: value.slice(0, 200) },
        }),
        url,
      );
      validate(card);
      expect(texts(card).join('\n')).toContain(asShown(value).slice(0, 120));
      // Nothing in the data adds elements or actions: the one button is ours.
      expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open KPIs', url }]);
    },
  );

  it('says which KPI of which department, for which period, its value against the target, who recorded it and when', () => {
    const card = kpiOffTrackCard(kpiOffTrack(), url);
    validate(card);
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'KPI off track',
        'On-time delivery',
        'Sales',
        'Period',
        'week of 2 Nov 2026',
        'Value',
        '87.5 %',
        'Target',
        '95 %',
        'Target met when',
        '≥ 95 %',
        'Recorded by',
        'Nora Lindqvist',
        '3 Nov 2026, 08:15 UTC',
      ]),
    );
  });

  it('stays valid with extreme numbers, no target and blank names', () => {
    for (const value of [-1e12, 1e12, 0, 0.00123, -0.5, 1234.5678]) {
      validate(kpiOffTrackCard(kpiOffTrack({ value, target: undefined, targetText: '', unit: '', kpiName: '', departmentName: '' }), url));
    }
    const shown = texts(kpiOffTrackCard(kpiOffTrack({ target: undefined, targetText: '', kpiName: '', departmentName: '' }), url));
    expect(shown).not.toContain('Target');
    expect(shown).not.toContain('Target met when');
    expect(shown).toEqual(expect.arrayContaining(['on-time-delivery', 'dept-sales']));
  });

  it('names periods and formats values in one fixed form', () => {
    expect(formatPeriod('daily', '2026-11-02')).toBe('2 Nov 2026');
    expect(formatPeriod('weekly', '2026-11-02')).toBe('week of 2 Nov 2026');
    expect(formatPeriod('monthly', '2026-11-01')).toBe('November 2026');
    expect(formatPeriod('monthly', '2026-11-15')).toBe('month from 15 Nov 2026');
    expect(formatPeriod('quarterly', '2026-10-01')).toBe('Q4 2026');
    expect(formatPeriod('quarterly', '2026-02-01')).toBe('quarter from 1 Feb 2026');
    expect(formatPeriod('yearly', '2026-01-01')).toBe('yearly from 1 Jan 2026');
    expect(formatPeriod('weekly', '2026-02-30')).toBe('weekly 2026-02-30');
    expect(formatMeasure(87.5, '%')).toBe('87.5 %');
    expect(formatMeasure(1234.56789, 'days')).toBe('1,234.5679 days');
    // Never rounded onto the target: an off-track 94.996 must not read as the 95 it missed.
    expect(formatMeasure(94.996, '%')).toBe('94.996 %');
    expect(formatMeasure(0.00123, '')).toBe('0.00123');
    expect(formatMeasure(-3, 'k€\nx')).toBe('-3 k€ x');
  });

  it('links "Open KPIs" to the KPIs page: in Teams (deep link to the kpis tab) when the app id is known', () => {
    const web = kpisUrl({ TAB_ENDPOINT: 'https://tab.example.test/', TEAMS_APP_ID: '' }, 'dept-sales', 'on-time-delivery');
    expect(web).toBe(url);
    const teams = new URL(kpisUrl({ TAB_ENDPOINT: 'https://tab.example.test', TEAMS_APP_ID: 'app-1' }, 'dept-sales', 'on-time-delivery'));
    expect(teams.origin + teams.pathname).toBe('https://teams.microsoft.com/l/entity/app-1/kpis');
    expect(teams.searchParams.get('webUrl')).toBe(url);
    expect(JSON.parse(teams.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: 'kpi:dept-sales:on-time-delivery' });
  });
});

describe('the training day unlocked card', () => {
  const unlocked = (title: string, description: string) => ({
    kind: 'trainingDayUnlocked' as const,
    id: 'trainingDayUnlocked:t:5:2026-11-02T09:00:00.000Z',
    version: 1 as const,
    createdAt: '2026-11-02T09:00:00.000Z',
    dayNumber: 5,
    title,
    description,
    by: { name: 'Alex Morgan', upn: 'alex.morgan@contoso.onmicrosoft.com' },
    at: '2026-11-02T09:00:00.000Z',
  });

  it.each(hostileStrings.map((value, index) => [index, value] as const))(
    'is valid 1.5 and shows hostile string #%i as plain text',
    (_index, value) => {
      const card = trainingDayUnlockedCard(
        unlocked(value.slice(0, 200), value.slice(0, 4000)),
        'https://tab.example.test/index.html#/training?day=5',
      );
      validate(card);
      const shown = texts(card).join('\n');
      expect(shown).toContain(asShown(value).slice(0, 120));
      expect(card.actions).toEqual([
        { type: 'Action.OpenUrl', title: 'Open day', url: 'https://tab.example.test/index.html#/training?day=5' },
      ]);
    },
  );

  it('names the day, who unlocked it and when, and links into the Training page (a Teams deep link when the app id is known)', () => {
    const card = trainingDayUnlockedCard(unlocked('Visuals that answer questions', ''), 'https://x.test');
    expect(texts(card)).toEqual(
      expect.arrayContaining(['Training day 5 is open', 'Visuals that answer questions', 'Alex Morgan', '2 Nov 2026, 09:00 UTC']),
    );
    expect(trainingDayUrl({ TAB_ENDPOINT: 'https://tab.example.test/', TEAMS_APP_ID: '' }, 5)).toBe(
      'https://tab.example.test/index.html#/training?day=5',
    );
    const deep = new URL(trainingDayUrl({ TAB_ENDPOINT: 'https://tab.example.test', TEAMS_APP_ID: 'app-1' }, 5));
    expect(deep.pathname).toBe('/l/entity/app-1/training');
    expect(JSON.parse(deep.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: 'day:5' });
  });
});

describe('the store data run card', () => {
  const run = (overrides: Record<string, unknown> = {}) => ({
    kind: 'storeRunProblem' as const,
    id: 'storeRunProblem:r1',
    version: 1 as const,
    createdAt: '2026-11-02T05:01:00.000Z',
    runId: '8638000000000-abcdef',
    state: 'succeeded' as const,
    trigger: 'timer',
    requestedBy: 'schedule',
    finishedAt: '2026-11-02T05:01:00.000Z',
    durationMs: 42_000,
    files: 12,
    rowsLoaded: 10_080,
    rowsRejected: 6,
    rowsRemoved: 0,
    problems: ['store-sales-2026-W40.xlsx: 6 of 846 rows rejected'],
    refresh: 'completed' as const,
    ...overrides,
  });

  it.each(hostileStrings.map((value, index) => [index, value] as const))(
    'is valid 1.5 and shows hostile string #%i as plain text',
    (_index, value) => {
      const card = dataRunCard(
        run({ state: 'failed', error: value.slice(0, 2000), problems: [value.slice(0, 400)] }),
        'https://tab.example.test/index.html#/data',
      );
      validate(card);
      expect(texts(card).join('\n')).toContain(asShown(value).slice(0, 120));
      expect(card.actions).toEqual([
        { type: 'Action.OpenUrl', title: 'Open run report', url: 'https://tab.example.test/index.html#/data' },
      ]);
    },
  );

  it('says what was loaded and rejected, which files had problems, and links to the run on the Data page', () => {
    const card = dataRunCard(run(), 'https://x.test');
    validate(card);
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Store data run rejected 6 rows',
        '10,080',
        'store-sales-2026-W40.xlsx: 6 of 846 rows rejected',
        'Completed',
        'the daily schedule (schedule)',
      ]),
    );
    expect(dataRunUrl({ TAB_ENDPOINT: 'https://tab.example.test/', TEAMS_APP_ID: '' }, 'r-1')).toBe(
      'https://tab.example.test/index.html#/data?run=r-1',
    );
  });
});

describe('the validator itself', () => {
  it('rejects unknown elements, unknown properties and bad values', () => {
    const base = { type: 'AdaptiveCard', version: '1.5' };
    expect(() => validate({ ...base, body: [{ type: 'Foo' }] })).toThrow();
    expect(() => validate({ ...base, body: [{ type: 'TextBlock', text: 'x', bogus: 1 }] })).toThrow();
    expect(() => validate({ ...base, body: [{ type: 'TextBlock', text: 'x', color: 'Purple' }] })).toThrow();
    expect(() => validate({ ...base, body: [{ type: 'Container', items: [{ type: 'TextRun', text: 'x' }] }] })).toThrow();
    expect(() => validate({ ...base, body: [{ type: 'TextBlock', text: 'x' }] })).not.toThrow();
  });
});
