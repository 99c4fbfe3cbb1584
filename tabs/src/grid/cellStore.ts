import type { BudgetLine, CellConflict, EditableField, EditAction } from '@planboard/contracts';
import {
  baseValue,
  cellKey,
  draftDisplay,
  isEditableField,
  splitKey,
  type CellDraft,
  type CellState,
  type PendingCell,
  type RemoteMark,
} from './cells';

/** Which lines changed ('all' after a load): the grid refreshes those rows. */
export type ModelChange = { lineIds: ReadonlySet<string> | 'all' };

/** How a model is set up: whose saves are "mine", the locale for numbers, the undo depth. */
export interface EditModelOptions {
  /** The signed-in user's UPN: their own saves are never shown as "changed by others". */
  me: string;
  /** BCP 47 tag for number parsing (the browser's when omitted). */
  locale?: string;
  /** Undo depth; older steps are dropped. */
  maxUndo?: number;
}

/**
 * The cells of a budget plan, free of DOM and React: the lines as stored (base), the user's
 * unsaved cells (pending, with the revision they started from), cells changed by others since
 * the page loaded (remote) and conflicts reported by the last save. Subclasses add editing
 * ({@link EditHistory}) and server sync ({@link BudgetEditModel}).
 */
export class CellStore {
  protected readonly lines = new Map<string, BudgetLine>();
  protected order: string[] = [];
  protected readonly pending = new Map<string, PendingCell>();
  protected readonly remote = new Map<string, RemoteMark>();
  protected readonly conflictMap = new Map<string, CellConflict>();
  private readonly listeners = new Set<(change: ModelChange) => void>();
  /** Increases with every change (for React's useSyncExternalStore). */
  version = 0;

  constructor(protected readonly options: EditModelOptions) {}

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (change: ModelChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(lineIds: ReadonlySet<string> | 'all'): void {
    this.version += 1;
    for (const listener of this.listeners) listener({ lineIds });
  }

  /** Replaces the stored lines (a full load). Unsaved cells of lines that still exist are kept. */
  load(lines: readonly BudgetLine[]): void {
    this.lines.clear();
    for (const line of lines) this.lines.set(line.lineId, line);
    this.order = lines.map((line) => line.lineId);
    for (const [key, cell] of this.pending) if (!this.lines.has(cell.lineId)) this.pending.delete(key);
    this.remote.clear();
    this.conflictMap.clear();
    this.emit('all');
  }

  /** Line ids in the API's order. */
  lineIds(): readonly string[] {
    return this.order;
  }

  line(lineId: string): BudgetLine | undefined {
    return this.lines.get(lineId);
  }

  /** The draft a cell shows now (pending if changed locally, else the stored value). */
  draft(lineId: string, field: EditableField): CellDraft {
    // Most reads happen with nothing pending (a 50,000-line load): skip building the key.
    const pending = this.pending.size ? this.pending.get(cellKey(lineId, field)) : undefined;
    if (pending) return { value: pending.value, raw: pending.raw, error: pending.error };
    const line = this.lines.get(lineId);
    return { value: line ? baseValue(line, field) : undefined };
  }

  /** What a cell displays: its value, or the rejected text. */
  display(lineId: string, field: EditableField): number | string {
    return draftDisplay(this.draft(lineId, field));
  }

  cellState(lineId: string, field: EditableField): CellState {
    const key = cellKey(lineId, field);
    if (this.conflictMap.has(key)) return 'conflict';
    const pending = this.pending.get(key);
    if (pending) return pending.error !== undefined ? 'invalid' : 'local';
    return this.remote.has(key) ? 'remote' : undefined;
  }

  pendingCell(lineId: string, field: EditableField): PendingCell | undefined {
    return this.pending.get(cellKey(lineId, field));
  }

  remoteMark(lineId: string, field: EditableField): RemoteMark | undefined {
    return this.remote.get(cellKey(lineId, field));
  }

  conflicts(): CellConflict[] {
    return [...this.conflictMap.values()];
  }

  /** Counts for the toolbar: unsaved valid cells, rejected cells, conflicts, cells changed by others. */
  counts(): { unsaved: number; invalid: number; conflicts: number; remote: number } {
    let invalid = 0;
    for (const cell of this.pending.values()) if (cell.error !== undefined) invalid += 1;
    return { unsaved: this.pending.size - invalid, invalid, conflicts: this.conflictMap.size, remote: this.remote.size };
  }

  /** True while anything is unsaved (including rejected input). */
  get dirty(): boolean {
    return this.pending.size > 0;
  }

  /** Sets one cell's draft: no pending entry when it equals the stored value. */
  protected setDraft(lineId: string, field: EditableField, draft: CellDraft, action: EditAction): void {
    const line = this.lines.get(lineId);
    if (!line) return;
    const key = cellKey(lineId, field);
    const existing = this.pending.get(key);
    this.remote.delete(key);
    this.conflictMap.delete(key);
    if (draft.error === undefined && draft.value === baseValue(line, field)) this.pending.delete(key);
    else this.pending.set(key, { lineId, field, ...draft, baseRev: existing?.baseRev ?? line.rev, action });
  }

  /** The unsaved cells, to keep as a draft across navigation. */
  pendingCells(): PendingCell[] {
    return [...this.pending.values()];
  }

  /** Puts back unsaved cells kept from earlier (not an undo step; their base revisions are kept). */
  restore(cells: readonly PendingCell[]): number {
    let restored = 0;
    for (const cell of cells) {
      const line = this.lines.get(cell.lineId);
      if (!line || !isEditableField(cell.field)) continue;
      // Saved meanwhile (the draft outlived its save): nothing left to restore.
      if (cell.error === undefined && cell.value === baseValue(line, cell.field)) continue;
      this.pending.set(cellKey(cell.lineId, cell.field), { ...cell });
      restored += 1;
    }
    if (restored) this.emit('all');
    return restored;
  }

  /** Forgets the "changed by others" marks. */
  clearRemoteMarks(): void {
    const touched = new Set([...this.remote.keys()].map((key) => splitKey(key).lineId));
    this.remote.clear();
    if (touched.size) this.emit(touched);
  }
}
