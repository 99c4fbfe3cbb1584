import type { EditableField, EditAction } from '@planboard/contracts';
import { draftFrom, isEditableField, sameDraft, type CellDraft, type CellInput } from './cells';
import { CellStore } from './cellStore';

/** One undoable user action (a whole paste or fill is one step). */
export interface EditStep {
  action: EditAction;
  cells: { lineId: string; field: EditableField; before: CellDraft; after: CellDraft }[];
}

/** What `apply` did: cells changed, how many were rejected or read-only, and the first rejection. */
export interface ApplySummary {
  changed: number;
  invalid: number;
  readOnly: number;
  firstError?: { lineId: string; field: EditableField; reason: string };
}

/** Typing, pasting and filling as undoable steps over a {@link CellStore}. */
export class EditHistory extends CellStore {
  private undoStack: EditStep[] = [];
  private redoStack: EditStep[] = [];

  /**
   * Applies typed, pasted or filled input as one undoable step. Read-only fields are skipped;
   * rejected input is kept in the cell (shown as typed, with the reason) and never saved.
   */
  apply(inputs: readonly CellInput[], action: EditAction): ApplySummary {
    const summary: ApplySummary = { changed: 0, invalid: 0, readOnly: 0 };
    const step: EditStep = { action, cells: [] };
    const touched = new Set<string>();
    for (const { lineId, field, input } of inputs) {
      if (!isEditableField(field) || !this.lines.has(lineId)) {
        summary.readOnly += 1;
        continue;
      }
      const before = this.draft(lineId, field);
      const after = draftFrom(field, input, this.options.locale);
      if (after.error !== undefined) {
        summary.invalid += 1;
        summary.firstError ??= { lineId, field, reason: after.error };
      }
      if (sameDraft(before, after)) continue;
      this.setDraft(lineId, field, after, action);
      step.cells.push({ lineId, field, before, after });
      touched.add(lineId);
    }
    summary.changed = step.cells.length;
    if (step.cells.length) {
      this.undoStack.push(step);
      if (this.undoStack.length > (this.options.maxUndo ?? 100)) this.undoStack.shift();
      this.redoStack = [];
      this.emit(touched);
    }
    return summary;
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** The step Undo would revert (for its label), without reverting it. */
  peekUndo(): EditStep | undefined {
    return this.undoStack[this.undoStack.length - 1];
  }

  peekRedo(): EditStep | undefined {
    return this.redoStack[this.redoStack.length - 1];
  }

  /** Reverts the last step (all its cells at once); returns it, or undefined when there is none. */
  undo(): EditStep | undefined {
    return this.replay(this.undoStack, this.redoStack, 'undo');
  }

  /** Re-applies the last undone step. */
  redo(): EditStep | undefined {
    return this.replay(this.redoStack, this.undoStack, 'redo');
  }

  private replay(from: EditStep[], to: EditStep[], action: 'undo' | 'redo'): EditStep | undefined {
    const step = from.pop();
    if (!step) return undefined;
    const touched = new Set<string>();
    for (const cell of step.cells) {
      this.setDraft(cell.lineId, cell.field, action === 'undo' ? cell.before : cell.after, action);
      touched.add(cell.lineId);
    }
    to.push(step);
    this.emit(touched);
    return step;
  }
}
