import { describe, expect, it } from '@jest/globals';
import { teamsDarkTheme, teamsLightTheme } from '@fluentui/react-components';
import { ApiError } from '../../api/client';
import { initialReportId, isReportId, reportHref, reportIdFromRoute, teamsReportDeepLink } from './deepLink';
import { describeDataState, describeEmbedFailure, describeReportError, isTokenExpired } from './reportProblems';
import { reportTheme } from './reportTheme';
import { MIN_RENEW_DELAY_MS, renewalDelay } from './renewal';

const id = 'fd52122f-ccc3-5e3d-88d9-971d7dd2eb78';
const now = Date.parse('2026-11-21T12:00:00Z');
const inMinutes = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('token renewal timing', () => {
  it('renews two minutes before expiry', () => {
    expect(renewalDelay(inMinutes(60), now)).toBe(58 * 60_000);
    expect(renewalDelay(inMinutes(10), now)).toBe(8 * 60_000);
  });

  it('renews short tokens halfway, and never sooner than the floor (expired, skewed, unparseable)', () => {
    expect(renewalDelay(inMinutes(1), now)).toBe(30_000);
    expect(renewalDelay(inMinutes(-5), now)).toBe(MIN_RENEW_DELAY_MS);
    expect(renewalDelay('not a date', now)).toBe(MIN_RENEW_DELAY_MS);
  });
});

describe('deep links', () => {
  it('reads the report from #/reports/<id> and ignores anything that is not a report id', () => {
    expect(reportIdFromRoute([id.toUpperCase()])).toBe(id);
    expect(reportIdFromRoute(['../../etc'])).toBeUndefined();
    expect(reportIdFromRoute([])).toBeUndefined();
    expect(reportHref(id)).toBe(`#/reports/${id}`);
    expect(isReportId('x')).toBe(false);
  });

  it('opens the Teams sub-entity once, and the URL wins over it', () => {
    const other = '7ab8150e-0535-5d33-8439-914467468d4d';
    expect(initialReportId([], id, false)).toBe(id);
    expect(initialReportId([], id, true)).toBeUndefined();
    expect(initialReportId([other], id, false)).toBe(other);
    expect(initialReportId([], 'not-a-guid', false)).toBeUndefined();
  });

  it('builds the Teams entity deep link with the report as subEntityId', () => {
    const link = new URL(teamsReportDeepLink('app-1', id, 'Budget Overview'));
    expect(`${link.origin}${link.pathname}`).toBe('https://teams.microsoft.com/l/entity/app-1/reports');
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: id });
    expect(link.searchParams.get('label')).toBe('Budget Overview');
  });
});

describe('problems in words', () => {
  it('recognises TokenExpired and maps the documented report errors', () => {
    expect(isTokenExpired({ message: 'TokenExpired', errorCode: '403' })).toBe(true);
    expect(describeReportError({ message: 'LoadReportFailed', errorCode: '403' }).title).toBe("You can't see this report");
    expect(describeReportError({ message: 'LoadReportFailed', errorCode: '404' })).toMatchObject({ retry: false });
    expect(describeReportError(undefined).title).toBe("The report couldn't be displayed");
  });

  it('keeps the API’s refusal message, and explains a bad embed URL', () => {
    const refusal = new ApiError(403, 'Forbidden', "This report shows data by store, and you don't have access to a store.");
    expect(describeEmbedFailure(refusal)).toEqual({
      title: "You don't have access to this report",
      message: refusal.message,
      retry: false,
    });
    expect(describeEmbedFailure(new Error('Invalid embed URL detected. Either URL hostname or protocol are invalid.')).retry).toBe(false);
    expect(describeEmbedFailure(new ApiError(0, 'network_error', "Can't reach the Planboard API")).retry).toBe(true);
  });
});

describe('no data yet, apart from no access', () => {
  it('says "no data yet" (and that the caller has access) only when the API says nothing is recorded', () => {
    const notice = describeDataState('noDataYet');
    expect(notice?.title).toBe('No data yet');
    expect(notice?.message).toMatch(/You have access to this report, but nothing has been recorded/);
    expect(describeDataState('hasData')).toBeUndefined();
    expect(describeDataState(undefined)).toBeUndefined();
  });

  it('keeps "no access" for refusals: a report without row-level security is refused in the API’s words', () => {
    const message = "This report's Power BI dataset has no row-level security, so it would show every department, not only yours.";
    const refusal = describeEmbedFailure(new ApiError(403, 'Forbidden', message));
    expect(refusal).toEqual({ title: "You don't have access to this report", message, retry: false });
    expect(refusal.title).not.toBe(describeDataState('noDataYet')?.title);
  });
});

describe('report theme', () => {
  it('passes the Fluent theme colours, so the report follows Teams dark theme', () => {
    expect(reportTheme(teamsDarkTheme).themeJson).toMatchObject({
      background: teamsDarkTheme.colorNeutralBackground1,
      foreground: teamsDarkTheme.colorNeutralForeground1,
    });
    expect(reportTheme(teamsLightTheme).themeJson.foreground).not.toBe(reportTheme(teamsDarkTheme).themeJson.foreground);
  });
});
