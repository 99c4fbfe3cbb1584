import type { CellConflict, CellEdit, EditAction } from '@planboard/contracts';
import type { HistoryEntry, StoredLine } from '@planboard/server';

export interface SaveContext {
  actor: string;
  action: EditAction;
  saveId: string;
  at: string;
  /** True when this save (same idempotency key) already committed the line's block: a retry. */
  alreadySaved?: (line: StoredLine) => boolean;
}

export interface MergeResult {
  /** Lines with their new values and revision, to write conditionally on their block's ETag. */
  updated: StoredLine[];
  /** The audit entries of those changes, one per changed cell. */
  entries: HistoryEntry[];
  conflicts: CellConflict[];
  applied: number;
  unchanged: number;
}

function conflictOf(edit: CellEdit, stored: StoredLine): CellConflict {
  const change = stored.changes[edit.field];
  return {
    lineId: edit.lineId,
    field: edit.field,
    mine: edit.value,
    theirs: stored[edit.field],
    by: change?.by ?? '',
    at: change?.at ?? '',
    currentRev: stored.rev,
  };
}

/**
 * Applies a batch of cell edits to the current lines, cell by cell (pure):
 * - a cell someone else changed after the editor's `baseRev` is a conflict (both values returned);
 * - edits to other cells of the same line merge;
 * - an edit this save already committed (a retry with the same key) is not applied twice;
 * - the last edit of a cell in a batch wins; a value equal to the stored one changes nothing.
 */
export function mergeEdits(current: ReadonlyMap<string, StoredLine>, edits: readonly CellEdit[], context: SaveContext): MergeResult {
  const lastEdit = new Map<string, CellEdit>();
  for (const edit of edits) lastEdit.set(`${edit.lineId}\u0000${edit.field}`, edit);

  const working = new Map<string, StoredLine>();
  const entries: HistoryEntry[] = [];
  const conflicts: CellConflict[] = [];
  let applied = 0;
  let unchanged = 0;
  for (const edit of lastEdit.values()) {
    const stored = current.get(edit.lineId);
    if (!stored) throw new Error(`mergeEdits: unknown line ${edit.lineId} (validate before merging)`);
    if (context.alreadySaved?.(stored)) {
      // Committed by an earlier attempt of this save; a cell changed since then is someone else's.
      if (stored[edit.field] === edit.value) applied += 1;
      else conflicts.push(conflictOf(edit, stored));
      continue;
    }
    const line = working.get(edit.lineId) ?? stored;
    const value = line[edit.field];
    if (value === edit.value) {
      unchanged += 1;
      continue;
    }
    const change = stored.changes[edit.field];
    if (change && change.rev > edit.baseRev) {
      conflicts.push(conflictOf(edit, stored));
      continue;
    }
    const rev = stored.rev + 1;
    entries.push({
      l: edit.lineId,
      f: edit.field,
      o: value,
      n: edit.value,
      by: context.actor,
      at: context.at,
      a: context.action,
      r: rev,
      s: context.saveId,
    });
    working.set(edit.lineId, {
      ...line,
      [edit.field]: edit.value,
      rev,
      changes: { ...line.changes, [edit.field]: { rev, by: context.actor, at: context.at } },
    });
    applied += 1;
  }
  return { updated: [...working.values()], entries, conflicts, applied, unchanged };
}
