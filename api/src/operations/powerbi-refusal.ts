import { ApiError, dependencyUnavailable } from '../errors';
import { PowerBiError } from '@planboard/server';

/** Power BI's own words from a client error (`Power BI GET /x failed with 400 Code: words`). */
export function serviceReason(error: PowerBiError): string {
  return error.message.replace(/^Power BI \S+ \S+ failed with \d+ \S+: ?/, '').trim() || error.code;
}

/**
 * A Power BI failure as an API error: throttling and outages are 503 with `Retry-After` (the
 * caller may retry), a refusal of the request itself keeps Power BI's reason. Anything else is
 * rethrown (a 500: our fault).
 */
export function powerBiRefusal(error: unknown, what: string): never {
  if (!(error instanceof PowerBiError)) throw error;
  if (error.kind === 'throttled') {
    throw dependencyUnavailable(
      `Power BI is busy (too many requests), so ${what} did not happen. Try again shortly.`,
      Math.ceil(error.retryAfterSeconds ?? 30),
    );
  }
  if (error.kind === 'transient') throw dependencyUnavailable(`Power BI could not be reached, so ${what} did not happen.`, 30);
  if (error.status === 404) throw new ApiError(404, 'NotFound', 'Power BI no longer has this model. Refresh the catalog.');
  if (error.kind === 'auth') throw dependencyUnavailable(`Planboard has no access to this model in Power BI, so ${what} did not happen.`);
  throw new ApiError(400, 'BadRequest', `Power BI refused ${what}: ${serviceReason(error)}`);
}
