import { editActions, editableFields } from '@planboard/contracts';
import type { PendingCell } from './cells';

/** Where drafts are kept: sessionStorage in the browser (per tab, gone when it closes). */
export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The storage key of one user's draft of one plan and business unit. */
export const draftKey = (user: string, planId: string, scopeId: string): string => `planboard.budget.draft|${user}|${planId}|${scopeId}`;

const fields = new Set<string>(editableFields);
const actions = new Set<string>(editActions);

function isPendingCell(value: unknown): value is PendingCell {
  if (!value || typeof value !== 'object') return false;
  const cell = value as Record<string, unknown>;
  const valid = typeof cell.value === 'number' || typeof cell.value === 'string';
  const invalid = typeof cell.raw === 'string' && typeof cell.error === 'string';
  return (
    typeof cell.lineId === 'string' &&
    fields.has(String(cell.field)) &&
    actions.has(String(cell.action)) &&
    typeof cell.baseRev === 'number' &&
    (valid || invalid)
  );
}

/** Keeps unsaved cells so leaving the page (or a failed save) loses nothing; empty removes it. */
export function saveDraft(store: DraftStore, key: string, cells: readonly PendingCell[]): boolean {
  try {
    if (cells.length === 0) store.removeItem(key);
    else store.setItem(key, JSON.stringify({ v: 1, savedAt: new Date().toISOString(), cells }));
    return true;
  } catch {
    // Storage full or unavailable: the draft stays in memory only.
    return false;
  }
}

/** The unsaved cells kept earlier, or none; anything malformed is ignored. */
export function loadDraft(store: DraftStore, key: string): PendingCell[] {
  try {
    const raw = store.getItem(key);
    if (!raw) return [];
    const parsed = JSON.parse(raw) as { v?: number; cells?: unknown };
    if (parsed?.v !== 1 || !Array.isArray(parsed.cells)) return [];
    return parsed.cells.filter(isPendingCell);
  } catch {
    return [];
  }
}
