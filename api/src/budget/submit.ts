import type { PlanState } from '@planboard/contracts';
import { config } from '../config';
import { conflict } from '../errors';
import { PowerBiError } from '../powerbi';
import { watchRefresh } from '../refresh/watch';
import { getServices } from '../services';
import { planPartitionKey } from './line-entity';
import { planEvent, transition, type PlanRef } from './plan-state';

/** The refresh we ask for: enhanced (so it has an id we can follow), all tables, all-or-nothing. */
const submitRefresh = { type: 'Full', commitMode: 'Transactional' } as const;

function describe(error: unknown): string {
  if (error instanceof PowerBiError) return `Power BI refused the refresh (${error.code ?? error.status}): ${error.message}`;
  return 'Power BI could not be reached to refresh the model.';
}

/**
 * Submits a BU's plan: it becomes read-only (header first, then every block is stamped so a save
 * that read before the submit re-reads and is refused), the budget model refresh is triggered and
 * its id recorded; the outcome is followed by {@link followRefresh}.
 */
export async function submitPlan(ref: PlanRef, actor: string, now = new Date()): Promise<PlanState> {
  const { budget } = getServices();
  const at = now.toISOString();
  await transition(budget, ref, (state) => {
    if (state.status !== 'draft') throw conflict(`This plan is already ${state.status}.`);
    return {
      state: { status: 'submitted', submittedBy: actor, submittedAt: at },
      event: planEvent('submit', actor, at, state.status, 'submitted'),
    };
  });
  const partitionKey = planPartitionKey(ref.planId, ref.scopeId);
  const snapshot = await budget.read(partitionKey);
  await budget.sealBlocks(partitionKey, [...snapshot.blocks.keys()], at);
  return startRefresh(ref);
}

/** True for Power BI's "Another refresh request is already executing" (another BU submitted just before). */
function isBusy(error: unknown): boolean {
  return error instanceof PowerBiError && error.status === 400 && /already executing/i.test(error.message);
}

/**
 * Triggers the model refresh for a submitted plan. If another refresh of the model is running, the
 * plan stays `submitted` and the next look at it tries again ({@link followRefresh}).
 */
async function startRefresh(ref: PlanRef): Promise<PlanState> {
  const settings = config();
  const { budget, powerBi } = getServices();
  try {
    const triggered = await powerBi.refreshes.trigger(settings.BUDGET_WORKSPACE_ID, settings.BUDGET_DATASET_ID, submitRefresh);
    // Failure detection then follows this refresh too, so a failed submit refresh alerts the subscribers.
    await watchRefresh(settings.AzureWebJobsStorage, {
      workspaceId: settings.BUDGET_WORKSPACE_ID,
      datasetId: settings.BUDGET_DATASET_ID,
      ...(triggered.requestId ? { requestId: triggered.requestId } : {}),
    }).catch((error: unknown) => console.warn('Could not watch the submit refresh:', error instanceof Error ? error.message : error));
    return await transition(budget, ref, (state) => ({
      state: { ...state, status: 'refreshing', refreshId: triggered.refreshId ?? triggered.requestId },
    }));
  } catch (error) {
    if (isBusy(error)) return (await budget.readHeader(planPartitionKey(ref.planId, ref.scopeId))).state;
    return transition(budget, ref, (state) => ({ state: { ...state, status: 'failed', refreshError: describe(error) } }));
  }
}

/**
 * Moves a `refreshing` plan to `live` or `failed` once Power BI has finished the refresh. Called
 * when someone looks at the plan, so no background state is needed; a lost race is harmless.
 */
export async function followRefresh(ref: PlanRef, state: PlanState): Promise<PlanState> {
  if (state.status === 'submitted' && !state.refreshId) return startRefresh(ref).catch(() => state);
  if (state.status !== 'refreshing' || !state.refreshId) return state;
  const settings = config();
  const { budget, powerBi } = getServices();
  let outcome: PlanState;
  try {
    const execution = await powerBi.refreshes.details(settings.BUDGET_WORKSPACE_ID, settings.BUDGET_DATASET_ID, state.refreshId);
    if (execution.inProgress) return state;
    const failed = execution.detail.status !== 'Completed';
    const message =
      execution.detail.messages
        ?.map((entry) => entry.message)
        .filter(Boolean)
        .join(' ') || 'The model refresh failed.';
    outcome = failed ? { ...state, status: 'failed', refreshError: message } : { ...state, status: 'live' };
  } catch {
    return state;
  }
  try {
    return await transition(budget, ref, (current) => (current.status === 'refreshing' ? { state: outcome } : { state: current }));
  } catch {
    return state;
  }
}

/** Reopens a submitted plan for editing; the reason is audited and sent to the BU. */
export async function unlockPlan(ref: PlanRef, actor: string, reason: string, now = new Date()): Promise<PlanState> {
  const at = now.toISOString();
  return transition(getServices().budget, ref, (state) => {
    if (state.status === 'draft') throw conflict('This plan is not submitted; there is nothing to unlock.');
    return {
      state: { status: 'draft', unlockedBy: actor, unlockedAt: at, unlockReason: reason },
      event: { ...planEvent('unlock', actor, at, state.status, 'draft'), o: state.status, n: `draft: ${reason}` },
    };
  });
}
