import { Caption1, makeStyles, SearchBox, Spinner, Subtitle1, ToggleButton, tokens } from '@fluentui/react-components';
import { PanelRightRegular } from '@fluentui/react-icons';
import { grantLevels, type CellConflict, type EditAction, type GrantLevel, type Me } from '@planboard/contracts';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { lineLabel } from '../../grid/cells';
import type { ApplySummary } from '../../grid/editModel';
import { BudgetGrid, type BudgetGridHandle } from '../../grid/view/BudgetGrid';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { BudgetDialogs } from './BudgetDialogs';
import { BudgetToolbar } from './BudgetToolbar';
import { CellStatusBar } from './CellStatusBar';
import { DetailsDrawer } from './DetailsDrawer';
import { nameFromUpn, whenText } from './people';
import { StatusBadge } from './StatusBadge';
import { useBudgetActions, type Announce } from './useBudgetActions';
import { useBudgetSession } from './useBudgetSession';
import { appliedMessage, useSaveShortcut } from './workspaceHelpers';
import { useLeaveGuard } from './useLeaveGuard';
import { WorkspaceMessages, type Notice } from './WorkspaceMessages';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  sync: { color: tokens.colorNeutralForeground3, marginLeft: 'auto' },
  filter: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  body: { display: 'flex', gap: tokens.spacingHorizontalM, minWidth: 0, alignItems: 'stretch' },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexGrow: 1, minWidth: 0 },
  hidden: { display: 'none' },
  search: { width: '340px', maxWidth: '100%' },
  toggle: { marginLeft: 'auto' },
});

const atLeast = (level: GrantLevel, wanted: GrantLevel) => grantLevels.indexOf(level) >= grantLevels.indexOf(wanted);

/** The plan and business unit to edit, and who is editing. */
export interface BudgetWorkspaceProps {
  planId: string;
  scopeId: string;
  me: Me;
  /** The caller's level on this business unit. */
  level: GrantLevel;
}

