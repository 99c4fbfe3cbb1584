/**
 * Keeps keyboard focus on the grid's focused cell when RevoGrid's own re-rendering drops it on the
 * page body: closing the editor (Enter blurs its input) or repainting rows after an edit replaces
 * the focused cell's element. Without this, keys (and screen readers) lose their place after every
 * edit. Focus that leaves because the person clicked or tabbed elsewhere is left alone.
 */
export function keepCellFocus(grid: HTMLRevoGridElement): () => void {
  let pointerOutsideAt = 0;
  const timers = new Set<number>();
  const onPointerDown = (event: PointerEvent) => {
    if (!grid.contains(event.target as Node)) pointerOutsideAt = Date.now();
  };
  const restore = async () => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    if (Date.now() - pointerOutsideAt < 500 || grid.querySelector('revogr-edit input')) return;
    const focused = await grid.getFocused();
    if (!focused) return;
    const selector = `revogr-data[type="${focused.rowType}"][col-type="${focused.colType}"] [data-rgrow="${focused.cell.y}"][data-rgcol="${focused.cell.x}"]`;
    const cell = grid.querySelector(selector);
    if (cell instanceof HTMLElement && (document.activeElement === document.body || !document.activeElement)) cell.focus({ preventScroll: true });
  };
  const onFocusOut = (event: FocusEvent) => {
    const target = event.target as HTMLElement;
    // Only focus lost to grid internals: the editor closing, or a focused cell repainted away.
    if (event.relatedTarget || !(target instanceof HTMLInputElement || target.classList.contains('rgCell'))) return;
    for (const delay of [0, 120, 300]) {
      const timer = window.setTimeout(() => {
        timers.delete(timer);
        void restore();
      }, delay);
      timers.add(timer);
    }
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  grid.addEventListener('focusout', onFocusOut);
  return () => {
    document.removeEventListener('pointerdown', onPointerDown, true);
    grid.removeEventListener('focusout', onFocusOut);
    for (const timer of timers) window.clearTimeout(timer);
  };
}
