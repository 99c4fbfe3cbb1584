import { app } from '@azure/functions';
import { planIdSchema, type BudgetSummary } from '@planboard/contracts';
import { planPartitionKey } from '@planboard/server';
import { z } from 'zod';
import { followRefresh } from '../budget/submit';
import { summariseLines, sumTotals } from '../budget/summary';
import { authedRoute } from '../http/authed';
import { limited } from '../http/limits';
import { json } from '../http/respond';
import { parseParams } from '../http/validate';
import { getServices } from '../services';

/**
 * Every business unit the caller can read, side by side (read-only): a manager of several sees
 * them together, with each plan's status and totals. BUs without a plan are left out.
 */
app.http('budgetSummary', {
  route: 'budget/{planId}/summary',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(
    limited('planReads', async (request, _context, access) => {
      const { planId } = parseParams(request, z.object({ planId: planIdSchema }));
      const { budget } = getServices();
      const readable = access.scopes.filter((scope) => scope.type === 'businessUnit');
      const units = await Promise.all(
        readable.map(async (scope) => {
          const snapshot = await budget.read(planPartitionKey(planId, scope.id));
          if (snapshot.lines.size === 0) return undefined;
          const state = await followRefresh({ planId, scopeId: scope.id }, snapshot.state);
          return { scopeId: scope.id, scopeName: scope.name, state, ...summariseLines(snapshot.lines.values()) };
        }),
      );
      const planned = units.filter((unit) => unit !== undefined).sort((a, b) => a.scopeName.localeCompare(b.scopeName));
      const body: BudgetSummary = { planId, units: planned, totals: sumTotals(planned.map((unit) => unit.totals)) };
      return json(body);
    }),
  ),
});
