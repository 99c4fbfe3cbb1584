import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular } from '@fluentui/react-icons';
import type { EditableField } from '@planboard/contracts';
import { fieldLabels, isEditableField } from '../../grid/cells';
import type { BudgetEditModel } from '../../grid/editModel';
import { useGridStyles } from '../../grid/view/gridStyles';
import { whenText } from './people';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    minHeight: '28px',
  },
  cell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyle: 'none' },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  swatch: {
    width: '18px',
    height: '14px',
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    flexShrink: 0,
  },
  keys: { color: tokens.colorNeutralForeground3 },
});

/** The focused cell and how to describe it. */
export interface CellStatusBarProps {
  model: BudgetEditModel;
  focused: { lineId: string; field: string } | null;
  lineText(lineId: string): string;
  nameOf(upn: string): string;
  keysId: string;
  onClearRemote(): void;
}

/** What is special about the focused cell (why it was rejected, who changed it), a legend and the keys. */
export function CellStatusBar({ model, focused, lineText, nameOf, keysId, onClearRemote }: CellStatusBarProps) {
  const s = useStyles();
  const g = useGridStyles();
  const field = focused && isEditableField(focused.field) ? (focused.field as EditableField) : null;
  const state = focused && field ? model.cellState(focused.lineId, field) : undefined;
  let message: string | null = null;
  if (focused && field && state === 'invalid') message = model.pendingCell(focused.lineId, field)?.error ?? null;
  else if (focused && field && state === 'remote') {
    const mark = model.remoteMark(focused.lineId, field);
    message = mark ? `Changed by ${nameOf(mark.by)} at ${whenText(mark.at)}` : null;
  } else if (state === 'local') message = 'Changed by you, not saved yet';
  else if (state === 'conflict') message = 'Someone else saved this cell while you edited it: resolve the conflict';
  const counts = model.counts();
  const legend = [
    { label: 'Editable', className: undefined },
    { label: 'Read-only', className: g.readOnly },
    { label: 'Unsaved change', className: g.local },
    { label: 'Changed by others', className: g.remote },
    { label: 'Not valid', className: g.invalid },
    { label: 'Conflict', className: g.conflict },
  ];
  return (
    <div className={s.root}>
      <div className={s.cell} data-testid="cell-status" role="status" aria-live="polite">
        {focused && (
          <Caption1>
            {lineText(focused.lineId)}
            {field ? ` · ${fieldLabels[field]}` : ''}
          </Caption1>
        )}
        {message && state === 'invalid' && <ErrorCircleRegular className={s.error} aria-hidden="true" />}
        {message && (
          <Caption1 className={state === 'invalid' ? s.error : undefined} data-testid="cell-message">
            {message}
          </Caption1>
        )}
        {counts.remote > 0 && (
          <Button size="small" appearance="transparent" onClick={onClearRemote}>
            Clear {counts.remote} “changed by others” {counts.remote === 1 ? 'mark' : 'marks'}
          </Button>
        )}
      </div>
      <ul className={s.legend} aria-label="Cell colours">
        {legend.map((item) => (
          <li key={item.label} className={s.item}>
            <span className={mergeClasses(s.swatch, item.className)} aria-hidden="true" />
            <Caption1>{item.label}</Caption1>
          </li>
        ))}
      </ul>
      <Caption1 id={keysId} className={s.keys}>
        Keys: arrows move, Shift+arrows select, type or Enter to edit, Ctrl+C / Ctrl+V copy and paste with Excel, Ctrl+D fill down, Ctrl+Z /
        Ctrl+Y undo and redo, Ctrl+S save.
      </Caption1>
    </div>
  );
}
