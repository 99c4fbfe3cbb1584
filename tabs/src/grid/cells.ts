import { editableFields, type BudgetLine, type EditableField, type EditAction } from '@planboard/contracts';
import { formatAmount, parseAmount, parseComment, type ParseResult } from './numbers';

/** A value a budget cell can hold; null is a blank number cell (cleared: not 0). */
export type CellValue = number | string | null;

/** What a cell shows: a valid value, or the text the user entered and why it was rejected. */
export interface CellDraft {
  value?: CellValue;
  /** The rejected input, shown as typed. */
  raw?: string;
  /** Why the input was rejected (set together with `raw`). */
  error?: string;
}

/** A locally changed cell not yet saved: the draft plus the line revision it was based on. */
export interface PendingCell extends CellDraft {
  lineId: string;
  field: EditableField;
  /** The line's revision when the user started from it (sent as `baseRev`). */
  baseRev: number;
  /** How it was changed (edit, paste, fill, import, undo, redo): recorded in the audit trail. */
  action: EditAction;
}

/** Input for one cell, as typed, pasted or filled. */
export interface CellInput {
  lineId: string;
  field: string;
  input: unknown;
}

/** Who last changed a cell that someone else saved since this page loaded. */
export interface RemoteMark {
  by: string;
  at: string;
}

/** How a cell should look: unsaved local change, rejected input, conflict, changed by others. */
export type CellState = 'local' | 'invalid' | 'conflict' | 'remote' | undefined;

const editable = new Set<string>(editableFields);

/** True for the fields a contributor may change. */
export const isEditableField = (field: string): field is EditableField => editable.has(field);

/** Map key of one cell. Line ids never contain `|`. */
export const cellKey = (lineId: string, field: EditableField): string => `${lineId}|${field}`;

/** The two halves of a cell key. */
export function splitKey(key: string): { lineId: string; field: EditableField } {
  const at = key.lastIndexOf('|');
  return { lineId: key.slice(0, at), field: key.slice(at + 1) as EditableField };
}

/** Validates input for a field: amounts as numbers within bounds, comments up to 2,000 characters. */
export function parseCell(field: EditableField, input: unknown, locale?: string): ParseResult<CellValue> {
  return field === 'comments' ? parseComment(input) : parseAmount(input, locale);
}

/** A cell's draft from input: the parsed value, or the raw text with the reason it was rejected. */
export function draftFrom(field: EditableField, input: unknown, locale?: string): CellDraft {
  const parsed = parseCell(field, input, locale);
  return parsed.ok ? { value: parsed.value } : { raw: input === null || input === undefined ? '' : String(input), error: parsed.reason };
}

/** True when two drafts show the same thing. */
export const sameDraft = (a: CellDraft, b: CellDraft): boolean => a.value === b.value && a.raw === b.raw && a.error === b.error;

/** What a cell displays for a draft (the rejected text when invalid, nothing when blank). */
export const draftDisplay = (draft: CellDraft): number | string => (draft.error !== undefined ? (draft.raw ?? '') : (draft.value ?? ''));

/** The stored value of a field of a line. */
export const baseValue = (line: BudgetLine, field: EditableField): CellValue => line[field];

/** A readable name of a line for messages: "Coffee · Norway · Q1". */
export const lineLabel = (line: Pick<BudgetLine, 'category' | 'region' | 'quarter'>): string =>
  `${line.category} · ${line.region} · ${line.quarter}`;

/** Column names as the grid shows them. */
export const fieldLabels: Record<EditableField, string> = {
  budgetAmount: 'Budget Amount',
  forecastSales: 'Forecast Sales',
  comments: 'Comments',
};

/** A cell value in words for dialogs and the history: "120,000", "(blank)" for a cleared number, "(empty)" for an empty comment. */
export const valueText = (value: CellValue, locale?: string): string =>
  value === null ? '(blank)' : typeof value === 'number' ? formatAmount(value, locale) : value === '' ? '(empty)' : value;
