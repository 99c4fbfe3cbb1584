/**
 * Fixes what RevoGrid's own accessibility plugin leaves for axe and screen readers: the grid is a
 * `grid` (not a `treegrid`, there is no tree) with a name and instructions; header rows that hold
 * column headers are `row`s; the row-number gutter (decoration, repeated by the status bar in
 * words) and the small attribution link (kept visible, as its licence asks) are hidden from the
 * accessibility tree. Column headers say how they are sorted (`aria-sort`), can be sorted from
 * the keyboard (focusable; Enter sorts, see the grid) and their filter buttons have names.
 * Idempotent and cheap: called after every grid render.
 */
export function patchGridA11y(grid: HTMLElement, label: string, describedBy: string): void {
  setAttr(grid, 'role', 'grid');
  setAttr(grid, 'aria-label', label);
  setAttr(grid, 'aria-describedby', describedBy);
  grid.removeAttribute('aria-keyshortcuts');
  for (const row of grid.querySelectorAll('revogr-header .header-rgRow, revogr-header .group-rgRow')) {
    setAttr(row, 'role', row.querySelector('[role="columnheader"]') ? 'row' : 'presentation');
  }
  // Column headers of the data (not the row-number gutter's corner, which is hidden from screen readers).
  for (const header of grid.querySelectorAll('revogr-viewport-scroll:not([row-header]) revogr-header .header-rgRow .rgHeaderCell'))
    patchHeaderCell(header);
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

/** One column header: its sort state for screen readers, focusable, and a named filter button. */
function patchHeaderCell(header: Element): void {
  const name = header.querySelector('.header-content span, span')?.textContent?.trim() || 'column';
  const sort = header.classList.contains('asc') ? 'ascending' : header.classList.contains('desc') ? 'descending' : 'none';
  setAttr(header, 'aria-sort', sort);
  setAttr(header, 'tabindex', '0');
  const button = header.querySelector('button.rv-filter');
  if (button) {
    setAttr(button, 'type', 'button');
    setAttr(button, 'aria-label', `Filter ${name}`);
    setAttr(button, 'aria-haspopup', 'dialog');
    setAttr(button, 'aria-pressed', button.classList.contains('active') ? 'true' : 'false');
  }
}
