import { app } from '@azure/functions';
import { planIdSchema, unlockRequestSchema, type PlanStatusList } from '@planboard/contracts';
import { z } from 'zod';
import { planPartitionKey } from '@planboard/server';
import { notifyPlanEvent } from '../budget/notify';
import { followRefresh, submitPlan, unlockPlan } from '../budget/submit';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { parseJsonBody, parseParams } from '../http/validate';
import { getServices } from '../services';
import { planParams } from '../budget/params';
import { requirePlan } from '../budget/plan-state';

/** A BU leader (approve) submits the plan: read-only, model refresh triggered. */
app.http('budgetSubmit', {
  route: 'budget/{planId}/{scopeId}/submit',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const ref = parseParams(request, planParams);
    const scope = access.require(ref.scopeId, 'approve', 'This budget');
    await requirePlan(getServices().budget, ref, scope.name);
    const state = await submitPlan(ref, access.caller.upn);
    const notified = await notifyPlanEvent('planSubmitted', ref, scope.name, access.caller, state);
    return json({ state, notified });
  }),
});

/** Admins reopen a submitted plan, with a reason. */
app.http('budgetUnlock', {
  route: 'budget/{planId}/{scopeId}/unlock',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const ref = parseParams(request, planParams);
    const scope = access.require(ref.scopeId, 'admin', 'This budget');
    const { reason } = await parseJsonBody(request, unlockRequestSchema);
    await requirePlan(getServices().budget, ref, scope.name);
    const state = await unlockPlan(ref, access.caller.upn, reason);
    const notified = await notifyPlanEvent('planUnlocked', ref, scope.name, access.caller, state);
    return json({ state, notified });
  }),
});

/** Submission status of every BU the caller can read (managers see their scopes). */
app.http('budgetStatus', {
  route: 'budget/{planId}/status',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (request, _context, access) => {
    const { planId } = parseParams(request, z.object({ planId: planIdSchema }));
    const { budget } = getServices();
    const units = await Promise.all(
      access.scopes
        .filter((scope) => scope.type === 'businessUnit')
        .map(async (scope) => {
          const { state } = await budget.readHeader(planPartitionKey(planId, scope.id));
          return { scopeId: scope.id, scopeName: scope.name, state: await followRefresh({ planId, scopeId: scope.id }, state) };
        }),
    );
    const body: PlanStatusList = { planId, units };
    return json(body);
  }),
});
