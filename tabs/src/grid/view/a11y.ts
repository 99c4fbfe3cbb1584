/**
 * Fixes what RevoGrid's own accessibility plugin leaves for axe and screen readers: the grid is a
 * `grid` (not a `treegrid`, there is no tree) with a name and instructions; header rows that hold
 * column headers are `row`s; the row-number gutter (decoration, repeated by the status bar in
 * words) and the small attribution link (kept visible, as its licence asks) are hidden from the
 * accessibility tree. Idempotent and cheap: called after every grid render.
 */
export function patchGridA11y(grid: HTMLElement, label: string, describedBy: string): void {
  setAttr(grid, 'role', 'grid');
  setAttr(grid, 'aria-label', label);
  setAttr(grid, 'aria-describedby', describedBy);
  grid.removeAttribute('aria-keyshortcuts');
  for (const row of grid.querySelectorAll('revogr-header .header-rgRow, revogr-header .group-rgRow')) {
    setAttr(row, 'role', row.querySelector('[role="columnheader"]') ? 'row' : 'presentation');
  }
  for (const gutter of grid.querySelectorAll('revogr-viewport-scroll[row-header]')) setAttr(gutter, 'aria-hidden', 'true');
  const attribution = grid.querySelector('revogr-attribution');
  if (attribution) {
    setAttr(attribution, 'aria-hidden', 'true');
    for (const link of attribution.querySelectorAll('a')) setAttr(link, 'tabindex', '-1');
  }
}

function setAttr(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
