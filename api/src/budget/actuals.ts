import type { Actuals } from '@planboard/contracts';
import type { Access } from '../access/guard';
import { config } from '../config';
import { PowerBiConsentRequiredError, PowerBiError, budgetLineId } from '@planboard/server';
import { getServices } from '../services';

/** Actuals are cached briefly per user and BU (RLS makes them per user); a cache, never a source of truth. */
const cacheTtlMs = 60_000;
const cache = new Map<string, { expires: number; actuals: Actuals }>();

/** What the user must consent to for actuals (delegated Power BI scopes; `.default` is not consentable interactively). */
export const actualsConsentScopes = ['https://analysis.windows.net/powerbi/api/Dataset.Read.All'];

/** A scope id is a slug (validated at the route), so it can be quoted in DAX as is. */
export function actualsQuery(scopeId: string): string {
  return [
    'EVALUATE SUMMARIZECOLUMNS(',
    "  'Actuals'[Category], 'Actuals'[Region], 'Actuals'[Quarter],",
    `  FILTER('Actuals', 'Actuals'[BusinessUnit] = "${scopeId}"),`,
    `  "ActualSales", SUM('Actuals'[ActualSales])`,
    ')',
  ].join('\n');
}

/** Turns executeQueries rows (`Table[Column]` keys) into actual sales by budget line id. */
export function actualsByLine(rows: readonly Record<string, unknown>[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const row of rows) {
    const key = budgetLineId(String(row['Actuals[Category]']), String(row['Actuals[Region]']), String(row['Actuals[Quarter]']));
    values[key] = Number(row['[ActualSales]'] ?? row.ActualSales ?? 0);
  }
  return values;
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.message === 'timeout')
    return `Power BI did not answer within ${timeoutMs / 1000} s; actuals will appear when it does.`;
  if (error instanceof PowerBiError && error.status === 429) return 'Power BI is busy right now (throttled); actuals will be back shortly.';
  if (error instanceof PowerBiError && (error.status === 401 || error.status === 403))
    return 'Power BI refused access to the actuals for your account.';
  return 'Power BI is unavailable right now; actuals will be back when it is.';
}

/**
 * Historical actuals for the grid's read-only column, from the budget semantic model queried as
 * the user (on-behalf-of), so Power BI's RLS applies on top of ours. Bounded by a timeout: the
 * grid always loads, with the reason when actuals are missing.
 */
export async function actualsFor(access: Access, _planId: string, scopeId: string): Promise<Actuals> {
  const settings = config();
  const key = `${access.caller.tid}|${access.caller.oid}|${scopeId}`;
  const hit = cache.get(key);
  if (hit && hit.expires > Date.now()) return hit.actuals;
  const client = getServices().powerBiAsUser.onBehalfOf(access.caller.token);
  let timer: NodeJS.Timeout | undefined;
  try {
    const rows = await Promise.race([
      client.queries.rows(null, settings.BUDGET_DATASET_ID, actualsQuery(scopeId)),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), settings.ACTUALS_TIMEOUT_MS))),
    ]);
    const actuals: Actuals = { available: true, values: actualsByLine(rows), fetchedAt: new Date().toISOString() };
    cache.set(key, { expires: Date.now() + cacheTtlMs, actuals });
    return actuals;
  } catch (error) {
    if (error instanceof PowerBiConsentRequiredError) {
      return {
        available: false,
        reason: 'Planboard needs your permission to read the actuals from Power BI for you.',
        consentRequired: actualsConsentScopes,
        values: {},
      };
    }
    console.warn(`Actuals for ${scopeId} unavailable:`, error instanceof Error ? `${error.name}: ${error.message}` : error);
    return { available: false, reason: reasonOf(error, settings.ACTUALS_TIMEOUT_MS), values: {} };
  } finally {
    clearTimeout(timer);
  }
}
