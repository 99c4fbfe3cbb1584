import type { CellProps, CellTemplateProp, ColumnRegular, ColumnTemplateProp, HyperFunc, VNode } from '@revolist/react-datagrid';
import type { Actuals, EditableField } from '@planboard/contracts';
import type { CellValue } from '../cells';
import type { BudgetEditModel } from '../editModel';
import { formatAmount } from '../numbers';
import type { GridClasses } from './gridStyles';
import type { SortState } from './usePinnedLayout';

/** One grid row: a budget line as displayed (unsaved values included), or the pinned total. */
export interface GridRow {
  lineId: string;
  category: string;
  region: string;
  quarter: string;
  actualSales: number | null;
  budgetAmount: CellValue;
  forecastSales: CellValue;
  comments: CellValue;
  /** The pinned "Total" row. */
  total?: boolean;
}

/** What the column definitions read while rendering cells (the model, rights, styles, names). */
export interface ColumnContext {
  model: BudgetEditModel;
  canEdit: boolean;
  actuals: Actuals;
  classes: GridClasses;
  locale?: string;
  /** Display name for a UPN ("Maja Berg"). */
  nameOf(upn: string): string;
  /** Time of a change for people ("10:42" today, else a date). */
  timeOf(iso: string): string;
  /** The grid is narrower than its columns: pin the category to the start, the editable columns to the end. */
  pinned?: boolean;
  /** The user's sort, carried over when the columns are rebuilt. */
  sort?: SortState | null;
}

/** Column widths (px) before stretching; with the row numbers and border, what the grid needs to show them all. */
const widths = { category: 110, region: 160, quarter: 76, actualSales: 130, budgetAmount: 140, forecastSales: 140, comments: 200 };
export const naturalGridWidth = Object.values(widths).reduce((sum, width) => sum + width, 0) + 56;

const classList = (...names: (string | false | undefined)[]) => Object.fromEntries(names.filter(Boolean).map((name) => [name, true]));

/** The text a cell shows for a value: grouped numbers, anything else as is. */
const shown = (value: unknown, locale?: string) => (typeof value === 'number' ? formatAmount(value, locale) : String(value ?? ''));

/** Header with the column's name and whether it can be edited, in words (for screen readers too). */
function header(name: string, editable: boolean, classes: GridClasses) {
  return (h: HyperFunc<VNode>, column: ColumnTemplateProp) => [
    h('span', { key: 'name' }, String(column.name ?? name)),
    h('span', { key: 'mark', class: classes.headerMark, 'aria-hidden': 'true' }, editable ? '✎' : ''),
    h('span', { key: 'sr', class: classes.srOnly }, editable ? ', editable' : ', read-only'),
  ];
}

/** What a screen reader hears for a cell in a special state (the value, then the state and why). */
function describeCell(ctx: ColumnContext, lineId: string, field: EditableField, shownText: string): { label?: string; title?: string } {
  const state = ctx.model.cellState(lineId, field);
  // A cleared cell is read out as "blank" (it shows nothing), never as silence.
  const text = shownText === '' ? 'blank' : shownText;
  if (state === 'invalid') {
    const reason = ctx.model.pendingCell(lineId, field)?.error ?? '';
    return { label: `${text}, invalid: ${reason}`, title: reason };
  }
  if (state === 'local') return { label: `${text}, changed by you, not saved`, title: 'Changed by you, not saved yet' };
  if (state === 'conflict') {
    const conflict = ctx.model.conflicts().find((item) => item.lineId === lineId && item.field === field);
    const who = conflict ? `${ctx.nameOf(conflict.by)} saved ${shown(conflict.theirs, ctx.locale)}` : 'someone else saved it';
    return { label: `${text}, conflict: ${who}`, title: `Conflict: ${who}` };
  }
  if (state === 'remote') {
    const mark = ctx.model.remoteMark(lineId, field);
    const who = mark ? `Changed by ${ctx.nameOf(mark.by)} at ${ctx.timeOf(mark.at)}` : 'Changed by someone else';
    return { label: `${text}, ${who.toLowerCase()}`, title: who };
  }
  return {};
}

/** A number cell's value for sorting: blank and rejected input sort below every number. */
const sortNumber = (value: unknown): number => (typeof value === 'number' ? value : Number.NEGATIVE_INFINITY);

