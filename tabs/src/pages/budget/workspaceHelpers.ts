import type { EditAction } from '@planboard/contracts';
import { useEffect, useRef } from 'react';
import { fieldLabels } from '../../grid/cells';
import type { ApplySummary } from '../../grid/editModel';
import type { Notice } from './WorkspaceMessages';

const cells = (n: number) => (n === 1 ? '1 cell' : `${n} cells`);

/**
 * What to tell the user after typing, pasting or filling: the first rejected cell and why, or how
 * many cells a paste or fill changed, and how many read-only cells it skipped. Null when a plain
 * edit went through (the cell itself shows it).
 */
export function appliedMessage(summary: ApplySummary, action: EditAction, lineText: (lineId: string) => string): Notice | null {
  const skipped = summary.readOnly ? ` ${cells(summary.readOnly)} read-only skipped.` : '';
  if (summary.firstError) {
    const where = `${fieldLabels[summary.firstError.field]}, ${lineText(summary.firstError.lineId)}`;
    const more = summary.invalid > 1 ? ` (${summary.invalid} cells not valid)` : '';
    return { text: `Not valid — ${where}: ${summary.firstError.reason}${more}${skipped}`, intent: 'error' };
  }
  if (action !== 'edit' && summary.changed)
    return { text: `${action === 'paste' ? 'Pasted' : 'Filled'} ${cells(summary.changed)}.${skipped}`, intent: 'info' };
  return skipped ? { text: skipped.trim(), intent: 'warning' } : null;
}

/** Ctrl+S (⌘S) saves from anywhere on the page: the browser's "save page" is not what anyone wants here. */
export function useSaveShortcut(save: () => unknown): void {
  const latest = useRef(save);
  latest.current = save;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void latest.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
