/**
 * Keeps keyboard focus on the grid's focused cell when RevoGrid's own re-rendering drops it on the
 * page body: closing the editor (Enter blurs its input) or repainting rows after an edit replaces
 * the focused cell's element. Without this, keys (and screen readers) lose their place after every
 * edit. Focus that leaves because the person clicked or tabbed elsewhere is left alone. Tabbing
 * into the grid lands on its last focused cell (or the first one), so arrow keys work at once.
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
    await focusCellElement(grid, true);
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
  const onFocus = async (event: FocusEvent) => {
    if (event.target !== grid) return;
    if (await grid.getFocused()) await focusCellElement(grid, false);
    else await grid.setCellsFocus({ x: 0, y: 0 }, { x: 0, y: 0 });
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  grid.addEventListener('focusout', onFocusOut);
  grid.addEventListener('focus', onFocus);
  return () => {
    document.removeEventListener('pointerdown', onPointerDown, true);
    grid.removeEventListener('focusout', onFocusOut);
    grid.removeEventListener('focus', onFocus);
    for (const timer of timers) window.clearTimeout(timer);
  };
}

/** Moves DOM focus to the element of the grid's focused cell (with `onlyFromBody`, only if nothing else has focus). */
async function focusCellElement(grid: HTMLRevoGridElement, onlyFromBody: boolean): Promise<void> {
  const focused = await grid.getFocused();
  if (!focused) return;
  const { rowType, colType, cell } = focused;
  const element = grid.querySelector(
    `revogr-data[type="${rowType}"][col-type="${colType}"] [data-rgrow="${cell.y}"][data-rgcol="${cell.x}"]`,
  );
  const fromBody = !document.activeElement || document.activeElement === document.body;
  if (element instanceof HTMLElement && (!onlyFromBody || fromBody)) element.focus({ preventScroll: true });
}