/**
 * Sorting (header click, as in Excel: ascending, descending, off) and the header's filter menu
 * (RevoGrid's own plugins): numbers compare as numbers, text by the locale's collation.
 */
function sortAndFilter(prop: keyof GridRow, numeric: boolean, ctx: ColumnContext): Partial<ColumnRegular> {
  const collator = new Intl.Collator(ctx.locale || undefined, { numeric: true, sensitivity: 'base' });
  return {
    sortable: true,
    order: ctx.sort?.prop === prop ? ctx.sort.order : undefined,
    filter: numeric ? 'number' : 'string',
    cellCompare: numeric
      ? (_prop, a, b) => sortNumber((a as GridRow)[prop]) - sortNumber((b as GridRow)[prop])
      : (_prop, a, b) => collator.compare(String((a as GridRow)[prop] ?? ''), String((b as GridRow)[prop] ?? '')),
  };
}

function readOnlyColumn(prop: keyof typeof widths, name: string, ctx: ColumnContext, numeric = false): ColumnRegular {
  const { classes } = ctx;
  return {
    prop,
    name,
    size: widths[prop],
    ...(ctx.pinned && prop === 'category' ? { pin: 'colPinStart' as const } : {}),
    ...sortAndFilter(prop, numeric, ctx),
    readonly: true,
    columnTemplate: header(name, false, classes),
    columnProperties: () => ({ class: classList(classes.headerReadOnly, numeric && classes.number) }),
    cellTemplate: numeric ? (_h, props) => shown(props.value, ctx.locale) : undefined,
    cellProperties: ({ model }: CellTemplateProp): CellProps => ({
      class: classList(classes.readOnly, numeric && classes.number, (model as GridRow).total && classes.total),
      'aria-readonly': 'true',
    }),
  };
}

function editableColumn(field: EditableField, name: string, ctx: ColumnContext): ColumnRegular {
  const { classes } = ctx;
  const numeric = field !== 'comments';
  return {
    prop: field,
    name,
    size: widths[field],
    ...(ctx.pinned ? { pin: 'colPinEnd' as const } : {}),
    ...sortAndFilter(field, numeric, ctx),
    readonly: ({ model }) => !ctx.canEdit || !!(model as GridRow).total,
    columnTemplate: header(name, ctx.canEdit, classes),
    columnProperties: () => ({
      class: classList(ctx.canEdit ? classes.headerEditable : classes.headerReadOnly, numeric && classes.number),
    }),
    cellTemplate: (_h, props) => shown(props.value, ctx.locale),
    cellProperties: ({ model, value }: CellTemplateProp): CellProps => {
      const row = model as GridRow;
      const readOnly = !ctx.canEdit || !!row.total;
      const state = row.total ? undefined : ctx.model.cellState(row.lineId, field);
      const { label, title } = row.total ? {} : describeCell(ctx, row.lineId, field, shown(value, ctx.locale));
      return {
        class: classList(numeric && classes.number, readOnly && classes.readOnly, row.total && classes.total, state && classes[state]),
        'aria-readonly': readOnly ? 'true' : 'false',
        'aria-invalid': state === 'invalid' ? 'true' : undefined,
        'aria-label': label,
        title,
        'data-state': state,
        'data-field': field,
        'data-line': row.total ? undefined : row.lineId,
      };
    },
  };
}

/** The grid's columns: line dimensions and prior-year actuals (read-only), then the editable cells. */
export function budgetColumns(ctx: ColumnContext): ColumnRegular[] {
  const actualsName = ctx.actuals.available ? 'Actual sales PY' : 'Actual sales PY (unavailable)';
  return [
    readOnlyColumn('category', 'Category', ctx),
    readOnlyColumn('region', 'Region', ctx),
    readOnlyColumn('quarter', 'Quarter', ctx),
    readOnlyColumn('actualSales', actualsName, ctx, true),
    editableColumn('budgetAmount', 'Budget Amount', ctx),
    editableColumn('forecastSales', 'Forecast Sales', ctx),
    editableColumn('comments', 'Comments', ctx),
  ];
}

/** The props of the columns, in grid order (x → prop for fill-down). */
export const columnProps = (columns: readonly ColumnRegular[]): string[] => columns.map((column) => String(column.prop));
