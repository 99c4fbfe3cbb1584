import type { EditAction } from '@planboard/contracts';
import { parseTsv, toTsv } from '../tsv';

/**
 * RevoGrid's clipboard, made to behave like Excel's: pasted text is read with {@link parseTsv}
 * (quoted cells with tabs or newlines, no extra row for the trailing newline) and copies are
 * written with {@link toTsv} (cells quoted where needed). `onPaste` is told a paste is starting,
 * so the edit that follows is recorded as a paste. These events bubble up from the grid's inner
 * elements (they are not typed as props of the React wrapper). Returns the cleanup.
 */
export function excelClipboard(grid: HTMLElement, onPaste: (action: EditAction) => void): () => void {
  const onPasteApply = (event: Event) => {
    const detail = (event as CustomEvent<{ dataText?: string; parsed: string[][] }>).detail;
    if (detail.dataText) detail.parsed = parseTsv(detail.dataText);
  };
  const onRangePaste = () => onPaste('paste');
  const onCopyApply = (event: Event) => {
    const detail = (event as CustomEvent<{ event: DataTransfer; data?: unknown[][] }>).detail;
    event.preventDefault();
    detail.event.setData('text/plain', toTsv(detail.data ?? []));
  };
  grid.addEventListener('beforepasteapply', onPasteApply);
  grid.addEventListener('clipboardrangepaste', onRangePaste);
  grid.addEventListener('beforecopyapply', onCopyApply);
  return () => {
    grid.removeEventListener('beforepasteapply', onPasteApply);
    grid.removeEventListener('clipboardrangepaste', onRangePaste);
    grid.removeEventListener('beforecopyapply', onCopyApply);
  };
}
