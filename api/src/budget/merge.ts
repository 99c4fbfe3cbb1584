import type { CellConflict, CellEdit, EditAction } from '@planboard/contracts';
import type { HistoryEntry, StoredLine } from './line-entity';

export interface SaveContext {
  actor: string;
  action: EditAction;
  saveId: string;
  at: string;
}

export interface MergeResult {
  /** Lines with their new values, revision and audit entries, to write conditionally on their ETag. */
  updated: StoredLine[];
  conflicts: CellConflict[];
  applied: number;
  unchanged: number;
}

/**
 * Applies a batch of cell edits to the current lines, cell by cell (pure):
 * - a cell someone else changed after the editor's `baseRev` is a conflict (both values returned);
 * - edits to other cells of the same line merge;
 * - an edit this save already applied (a retry with the same key) is skipped, never applied twice;
 * - the last edit of a cell in a batch wins; a value equal to the stored one changes nothing.
 */
export function mergeEdits(current: ReadonlyMap<string, StoredLine>, edits: readonly CellEdit[], context: SaveContext): MergeResult {
  const lastEdit = new Map<string, CellEdit>();
  for (const edit of edits) lastEdit.set(`${edit.lineId}\u0000${edit.field}`, edit);

  const working = new Map<string, StoredLine>();
  const conflicts: CellConflict[] = [];
  let applied = 0;
  let unchanged = 0;
  for (const edit of lastEdit.values()) {
    const stored = current.get(edit.lineId);
    if (!stored) throw new Error(`mergeEdits: unknown line ${edit.lineId} (validate before merging)`);
    const line = working.get(edit.lineId) ?? stored;
    if (stored.history.some((entry) => entry.s === context.saveId && entry.f === edit.field)) {
      applied += 1;
      continue;
    }
    const value = line[edit.field];
    if (value === edit.value) {
      unchanged += 1;
      continue;
    }
    const change = stored.changes[edit.field];
    if (change && change.rev > edit.baseRev) {
      conflicts.push({
        lineId: edit.lineId,
        field: edit.field,
        mine: edit.value,
        theirs: value,
        by: change.by,
        at: change.at,
        currentRev: stored.rev,
      });
      continue;
    }
    const rev = stored.rev + 1;
    const entry: HistoryEntry = {
      f: edit.field,
      o: value,
      n: edit.value,
      by: context.actor,
      at: context.at,
      a: context.action,
      r: rev,
      s: context.saveId,
    };
    working.set(edit.lineId, {
      ...line,
      [edit.field]: edit.value,
      rev,
      changes: { ...line.changes, [edit.field]: { rev, by: context.actor, at: context.at } },
      history: [...line.history, entry],
    });
    applied += 1;
  }
  return { updated: [...working.values()], conflicts, applied, unchanged };
}
