import type { Actuals, BudgetPatchResult, PlanState } from '@planboard/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { askConsent } from '../../api/consent';
import { defaultStore } from '../../auth/storage';
import { draftKey, loadDraft, saveDraft } from '../../grid/drafts';
import { BudgetEditModel } from '../../grid/editModel';
import { budgetKeys, fetchActuals, fetchGrid, saveCells } from './budgetApi';

/** How often other people's saves are fetched while the page is visible. */
export const deltaIntervalMs = 3000;
const noActuals: Actuals = { available: false, values: {} };

/** The outcome of a save: cells written and conflicts left to resolve, or the error (nothing lost). */
export type SaveOutcome = { saved: number; conflicts: number } | { error: unknown } | { busy: true };

/** Which plan and business unit, who is editing, and whether their grant allows editing. */
export interface BudgetSessionInput {
  planId: string;
  scopeId: string;
  /** The signed-in user's UPN (their own saves are not "changed by others"). */
  me: string;
  /** Whether the caller's grant allows editing this business unit (edit or higher). */
  editRight: boolean;
}

/**
 * One plan × business unit being edited: loads the lines into a {@link BudgetEditModel}, restores
 * a draft kept earlier, polls for other people's changes (`?since=` every few seconds while the
 * page is visible), keeps unsaved cells as a draft, and saves only the changed cells.
 */
export function useBudgetSession({ planId, scopeId, me, editRight }: BudgetSessionInput) {
  const model = useMemo(
    () => new BudgetEditModel({ me, locale: typeof navigator === 'undefined' ? undefined : navigator.language }),
    // A new model per plan, business unit and user.
    [planId, scopeId, me],
  );
  const version = useSyncExternalStore(
    useCallback((onChange) => model.subscribe(onChange), [model]),
    () => model.version,
  );
  const storageKey = draftKey(me, planId, scopeId);
  const cursor = useRef<string | undefined>(undefined);
  const [planState, setPlanState] = useState<PlanState>();
  const [actuals, setActuals] = useState<Actuals>(noActuals);
  const [scopeName, setScopeName] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(0);
  const [lastSync, setLastSync] = useState<Date | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const savingRef = useRef(false);
  const lastFailed = useRef<{ signature: string; key: string } | null>(null);

  const grid = useQuery({
    queryKey: budgetKeys.grid(planId, scopeId),
    queryFn: ({ signal }) => fetchGrid(planId, scopeId, undefined, signal),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: 1,
  });

  useEffect(() => {
    setLoaded(false);
    setRestored(0);
    setSaveError(null);
    cursor.current = undefined;
  }, [model]);

  useEffect(() => {
    const data = grid.data;
    if (!data) return;
    // Read the draft first: loading notifies the draft writer, which forgets drafts of clean models.
    const draft = loadDraft(defaultStore(), storageKey);
    model.load(data.lines);
    setRestored(model.restore(draft));
    cursor.current = data.cursor;
    setPlanState(data.state);
    setActuals(data.actuals);
    setScopeName(data.scopeName);
    setLastSync(new Date());
    setLoaded(true);
  }, [grid.data, model, storageKey]);

  // Keep unsaved cells as a draft (sessionStorage): navigation or a failed save loses nothing.
  useEffect(() => {
    let timer = 0;
    const flush = () => {
      window.clearTimeout(timer);
      saveDraft(defaultStore(), storageKey, model.pendingCells());
    };
    const unsubscribe = model.subscribe(() => {
      window.clearTimeout(timer);
      // Nothing pending (just saved): forget the draft at once; else write it a moment later.
      if (!model.dirty) flush();
      else timer = window.setTimeout(flush, 300);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [model, storageKey]);

  const delta = useQuery({
    queryKey: budgetKeys.delta(planId, scopeId),
    queryFn: ({ signal }) => fetchGrid(planId, scopeId, cursor.current, signal),
    enabled: loaded,
    refetchInterval: deltaIntervalMs,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });

  useEffect(() => {
    const data = delta.data;
    if (!data || !loaded) return;
    model.mergeLines(data.lines);
    if (data.cursor) cursor.current = data.cursor;
    setPlanState(data.state);
    setLastSync(new Date());
  }, [delta.data, loaded, model]);

  /** Sends the valid unsaved cells, one PATCH per action (so the audit says how each was made). */
  const save = useCallback(async (): Promise<SaveOutcome> => {
    if (savingRef.current) return { busy: true };
    const batches = model.batches();
    if (!batches.length) return { saved: 0, conflicts: 0 };
    savingRef.current = true;
    setSaving(true);
    setSaveError(null);
    let saved = 0;
    let conflicts = 0;
    try {
      for (const batch of batches) {
        // A retry of the very same cells reuses its key: the API applies nothing twice.
        const signature = `${batch.action}|${JSON.stringify(batch.edits)}`;
        const key = lastFailed.current?.signature === signature ? lastFailed.current.key : crypto.randomUUID();
        try {
          const result = await saveCells(planId, scopeId, { idempotencyKey: key, action: batch.action, edits: batch.edits });
          model.markSaved(batch.cells, result);
          saved += result.applied;
          conflicts += result.conflicts.length;
          lastFailed.current = null;
        } catch (error) {
          lastFailed.current = { signature, key };
          throw error;
        }
      }
      return { saved, conflicts };
    } catch (error) {
      setSaveError(error);
      return { error };
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  }, [model, planId, scopeId]);

  /** Takes in a result written elsewhere (an import applied): stored lines and conflicts. */
  const applyResult = useCallback(
    (result: BudgetPatchResult) => {
      model.markSaved([], result);
      model.adoptConflicts(result.conflicts, 'import');
    },
    [model],
  );

  // Other views of the plan's status (the business unit cards) follow when it changes here.
  const queryClient = useQueryClient();
  const status = planState?.status;
  useEffect(() => {
    if (status) void queryClient.invalidateQueries({ queryKey: budgetKeys.status(planId) });
  }, [status, planId, queryClient]);

  /**
   * "Grant permission": the consent popup for the scopes the grid named, opened by the click itself
   * (not after a request, where it could be blocked), then the actuals again. A 403 ConsentRequired
   * on that request would bring the popup up once more (the API client's answer to it).
   */
  const [grantingConsent, setGrantingConsent] = useState(false);
  const grantActualsConsent = useCallback(async () => {
    setGrantingConsent(true);
    try {
      const scopes = actuals.consentRequired ?? [];
      if (scopes.length > 0 && !(await askConsent(scopes))) return;
      setActuals(await fetchActuals(planId, scopeId));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setActuals((current) => ({ ...current, reason }));
    } finally {
      setGrantingConsent(false);
    }
  }, [planId, scopeId, actuals.consentRequired]);

  const state = planState;
  return {
    model,
    version,
    grid,
    loaded,
    state,
    setState: setPlanState,
    canEdit: editRight && state?.status === 'draft',
    actuals,
    grantActualsConsent,
    grantingConsent,
    scopeName,
    restored,
    dismissRestored: () => setRestored(0),
    lastSync,
    syncError: delta.error,
    save,
    saving,
    saveError,
    clearSaveError: () => setSaveError(null),
    applyResult,
  };
}

/** The session a budget workspace works with (see useBudgetSession). */
export type BudgetSession = ReturnType<typeof useBudgetSession>;
