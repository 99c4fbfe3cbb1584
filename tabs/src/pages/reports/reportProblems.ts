import type { ReportDataState } from '@planboard/contracts';
import { ApiError } from '../../api/client';
import { describeApiError } from '../../api/errorText';

/** What a report's `error` event carries (powerbi-models `IError`). */
export interface ReportEventError {
  message?: string;
  detailedMessage?: string;
  errorCode?: string;
  level?: number;
}

/** A problem in words a user understands, and whether trying again can help. */
export interface ReportProblem {
  title: string;
  message: string;
  retry: boolean;
}

/** Power BI says the token expired: the viewer renews it instead of showing an error. */
export const isTokenExpired = (error: ReportEventError | undefined): boolean => error?.message === 'TokenExpired';

/**
 * Words for a report's `error` event. The codes are the documented ones (embedded-troubleshoot):
 * LoadReportFailed with 403 (token not valid for this report) or 404 (report gone), TokenExpired.
 */
export function describeReportError(error: ReportEventError | undefined): ReportProblem {
  const code = error?.errorCode;
  if (isTokenExpired(error)) {
    return {
      title: 'Your access to this report expired',
      message: 'We could not renew it automatically. Try again to reload the report.',
      retry: true,
    };
  }
  if (code === '403' || code === '401') {
    return {
      title: "You can't see this report",
      message: "Power BI didn't accept your access to this report. If you should have it, ask a Planboard admin.",
      retry: true,
    };
  }
  if (code === '404') {
    return { title: 'This report is not available', message: 'It may have been moved or deleted in Power BI.', retry: false };
  }
  return { title: "The report couldn't be displayed", message: 'Power BI had a problem showing it. Try again in a moment.', retry: true };
}

/** Words for a failure to get an embed token from our API (refusals keep the API's explanation). */
export function describeEmbedFailure(error: unknown): ReportProblem {
  if (error instanceof ApiError && error.status === 403)
    return { title: "You don't have access to this report", message: error.message, retry: false };
  if (error instanceof ApiError && error.status === 404)
    return { title: 'This report was not found', message: 'Check the link, or pick a report from the list.', retry: false };
  if (error instanceof Error && /Invalid embed URL/i.test(error.message)) {
    return {
      title: "The report's address isn't a Power BI address",
      message: 'Planboard is configured with a wrong Power BI embed address. Tell your Planboard admin.',
      retry: false,
    };
  }
  const { title, message } = describeApiError(error);
  return { title, message, retry: true };
}

/** Something to say about a report that is shown (not a problem: it loaded, and nothing is wrong). */
export interface ReportNotice {
  title: string;
  message: string;
}

/**
 * Words for a report that has nothing to show yet. "No data yet" is not "no access": the caller
 * may open the report (a missing access is a 403, "You don't have access to this report"), but
 * nothing has been recorded in the scopes they can see, so its visuals are empty for now.
 */
export function describeDataState(state: ReportDataState | undefined): ReportNotice | undefined {
  if (state !== 'noDataYet') return undefined;
  return {
    title: 'No data yet',
    message:
      'You have access to this report, but nothing has been recorded for the departments you can see. It fills in as data points are added.',
  };
}
