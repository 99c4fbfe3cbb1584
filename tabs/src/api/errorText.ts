import { ApiError } from './client';

export interface ProblemText {
  title: string;
  message: string;
}

function detailsText(details: unknown): string {
  if (!Array.isArray(details)) return '';
  const lines = details
    .map((d: unknown) => (d && typeof d === 'object' && 'message' in d ? String((d as { message: unknown }).message) : ''))
    .filter(Boolean);
  return lines.length ? ` ${lines.slice(0, 3).join(' ')}` : '';
}

/** Words a user understands for any error from the API client (the envelope's code decides). */
export function describeApiError(err: unknown): ProblemText {
  if (!(err instanceof ApiError)) {
    return { title: 'Something went wrong', message: err instanceof Error ? err.message : 'An unexpected error occurred. Try again.' };
  }
  const ref = err.requestId ? ` (reference ${err.requestId})` : '';
  switch (err.code) {
    case 'network_error':
      return { title: "Can't reach Planboard", message: 'Check your connection, then try again.' };
    case 'Unauthorized':
      return { title: 'Please sign in again', message: 'Your sign-in has expired.' };
    case 'ConsentRequired':
      return { title: 'Planboard needs your permission', message: `${err.message} Allow it in the window that opens, then try again.` };
    case 'Forbidden':
      return { title: "You don't have permission", message: err.message || 'Your access does not allow this.' };
    case 'NotFound':
      return { title: 'Not found', message: `${err.message} It may have been removed or you may no longer have access.` };
    case 'Conflict':
    case 'PreconditionFailed':
    case 'PreconditionRequired':
      return { title: 'Someone else changed this', message: `${err.message} Refresh to see the latest version, then try again.` };
    case 'Gone':
      return { title: 'This has expired', message: err.message };
    case 'BadRequest':
    case 'ValidationFailed':
      return { title: 'Please check what you entered', message: `${err.message}${detailsText(err.details)}` };
    case 'TooManyRequests':
      return { title: 'Too many requests', message: 'Planboard is busy. Wait a moment, then try again.' };
    case 'ServerBusy':
      return { title: 'Planboard is busy', message: `${err.message} Your changes are kept here until then.` };
    case 'DependencyUnavailable':
      return { title: 'A service is unavailable', message: `${err.message} Try again in a few minutes.` };
    case 'InternalError':
      return { title: 'Something went wrong on our side', message: `Try again in a moment${ref}.` };
    default:
      return err.status >= 500 || err.status === 0
        ? { title: "Can't reach Planboard", message: `${err.message}. Try again in a moment${ref}.` }
        : { title: 'That did not work', message: `${err.message}${ref}` };
  }
}
