/**
 * Fixes what RevoGrid's own accessibility plugin leaves for axe and screen readers: the grid is a
 * `grid` (not a `treegrid`, there is no tree) with a name and instructions, column headers sit in a
 * `row`, and the small attribution link (kept visible, as its licence asks) is not inside the
 * grid's accessibility tree. Safe to call after every render.
 */
export function patchGridA11y(grid: HTMLElement, label: string, describedBy: string): void {
  if (grid.getAttribute('role') !== 'grid') grid.setAttribute('role', 'grid');
  if (grid.getAttribute('aria-label') !== label) grid.setAttribute('aria-label', label);
  if (grid.getAttribute('aria-describedby') !== describedBy) grid.setAttribute('aria-describedby', describedBy);
  grid.removeAttribute('aria-keyshortcuts');
  for (const row of grid.querySelectorAll('revogr-header .header-rgRow')) if (row.getAttribute('role') !== 'row') row.setAttribute('role', 'row');
  for (const row of grid.querySelectorAll('revogr-header .group-rgRow')) row.setAttribute('role', 'presentation');
  const attribution = grid.querySelector('revogr-attribution');
  if (attribution && attribution.getAttribute('aria-hidden') !== 'true') {
    attribution.setAttribute('aria-hidden', 'true');
    for (const link of attribution.querySelectorAll('a')) link.setAttribute('tabindex', '-1');
  }
}
