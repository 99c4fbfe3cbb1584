import type { CellConflict } from '@planboard/contracts';
import { ConflictDialog } from './ConflictDialog';
import { ImportDialog } from './ImportDialog';
import { LeaveDialog } from './LeaveDialog';
import { SubmitDialog } from './SubmitDialog';
import { UnlockDialog } from './UnlockDialog';
import type { useBudgetActions } from './useBudgetActions';
import type { BudgetSession } from './useBudgetSession';

/** The page state the dialogs read and the callbacks they settle with. */
export interface BudgetDialogsProps {
  actions: ReturnType<typeof useBudgetActions>;
  session: BudgetSession;
  planId: string;
  /** Where the user wanted to go with unsaved changes (the leave dialog is open while set). */
  leaveTo: string | null;
  onLeaveDone(): void;
  lineText(lineId: string): string;
  nameOf(upn: string): string;
  onResolve(conflicts: CellConflict[], choice: 'mine' | 'theirs'): void;
}

/** The page's dialogs: submit, unlock, conflicts, import preview, leaving with unsaved changes. */
export function BudgetDialogs({ actions, session, planId, leaveTo, onLeaveDone, lineText, nameOf, onResolve }: BudgetDialogsProps) {
  const { model } = session;
  const counts = model.counts();
  const conflicts = model.conflicts();
  const leave = (href: string) => {
    onLeaveDone();
    window.location.hash = href;
  };
  return (
    <>
      <SubmitDialog
        open={actions.dialog === 'submit'}
        scopeName={session.scopeName}
        planId={planId}
        unsaved={counts.unsaved}
        invalid={counts.invalid}
        pending={actions.submit.isPending || session.saving}
        error={actions.submit.error}
        onConfirm={() => actions.submit.mutate()}
        onClose={actions.close}
      />
      <UnlockDialog
        open={actions.dialog === 'unlock'}
        scopeName={session.scopeName}
        pending={actions.unlock.isPending}
        error={actions.unlock.error}
        onConfirm={(reason) => actions.unlock.mutate(reason)}
        onClose={actions.close}
      />
      <ConflictDialog
        open={actions.dialog === 'conflicts'}
        conflicts={conflicts}
        lineText={lineText}
        nameOf={nameOf}
        onResolve={(conflict, choice) => onResolve([conflict], choice)}
        onResolveAll={(choice) => onResolve(conflicts, choice)}
        onClose={actions.close}
      />
      <ImportDialog
        open={actions.dialog === 'import'}
        fileName={actions.importFile?.name ?? ''}
        preview={actions.preview.data}
        previewPending={actions.preview.isPending}
        previewError={actions.preview.error}
        applyPending={actions.apply.isPending}
        applyError={actions.apply.error}
        unsaved={counts.unsaved}
        lineText={lineText}
        onApply={() => actions.preview.data && actions.apply.mutate(actions.preview.data.previewId)}
        onClose={actions.close}
      />
      <LeaveDialog
        open={leaveTo !== null}
        unsaved={counts.unsaved + counts.invalid}
        onStay={onLeaveDone}
        onLeave={() => leaveTo && leave(leaveTo)}
        onSaveAndLeave={() =>
          void actions.save().then((ok) => {
            if (ok && leaveTo) leave(leaveTo);
            else onLeaveDone();
          })
        }
      />
    </>
  );
}
