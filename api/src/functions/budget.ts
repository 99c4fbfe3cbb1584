import { app } from '@azure/functions';
import { budgetPatchSchema, budgetQuerySchema, type BudgetGrid } from '@planboard/contracts';
import { planPartitionKey, publicLine } from '@planboard/server';
import { authedRoute } from '../http/authed';
import { revalidatableJson } from '../http/conditional';
import { limited } from '../http/limits';
import { json } from '../http/respond';
import { ReadCoalescer } from '../util/coalesce';
import { parseJsonBody, parseParams, parseQuery } from '../http/validate';
import { badRequest } from '../errors';
import { getServices } from '../services';
import { actualsFor } from '../budget/actuals';
import { followRefresh } from '../budget/submit';
import { planParams } from '../budget/params';

/** Concurrent opens of one plan in this host share a storage read (see ReadCoalescer: never older than the request). */
const gridReads = new ReadCoalescer<Awaited<ReturnType<ReturnType<typeof getServices>['budget']['readLinesJson']>>>();

/** Delta sync looks a little back from the cursor: storage timestamps of concurrent commits may interleave. */
const deltaOverlapMs = 2000;

/** The caller's budget lines for one business unit, with actuals; `?since=` returns only changes. */
app.http('budgetGrid', {
  route: 'budget/{planId}/{scopeId}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(
    limited('planReads', async (request, _context, access) => {
      const { planId, scopeId } = parseParams(request, planParams);
      const { since } = parseQuery(request, budgetQuerySchema);
      const scope = access.require(scopeId, 'read', 'This budget');
      const sinceTime = since === undefined ? undefined : Date.parse(since);
      if (sinceTime !== undefined && Number.isNaN(sinceTime)) throw badRequest('`since` must be a cursor returned by this API.');
      const sinceIso = sinceTime === undefined ? undefined : new Date(sinceTime - deltaOverlapMs).toISOString();
      const { budget } = getServices();
      const partitionKey = planPartitionKey(planId, scopeId);
      if (!sinceIso) {
        // Actuals (Power BI, cached per user) are fetched while storage is read.
        const [plan, actuals] = await Promise.all([
          gridReads.read(partitionKey, () => budget.readLinesJson(partitionKey)),
          actualsFor(access, planId, scopeId),
        ]);
        if (plan.blocks === 0) throw badRequest(`There is no plan ${planId} for ${scope.name}.`);
        const state = await followRefresh({ planId, scopeId }, plan.state);
        const rest: Omit<BudgetGrid, 'lines'> = {
          planId,
          scopeId,
          scopeName: scope.name,
          canEdit: access.can(scopeId, 'edit') && state.status === 'draft',
          state,
          cursor: plan.cursor,
          actuals,
          delta: false,
        };
        // The lines go out as stored (blocks keep them in the API's shape): no 8 MB parse and re-serialise.
        // The validator leaves out the cursor (it is "now" when nothing changed): a 304 keeps the client's
        // older cursor, which is still valid for delta sync.
        const validator = `${plan.linesJson}${JSON.stringify({ ...rest, cursor: undefined })}`;
        return revalidatableJson(request, `{"lines":${plan.linesJson},${JSON.stringify(rest).slice(1)}`, validator);
      }
      const snapshot = await budget.read(partitionKey, sinceIso);
      const state = await followRefresh({ planId, scopeId }, snapshot.state);
      const body: BudgetGrid = {
        planId,
        scopeId,
        scopeName: scope.name,
        canEdit: access.can(scopeId, 'edit') && state.status === 'draft',
        state,
        cursor: snapshot.cursor > (since ?? '') ? snapshot.cursor : (since ?? snapshot.cursor),
        lines: [...snapshot.lines.values()].map(publicLine),
        actuals: { available: true, values: {} },
        delta: true,
      };
      return json(body);
    }),
  ),
});

/** A batch of cell edits; conflicts come back with both values, nothing else is lost. */
app.http('budgetSave', {
  route: 'budget/{planId}/{scopeId}',
  methods: ['PATCH'],
  authLevel: 'anonymous',
  handler: authedRoute(
    limited('planSaves', async (request, _context, access) => {
      const { planId, scopeId } = parseParams(request, planParams);
      access.require(scopeId, 'edit', 'This budget');
      const patch = await parseJsonBody(request, budgetPatchSchema);
      const result = await getServices().budgetSaves.save({ planId, scopeId, actor: access.caller.upn, patch });
      return json(result, result.conflicts.length ? 409 : 200);
    }),
  ),
});