/** One business unit's plan: status, commands, the grid, subtotals and history, and the dialogs. */
export function BudgetWorkspace({ planId, scopeId, me, level }: BudgetWorkspaceProps) {
  const s = useStyles();
  const headingId = useId();
  const keysId = useId();
  const editRight = atLeast(level, 'edit');
  const session = useBudgetSession({ planId, scopeId, me: me.user.upn, editRight });
  const { model, state, canEdit } = session;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [focused, setFocused] = useState<{ lineId: string; field: string } | null>(null);
  const [filter, setFilter] = useState('');
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [leaveTo, setLeaveTo] = useState<string | null>(null);
  const grid = useRef<BudgetGridHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const nameOf = useCallback((upn: string) => nameFromUpn(upn, me.user), [me.user]);
  const lineText = useCallback(
    (lineId: string) => {
      const line = model.line(lineId);
      return line ? lineLabel(line) : lineId;
    },
    [model],
  );

  const announce: Announce = useCallback((text, intent = 'info') => setNotice({ text, intent }), []);
  useEffect(() => {
    if (!notice || notice.intent === 'error' || notice.intent === 'warning') return;
    const timer = window.setTimeout(() => setNotice(null), 8000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const actions = useBudgetActions(session, planId, scopeId, announce);
  useLeaveGuard(model.dirty, setLeaveTo);

  const undoRedo = (kind: 'undo' | 'redo') => {
    const step = kind === 'undo' ? model.undo() : model.redo();
    if (step)
      announce(
        `${kind === 'undo' ? 'Undid' : 'Redid'} ${step.action} of ${step.cells.length === 1 ? '1 cell' : `${step.cells.length} cells`}.`,
      );
    grid.current?.focus();
  };
  const command = (name: 'undo' | 'redo' | 'save') => (name === 'save' ? void actions.save() : undoRedo(name));

  useSaveShortcut(actions.save);

  const onApplied = (summary: ApplySummary, action: EditAction) => {
    const message = appliedMessage(summary, action, lineText);
    if (message) announce(message.text, message.intent);
  };

  const resolve = (conflicts: CellConflict[], choice: 'mine' | 'theirs') => {
    for (const conflict of conflicts) model.resolve(conflict, choice);
    if (model.conflicts().length === 0) {
      actions.setDialog(null);
      if (model.counts().unsaved > 0) void actions.save();
    }
  };
  const discardAll = () =>
    model.apply(
      model.pendingCells().map((cell) => ({ lineId: cell.lineId, field: cell.field, input: model.line(cell.lineId)?.[cell.field] })),
      'undo',
    );

  if (session.grid.isPending) return <Spinner label="Loading the plan…" />;
  if (session.grid.isError) {
    return <ApiErrorBar error={session.grid.error} onRetry={() => void session.grid.refetch()} retrying={session.grid.isFetching} />;
  }
  const counts = model.counts();
  const focusedLine = focused ? model.line(focused.lineId) : undefined;
  const shownRows = filter.trim() ? undefined : model.lineIds().length;
  return (
    <section className={s.root} aria-labelledby={headingId} data-testid="budget-workspace" data-scope={scopeId}>
      <div className={s.head}>
        <Subtitle1 as="h2" id={headingId} className={s.heading}>
          {session.scopeName} budget
        </Subtitle1>
        <Caption1>{planId.toUpperCase()} plan</Caption1>
        {state && <StatusBadge state={state} nameOf={nameOf} />}
        <Caption1 className={s.sync}>{session.lastSync ? `Up to date as of ${whenText(session.lastSync.toISOString())}` : ''}</Caption1>
      </div>
      <BudgetToolbar
        canEdit={canEdit}
        unsaved={counts.unsaved}
        saving={session.saving}
        undoStep={canEdit ? model.peekUndo() : undefined}
        redoStep={canEdit ? model.peekRedo() : undefined}
        canSubmit={atLeast(level, 'approve') && state?.status === 'draft'}
        canUnlock={(me.isAdmin || level === 'admin') && !!state && state.status !== 'draft'}
        exporting={actions.exporter.isPending}
        onSave={() => void actions.save()}
        onUndo={() => undoRedo('undo')}
        onRedo={() => undoRedo('redo')}
        onFillDown={() => void grid.current?.fillDown()}
        onImport={() => fileInput.current?.click()}
        onExport={() => actions.exporter.mutate()}
        onSubmit={() => actions.setDialog('submit')}
        onUnlock={() => actions.setDialog('unlock')}
      />
      <input
        ref={fileInput}
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={s.hidden}
        aria-label="Choose an .xlsx or .csv file to import"
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) actions.startImport(file);
        }}
      />
      <WorkspaceMessages
        notice={notice}
        onDismissNotice={() => setNotice(null)}
        restored={session.restored}
        onSaveRestored={() => void actions.save().then(session.dismissRestored)}
        onDiscardRestored={() => {
          discardAll();
          session.dismissRestored();
        }}
        onKeepRestored={session.dismissRestored}
        saveError={session.saveError}
        onRetrySave={() => void actions.save()}
        saving={session.saving}
        conflicts={counts.conflicts}
        onOpenConflicts={() => actions.setDialog('conflicts')}
        invalid={counts.invalid}
        state={state}
        editRight={editRight}
        actuals={session.actuals}
        onGrantConsent={() => void session.grantActualsConsent()}
        grantingConsent={session.grantingConsent}
        syncError={session.syncError}
      />
      <div className={s.filter}>
        <SearchBox
          className={s.search}
          placeholder="Filter lines by any word"
          aria-label="Filter lines"
          value={filter}
          onChange={(_, data) => setFilter(data.value)}
        />
        <Caption1>{shownRows === undefined ? 'Filtered' : `${shownRows} lines`}</Caption1>
        <ToggleButton
          className={s.toggle}
          icon={<PanelRightRegular />}
          checked={detailsOpen}
          onClick={() => setDetailsOpen((open) => !open)}
        >
          Subtotals &amp; history
        </ToggleButton>
      </div>
      <div className={s.body}>
        <div className={s.main}>
          <BudgetGrid
            handleRef={grid}
            model={model}
            canEdit={canEdit}
            actuals={session.actuals}
            filter={filter}
            label={`Budget lines of ${session.scopeName}`}
            describedBy={keysId}
            nameOf={nameOf}
            timeOf={whenText}
            onApplied={onApplied}
            onCommand={command}
            onFocusCell={(next) =>
              setFocused((current) => (current?.lineId === next?.lineId && current?.field === next?.field ? current : next))
            }
          />
          <CellStatusBar
            model={model}
            focused={focused}
            lineText={lineText}
            nameOf={nameOf}
            keysId={keysId}
            onClearRemote={() => model.clearRemoteMarks()}
          />
        </div>
        <DetailsDrawer
          open={detailsOpen}
          onClose={() => setDetailsOpen(false)}
          model={model}
          version={session.version}
          actuals={session.actuals}
          planId={planId}
          scopeId={scopeId}
          line={focusedLine ? { lineId: focusedLine.lineId, rev: focusedLine.rev } : null}
          lineText={lineText}
          nameOf={nameOf}
        />
      </div>
      <BudgetDialogs
        actions={actions}
        session={session}
        planId={planId}
        leaveTo={leaveTo}
        onLeaveDone={() => setLeaveTo(null)}
        lineText={lineText}
        nameOf={nameOf}
        onResolve={resolve}
      />
    </section>
  );
}
