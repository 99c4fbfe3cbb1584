import { app } from '@azure/functions';
import { actualsFor } from '../budget/actuals';
import { planParams } from '../budget/params';
import { ApiError } from '../errors';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseParams } from '../http/validate';

/**
 * The actuals column alone, as the caller (on-behalf-of, so Power BI's RLS applies): what the tab
 * reloads after the user consented in Teams' popup. Without consent it is a 403 `ConsentRequired`
 * naming the scopes to ask for, rather than an empty column.
 */
app.http('budgetActuals', {
  route: 'budget/{planId}/{scopeId}/actuals',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { planId, scopeId } = parseParams(request, planParams);
    access.require(scopeId, 'read', 'This budget');
    const actuals = await actualsFor(access, planId, scopeId);
    if (actuals.consentRequired) {
      throw new ApiError(
        403,
        'ConsentRequired',
        actuals.reason ?? 'Consent to Power BI is required.',
        actuals.consentRequired.map((scope) => ({ path: 'scopes', message: scope })),
      );
    }
    return json(actuals, 200, { 'Cache-Control': 'private, no-store' });
  }),
});
