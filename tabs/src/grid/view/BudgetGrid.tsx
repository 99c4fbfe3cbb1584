import { mergeClasses } from '@fluentui/react-components';
import {
  RevoGrid,
  type BeforeRangeSaveDataDetails,
  type BeforeSaveDataDetails,
  type FocusAfterRenderEvent,
} from '@revolist/react-datagrid';
import type { Actuals, EditableField, EditAction } from '@planboard/contracts';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useThemeName } from '../../theme/ThemeNameContext';
import type { ApplySummary, BudgetEditModel } from '../editModel';
import { fillDownInputs, pasteInputs, type GridRowValues } from '../fill';
import { patchGridA11y } from './a11y';
import { excelClipboard } from './clipboard';
import { keepCellFocus } from './focus';
import { budgetColumns, columnProps, naturalGridWidth, type GridRow } from './columns';
import { usePinnedLayout } from './usePinnedLayout';
import { useGridStyles } from './gridStyles';
import { actualOf, buildRow, refreshRow, totalRow, trimmedFor } from './rows';

/** What the page can ask of the grid (toolbar buttons that act on the selection). */
export interface BudgetGridHandle {
  /** Excel's Ctrl+D on the current selection. */
  fillDown(): Promise<void>;
  /** Moves keyboard focus into the grid (to the last focused cell). */
  focus(): void;
}

/** What the grid shows and whom it tells about edits, commands and the focused cell. */
export interface BudgetGridProps {
  model: BudgetEditModel;
  canEdit: boolean;
  actuals: Actuals;
  /** Words every shown row must contain (category, region, quarter, comment). */
  filter: string;
  /** The grid's accessible name and the id of its keyboard instructions. */
  label: string;
  describedBy: string;
  nameOf(upn: string): string;
  timeOf(iso: string): string;
  /** After typing, pasting or filling changed the model (for announcements). */
  onApplied(summary: ApplySummary, action: EditAction): void;
  /** Undo / redo / save asked for from the keyboard. */
  onCommand(command: 'undo' | 'redo' | 'save'): void;
  /** The focused cell changed (for the status bar and the line's history). */
  onFocusCell(cell: { lineId: string; field: string } | null): void;
  handleRef?: Ref<BudgetGridHandle>;
}

/** Props passed as objects must keep their identity: the wrapper re-sets every prop on each render. */
const clipboard = { rangeFill: true };

/**
 * RevoGrid's column filters (header menu); they combine with the quick filter's trimmed rows. As in
 * Excel's filter dialog, a filter applies on Save (not while typing).
 */
const columnFilter = { closeFilterPanelOnOutsideClick: true, disableDynamicFiltering: true };

const isMod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const inEditor = (event: KeyboardEvent) => event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;

const patchedParts = 'revogr-header, revogr-attribution';

/** True when a change is inside, or adds, the grid's header or attribution (what {@link patchGridA11y} fixes up). */
function touchesHeader(mutation: MutationRecord): boolean {
  const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
  if (target?.closest(patchedParts)) return true;
  return [...mutation.addedNodes].some(
    (node) => node instanceof Element && (node.matches(patchedParts) || node.querySelector(patchedParts) !== null),
  );
}

/**
 * The Excel-like budget grid: RevoGrid (virtual rows, range selection, clipboard, drag fill,
 * type-to-edit) with every change routed through the {@link BudgetEditModel}, which parses and
 * validates it, keeps it as one undoable step and marks it for saving.
 */
