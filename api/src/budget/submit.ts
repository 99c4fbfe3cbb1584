import type { PlanState } from '@planboard/contracts';
import { config } from '../config';
import { conflict } from '../errors';
import { parseServiceException, PowerBiError, watchRefresh, planPartitionKey } from '@planboard/server';
import { getServices } from '../services';
import { planEvent, transition, type PlanRef } from './plan-state';

/** The refresh we ask for: enhanced (so it has an id we can follow), all tables, all-or-nothing. */
const submitRefresh = { type: 'Full', commitMode: 'Transactional' } as const;
/** What shared capacity allows instead (a service principal may only ask for no e-mail). */
const plainRefresh = { notifyOption: 'NoNotification' } as const;

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

/** Power BI's 400 for an enhanced refresh of a model on shared capacity (Pro workspaces). */
function enhancedRefused(error: unknown): boolean {
  return error instanceof PowerBiError && error.status === 400 && /enhanced refresh is not supported|shared capacity/i.test(error.message);
}

/**
 * Starts the submit refresh: enhanced where the capacity allows it, else a plain refresh, which
 * has no execution details and is followed through the refresh history by its request id.
 */
async function triggerSubmitRefresh(): Promise<{ refreshId?: string; requestId?: string; follow: 'execution' | 'history' }> {
  const settings = config();
  const { powerBi } = getServices();
  try {
    const triggered = await powerBi.refreshes.trigger(settings.BUDGET_WORKSPACE_ID, settings.BUDGET_DATASET_ID, submitRefresh);
    return { ...triggered, follow: 'execution' };
  } catch (error) {
    if (!enhancedRefused(error)) throw error;
    const triggered = await powerBi.refreshes.trigger(settings.BUDGET_WORKSPACE_ID, settings.BUDGET_DATASET_ID, plainRefresh);
    return { requestId: triggered.requestId, follow: 'history' };
  }
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
  const { budget } = getServices();
  try {
    const triggered = await triggerSubmitRefresh();
    // Failure detection then follows this refresh too, so a failed submit refresh alerts the subscribers.
    await watchRefresh(settings.AzureWebJobsStorage, {
      workspaceId: settings.BUDGET_WORKSPACE_ID,
      datasetId: settings.BUDGET_DATASET_ID,
      ...(triggered.requestId ? { requestId: triggered.requestId } : {}),
    }).catch((error: unknown) => console.warn('Could not watch the submit refresh:', error instanceof Error ? error.message : error));
    return await transition(budget, ref, (state) => ({
      state: { ...state, status: 'refreshing', refreshId: triggered.refreshId ?? triggered.requestId, refreshFollow: triggered.follow },
    }));
  } catch (error) {
    if (isBusy(error)) return (await budget.readHeader(planPartitionKey(ref.planId, ref.scopeId))).state;
    console.warn('The submit refresh could not start:', error instanceof Error ? `${error.name}: ${error.message}` : error);
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
  const { budget } = getServices();
  let outcome: PlanState;
  try {
    const finished =
      state.refreshFollow === 'history' ? await finishedInHistory(state.refreshId) : await finishedExecution(state.refreshId);
    if (!finished) return state;
    outcome = finished.failed ? { ...state, status: 'failed', refreshError: finished.message } : { ...state, status: 'live' };
  } catch {
    return state;
  }
  try {
    return await transition(budget, ref, (current) => (current.status === 'refreshing' ? { state: outcome } : { state: current }));
  } catch {
    return state;
  }
}

interface FinishedRefresh {
  failed: boolean;
  message: string;
}

/** An enhanced refresh's outcome from its execution details; undefined while it runs. */
async function finishedExecution(refreshId: string): Promise<FinishedRefresh | undefined> {
  const settings = config();
  const execution = await getServices().powerBi.refreshes.details(settings.BUDGET_WORKSPACE_ID, settings.BUDGET_DATASET_ID, refreshId);
  if (execution.inProgress) return undefined;
  const message =
    execution.detail.messages
      ?.map((entry) => entry.message)
      .filter(Boolean)
      .join(' ') || 'The model refresh failed.';
  return { failed: execution.detail.status !== 'Completed', message };
}

/** A plain refresh's outcome from the refresh history (its entry has the trigger's request id); undefined while it runs. */
async function finishedInHistory(requestId: string): Promise<FinishedRefresh | undefined> {
  const settings = config();
  const history = await getServices().powerBi.refreshes.history(settings.BUDGET_WORKSPACE_ID, settings.BUDGET_DATASET_ID, { top: 20 });
  const entry = history.find((refresh) => refresh.requestId?.toLowerCase() === requestId.toLowerCase());
  if (!entry || entry.status === 'Unknown' || entry.status === 'NotStarted') return undefined;
  if (entry.status === 'Completed') return { failed: false, message: '' };
  const exception = parseServiceException(entry.serviceExceptionJson);
  return { failed: true, message: exception?.errorDescription ?? exception?.errorCode ?? 'The model refresh failed.' };
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
