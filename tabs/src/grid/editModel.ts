import type { BudgetLine, BudgetPatchResult, CellConflict, CellEdit, EditAction } from '@planboard/contracts';
import { editableFields } from '@planboard/contracts';
import { cellKey, type PendingCell } from './cells';
import { EditHistory } from './editHistory';

export type { EditStep, ApplySummary } from './editHistory';
export type { ModelChange, EditModelOptions } from './cellStore';

/** The valid unsaved edits of one action: one PATCH each, so the audit records how they were made. */
export interface SaveBatch {
  action: EditAction;
  cells: PendingCell[];
  edits: CellEdit[];
}

/**
 * The budget grid's edit model: cells, undo/redo ({@link EditHistory}) and what saving and delta
 * sync need: batches to send, merging lines from the server, a save's outcome, conflicts.
 */
export class BudgetEditModel extends EditHistory {
  /** The valid unsaved cells grouped by action, ready to send. */
  batches(): SaveBatch[] {
    const byAction = new Map<EditAction, SaveBatch>();
    for (const cell of this.pending.values()) {
      if (cell.error !== undefined || cell.value === undefined) continue;
      const batch = byAction.get(cell.action) ?? { action: cell.action, cells: [], edits: [] };
      batch.cells.push(cell);
      batch.edits.push({ lineId: cell.lineId, field: cell.field, value: cell.value, baseRev: cell.baseRev } as CellEdit);
      byAction.set(cell.action, batch);
    }
    return [...byAction.values()];
  }

  /**
   * Takes in lines from the server (delta sync, or a save's result): lines with a newer revision
   * replace the stored ones. A cell someone else changed is marked, unless it is edited locally
   * (saving it then reports a conflict); a local edit equal to the new value is dropped.
   */
  mergeLines(incoming: readonly BudgetLine[]): { lines: number; cells: number } {
    const touched = new Set<string>();
    let cells = 0;
    for (const line of incoming) {
      const current = this.lines.get(line.lineId);
      if (current && line.rev <= current.rev) continue;
      if (!current) this.order = [...this.order, line.lineId];
      this.lines.set(line.lineId, line);
      touched.add(line.lineId);
      if (!current) continue;
      for (const field of editableFields) {
        if (line[field] === current[field]) continue;
        const key = cellKey(line.lineId, field);
        const pending = this.pending.get(key);
        const change = line.changes[field];
        if (pending && pending.error === undefined && pending.value === line[field]) this.pending.delete(key);
        else if (!pending && change && change.by.toLowerCase() !== this.options.me.toLowerCase()) {
          this.remote.set(key, { by: change.by, at: change.at });
          cells += 1;
        }
      }
    }
    if (touched.size) this.emit(touched);
    return { lines: touched.size, cells };
  }

  /**
   * Records a save's outcome: the sent cells that were applied (or already equal) stop being
   * pending; conflicting ones stay, with the conflict; cells edited again while saving stay
   * pending, based on the revision this save produced.
   */
  markSaved(sent: readonly PendingCell[], result: BudgetPatchResult): void {
    const conflicts = new Map(result.conflicts.map((conflict) => [cellKey(conflict.lineId, conflict.field), conflict]));
    const touched = new Set<string>();
    const editedAgain: PendingCell[] = [];
    for (const cell of sent) {
      const key = cellKey(cell.lineId, cell.field);
      const conflict = conflicts.get(key);
      const current = this.pending.get(key);
      touched.add(cell.lineId);
      if (conflict) {
        if (current === cell) this.conflictMap.set(key, conflict);
      } else if (current === cell) this.pending.delete(key);
      else if (current) editedAgain.push(current);
    }
    this.mergeLines(result.lines);
    for (const current of editedAgain) {
      const line = this.lines.get(current.lineId);
      if (line) current.baseRev = Math.max(current.baseRev, line.rev);
    }
    this.emit(touched);
  }

  /**
   * Conflicts of a write made elsewhere (an import applied on the server): my value becomes an
   * unsaved cell in conflict, to keep or drop like any other.
   */
  adoptConflicts(conflicts: readonly CellConflict[], action: EditAction): void {
    const touched = new Set<string>();
    for (const conflict of conflicts) {
      if (!this.lines.has(conflict.lineId)) continue;
      const key = cellKey(conflict.lineId, conflict.field);
      this.pending.set(key, { lineId: conflict.lineId, field: conflict.field, value: conflict.mine, baseRev: 0, action });
      this.conflictMap.set(key, conflict);
      touched.add(conflict.lineId);
    }
    if (touched.size) this.emit(touched);
  }

  /** Resolves a conflict: keep mine (resend over their revision) or take theirs (drop my edit). */
  resolve(conflict: CellConflict, choice: 'mine' | 'theirs'): void {
    const key = cellKey(conflict.lineId, conflict.field);
    this.conflictMap.delete(key);
    const pending = this.pending.get(key);
    if (choice === 'mine') {
      if (pending) pending.baseRev = conflict.currentRev;
    } else {
      this.pending.delete(key);
      const line = this.lines.get(conflict.lineId);
      if (line) this.lines.set(conflict.lineId, { ...line, [conflict.field]: conflict.theirs });
      this.remote.set(key, { by: conflict.by, at: conflict.at });
    }
    this.emit(new Set([conflict.lineId]));
  }
}