export function BudgetGrid(props: BudgetGridProps) {
  const { model, canEdit, actuals, filter, label, describedBy, handleRef } = props;
  const classes = useGridStyles();
  const themeName = useThemeName();
  const gridRef = useRef<HTMLRevoGridElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const { narrow, sort } = usePinnedLayout(rootRef, naturalGridWidth);
  const latest = useRef(props);
  latest.current = props;
  const pendingAction = useRef<EditAction | null>(null);
  const [rows, setRows] = useState<GridRow[]>([]);
  const [pinned, setPinned] = useState<GridRow[]>([]);
  const rowsById = useRef(new Map<string, GridRow>());

  const actualsRef = useRef(actuals);
  actualsRef.current = actuals;
  const rowsActuals = useRef(actuals);

  // Rows follow the model: rebuilt on a load, updated in place (then repainted) on edits and sync.
  useEffect(() => {
    let frame = 0;
    const rebuild = () => {
      const current = actualsRef.current;
      const next = model.lineIds().map((lineId) => buildRow(model, lineId, current));
      rowsById.current = new Map(next.map((row) => [row.lineId, row]));
      rowsActuals.current = current;
      setRows(next);
      setPinned([totalRow(model, current)]);
    };
    rebuild();
    const unsubscribe = model.subscribe(({ lineIds }) => {
      if (lineIds === 'all') return rebuild();
      for (const lineId of lineIds) {
        const row = rowsById.current.get(lineId);
        if (row) refreshRow(row, model);
        else return rebuild();
      }
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        void gridRef.current?.refresh('rgRow');
        setPinned([totalRow(model, actualsRef.current)]);
      });
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [model]);

  // Actuals arrive with (or after) the lines: patch the rows in place rather than rebuild 50,000 of them.
  useEffect(() => {
    if (rowsActuals.current === actuals) return;
    rowsActuals.current = actuals;
    for (const row of rowsById.current.values()) row.actualSales = actualOf(actuals, row.lineId);
    void gridRef.current?.refresh('rgRow');
    setPinned([totalRow(model, actuals)]);
  }, [model, actuals]);

  const columns = useMemo(
    () =>
      budgetColumns({
        model,
        canEdit,
        actuals,
        classes,
        nameOf: (upn) => latest.current.nameOf(upn),
        timeOf: (iso) => latest.current.timeOf(iso),
        pinned: narrow,
        sort,
      }),
    // `sort` is read when the columns are rebuilt for another reason; a sort alone must not rebuild them.
    [model, canEdit, actuals, classes, narrow],
  );
  const trimmed = useMemo(() => trimmedFor(rows, filter), [rows, filter]);

  const apply = (inputs: Parameters<BudgetEditModel['apply']>[0], action: EditAction) => {
    const summary = model.apply(inputs, action);
    latest.current.onApplied(summary, action);
  };

  const fillDown = async () => {
    const grid = gridRef.current;
    if (!grid || !canEdit) return;
    const range = await grid.getSelectedRange();
    if (!range || range.rowType !== 'rgRow') return;
    const visible = (await grid.getVisibleSource('rgRow')) as GridRowValues[];
    // Range coordinates are within one column region (pinned start, main, pinned end).
    const props = columnProps((await grid.getColumns()).filter((column) => (column.pin ?? 'rgCol') === range.colType));
    const inputs = fillDownInputs(range, visible, props);
    if (inputs.length) apply(inputs, 'fill');
  };

  useImperativeHandle(handleRef, () => ({ fillDown, focus: () => gridRef.current?.focus() }));

  const onKeyDownCapture = (event: KeyboardEvent) => {
    // A focused column header sorts on Enter or Space, as a click does (ascending, descending, off).
    const target = event.target as HTMLElement;
    if ((event.key === 'Enter' || event.key === ' ') && target.classList?.contains('rgHeaderCell')) {
      event.preventDefault();
      event.stopPropagation();
      target.click();
      return;
    }
    // Typing opens the editor, but a fast Enter/Tab can arrive before its input has focus: hand it over.
    const input = gridRef.current?.querySelector('revogr-edit input');
    if ((event.key === 'Enter' || event.key === 'Tab') && input instanceof HTMLInputElement && event.target !== input) {
      event.preventDefault();
      event.stopPropagation();
      input.focus();
      input.dispatchEvent(
        new window.KeyboardEvent('keydown', { key: event.key, code: event.code, shiftKey: event.shiftKey, bubbles: true }),
      );
      return;
    }
    if (!isMod(event) || event.altKey || inEditor(event)) return;
    const key = event.key.toLowerCase();
    const command = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : key === 's' ? 'save' : null;
    if (command) {
      event.preventDefault();
      event.stopPropagation();
      latest.current.onCommand(command);
    } else if (key === 'd') {
      event.preventDefault();
      event.stopPropagation();
      void fillDown();
    }
  };

  useEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const patch = () => patchGridA11y(grid, label, describedBy);
    patch();
    // RevoGrid re-renders its header and attribution whenever it likes (columns, data, theme):
    // re-apply the roles in the observer's microtask, before any other task (a screen reader's
    // query, an axe run) can see the bare markup. Rows scrolling by do not trigger it.
    const observer = new MutationObserver((mutations) => {
      if (mutations.some(touchesHeader)) patch();
    });
    observer.observe(grid, { childList: true, subtree: true, attributes: true, attributeFilter: ['role'] });
    grid.addEventListener('aftergridrender', patch);
    return () => {
      observer.disconnect();
      grid.removeEventListener('aftergridrender', patch);
    };
  }, [label, describedBy]);

  useEffect(() => (gridRef.current ? keepCellFocus(gridRef.current) : undefined), []);

  useEffect(() => (gridRef.current ? excelClipboard(gridRef.current, (action) => (pendingAction.current = action)) : undefined), []);

  useEffect(() => {
    if (rows.length) performance.mark('planboard:budget-grid-rows', { detail: { rows: rows.length } });
  }, [rows]);

  return (
    <div
      ref={rootRef}
      className={mergeClasses(classes.root, themeName === 'contrast' && classes.contrast)}
      onKeyDownCapture={onKeyDownCapture}
      data-testid="budget-grid"
      data-rows={rows.length}
      data-filter={filter}
      data-pinned={narrow ? 'true' : 'false'}
    >
      <RevoGrid
        ref={gridRef}
        source={rows}
        pinnedBottomSource={pinned}
        columns={columns}
        trimmedRows={trimmed}
        theme={themeName === 'default' ? 'default' : 'dark'}
        rowSize={32}
        rowHeaders
        range
        resize
        readonly={!canEdit}
        useClipboard={clipboard}
        filter={columnFilter}
        canMoveColumns={false}
        canDrag={false}
        stretch
        onBeforeedit={(event: CustomEvent<BeforeSaveDataDetails>) => {
          event.preventDefault();
          const row = event.detail.model as GridRow;
          if (!row.total) apply([{ lineId: row.lineId, field: String(event.detail.prop), input: event.detail.val }], 'edit');
        }}
        onBeforeautofill={() => (pendingAction.current = 'fill')}
        onBeforerangeedit={(event: CustomEvent<BeforeRangeSaveDataDetails>) => {
          event.preventDefault();
          const { data, models } = event.detail;
          const inputs = pasteInputs(
            data as Record<number, Record<string, unknown>>,
            (index) => models[index] as GridRowValues | undefined,
          );
          apply(inputs, pendingAction.current ?? 'edit');
          pendingAction.current = null;
        }}
        onAfterfocus={(event: CustomEvent<FocusAfterRenderEvent>) => {
          const row = event.detail.model as GridRow | undefined;
          const field = event.detail.column?.prop;
          latest.current.onFocusCell(
            row && !row.total && field !== undefined ? { lineId: row.lineId, field: String(field) as EditableField } : null,
          );
        }}
      />
    </div>
  );
}
