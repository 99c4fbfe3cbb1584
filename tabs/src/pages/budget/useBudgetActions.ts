import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeApiError } from '../../api/errorText';
import { applyImport, budgetKeys, exportWorkbook, previewImport, submitPlan, unlockPlan } from './budgetApi';
import type { BudgetSession, SaveOutcome } from './useBudgetSession';

/** Which dialog is open. */
export type Dialog = 'submit' | 'unlock' | 'conflicts' | 'import' | null;

/** Announces a result to screen readers (and shows it briefly). */
export type Announce = (message: string, intent?: 'success' | 'info' | 'warning' | 'error') => void;

/**
 * The page's commands beyond typing: save (with the conflict dialog when needed), submit after
 * saving, admin unlock, export to .xlsx, and import with a preview before anything is written.
 */
export function useBudgetActions(session: BudgetSession, planId: string, scopeId: string, announce: Announce) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [importFile, setImportFile] = useState<File | null>(null);
  const refreshStatus = () => void queryClient.invalidateQueries({ queryKey: budgetKeys.status(planId) });

  const reportSave = (outcome: SaveOutcome): boolean => {
    if ('busy' in outcome) return false;
    if ('error' in outcome) {
      announce(`Not saved: ${describeApiError(outcome.error).message} Your changes are kept.`, 'error');
      return false;
    }
    if (outcome.conflicts > 0) {
      setDialog('conflicts');
      announce(
        `${outcome.saved} saved; ${outcome.conflicts} ${outcome.conflicts === 1 ? 'cell was' : 'cells were'} changed by someone else.`,
        'warning',
      );
      return false;
    }
    if (outcome.saved > 0) announce(`Saved ${outcome.saved === 1 ? '1 cell' : `${outcome.saved} cells`}.`, 'success');
    return true;
  };

  const save = async () => reportSave(await session.save());

  const submit = useMutation({
    mutationFn: async () => {
      if (session.model.counts().unsaved > 0 && !(await save())) return null;
      return submitPlan(planId, scopeId);
    },
    onSuccess: (state) => {
      if (!state) return setDialog((open) => (open === 'submit' ? null : open));
      session.setState(state);
      setDialog(null);
      refreshStatus();
      announce('Plan submitted. It is read-only now; Power BI is refreshing the budget model.', 'success');
    },
  });

  const unlock = useMutation({
    mutationFn: (reason: string) => unlockPlan(planId, scopeId, reason),
    onSuccess: (state) => {
      session.setState(state);
      setDialog(null);
      refreshStatus();
      announce('Plan unlocked. Contributors can edit it again and have been told why.', 'success');
    },
  });

  const exporter = useMutation({
    mutationFn: () => exportWorkbook(planId, scopeId),
    onSuccess: (blob) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `planboard-${planId}-${scopeId}.xlsx`;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const unsaved = session.model.counts().unsaved;
      announce(`Exported the saved plan${unsaved ? ` (your ${unsaved} unsaved changes are not in the file)` : ''}.`, 'success');
    },
    onError: (error) => announce(`Export failed: ${describeApiError(error).message}`, 'error'),
  });

  const preview = useMutation({ mutationFn: (file: File) => previewImport(planId, scopeId, file) });
  const apply = useMutation({
    mutationFn: (previewId: string) => applyImport(planId, scopeId, previewId),
    onSuccess: (result) => {
      session.applyResult(result);
      if (result.conflicts.length) {
        setDialog('conflicts');
        announce(`Imported ${result.applied} cells; ${result.conflicts.length} changed meanwhile — decide for each.`, 'warning');
      } else {
        setDialog(null);
        announce(`Imported ${result.applied === 1 ? '1 cell' : `${result.applied} cells`}.`, 'success');
      }
    },
  });

  const startImport = (file: File) => {
    setImportFile(file);
    preview.reset();
    apply.reset();
    setDialog('import');
    preview.mutate(file);
  };

  const close = () => {
    setDialog(null);
    submit.reset();
    unlock.reset();
  };

  return { dialog, setDialog, close, save, submit, unlock, exporter, preview, apply, importFile, startImport };
}
