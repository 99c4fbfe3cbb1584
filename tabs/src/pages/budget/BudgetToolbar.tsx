import { makeStyles, Toolbar, ToolbarButton, ToolbarDivider, tokens, Tooltip } from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowRedoRegular,
  ArrowUndoRegular,
  ArrowUploadRegular,
  LockOpenRegular,
  SaveRegular,
  SendRegular,
  ArrowBetweenDownRegular,
} from '@fluentui/react-icons';
import type { EditStep } from '../../grid/editModel';

const useStyles = makeStyles({
  toolbar: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS, paddingLeft: 0, paddingRight: 0, '& button': { whiteSpace: 'nowrap' } },
});

const stepText = (step: EditStep | undefined) => {
  if (!step) return '';
  const what = { edit: 'edit', paste: 'paste', fill: 'fill', import: 'import', undo: 'undo', redo: 'redo' }[step.action];
  return ` ${what} (${step.cells.length === 1 ? '1 cell' : `${step.cells.length} cells`})`;
};

/** What the commands can do now and what they call. */
export interface BudgetToolbarProps {
  canEdit: boolean;
  unsaved: number;
  saving: boolean;
  undoStep: EditStep | undefined;
  redoStep: EditStep | undefined;
  canSubmit: boolean;
  canUnlock: boolean;
  exporting: boolean;
  onSave(): void;
  onUndo(): void;
  onRedo(): void;
  onFillDown(): void;
  onImport(): void;
  onExport(): void;
  onSubmit(): void;
  onUnlock(): void;
}

/** The page's commands (one tab stop, arrow keys move along; shortcuts in the tooltips). */
export function BudgetToolbar(props: BudgetToolbarProps) {
  const s = useStyles();
  const { canEdit, unsaved, saving, undoStep, redoStep } = props;
  const saveLabel = saving ? 'Saving…' : unsaved ? `Save ${unsaved === 1 ? '1 change' : `${unsaved} changes`}` : 'Saved';
  return (
    <Toolbar aria-label="Budget commands" size="medium" className={s.toolbar} data-testid="budget-toolbar">
      <Tooltip content="Save only the changed cells (Ctrl+S)" relationship="description">
        <ToolbarButton
          appearance="primary"
          icon={<SaveRegular />}
          disabled={!canEdit || !unsaved || saving}
          onClick={props.onSave}
          data-testid="save"
        >
          {saveLabel}
        </ToolbarButton>
      </Tooltip>
      <ToolbarButton
        icon={<ArrowUndoRegular />}
        disabled={!undoStep}
        onClick={props.onUndo}
        aria-label={`Undo${stepText(undoStep)} (Ctrl+Z)`}
      />
      <ToolbarButton
        icon={<ArrowRedoRegular />}
        disabled={!redoStep}
        onClick={props.onRedo}
        aria-label={`Redo${stepText(redoStep)} (Ctrl+Y)`}
      />
      <Tooltip content="Copy the top row of the selection into the rows below (Ctrl+D)" relationship="description">
        <ToolbarButton icon={<ArrowBetweenDownRegular />} disabled={!canEdit} onClick={props.onFillDown}>
          Fill down
        </ToolbarButton>
      </Tooltip>
      <ToolbarDivider />
      <ToolbarButton icon={<ArrowUploadRegular />} disabled={!canEdit} onClick={props.onImport}>
        Import…
      </ToolbarButton>
      <ToolbarButton icon={<ArrowDownloadRegular />} disabled={props.exporting} onClick={props.onExport}>
        {props.exporting ? 'Exporting…' : 'Export to Excel'}
      </ToolbarButton>
      {(props.canSubmit || props.canUnlock) && <ToolbarDivider />}
      {props.canSubmit && (
        <ToolbarButton icon={<SendRegular />} onClick={props.onSubmit}>
          Submit plan…
        </ToolbarButton>
      )}
      {props.canUnlock && (
        <ToolbarButton icon={<LockOpenRegular />} onClick={props.onUnlock}>
          Unlock…
        </ToolbarButton>
      )}
    </Toolbar>
  );
}
