import { useEffect, useState, type RefObject } from 'react';
import type { ColumnProp, Order } from '@revolist/react-datagrid';

/** The sort a user chose (header click), kept so the columns can be rebuilt without losing it. */
export interface SortState {
  prop: ColumnProp;
  order: Order;
}

/**
 * Whether the grid is narrower than its columns need (`naturalWidth`): a side panel is open, or
 * the tab is narrow. Then the editable columns are pinned to the end and the category to the
 * start, so what a user edits is never cut off and each row still says which line it is; the
 * columns in between scroll. Also keeps the user's sort across that change (RevoGrid takes the
 * sort from the columns' `order` when they are set again).
 */
export function usePinnedLayout(root: RefObject<HTMLElement | null>, naturalWidth: number) {
  const [narrow, setNarrow] = useState(false);
  const [sort, setSort] = useState<SortState | null>(null);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const measure = () => setNarrow(element.clientWidth > 0 && element.clientWidth < naturalWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [root, naturalWidth]);

  useEffect(() => {
    const grid = root.current?.querySelector('revo-grid');
    if (!grid) return;
    const onSorting = (event: Event) => {
      const { column, order } = (event as CustomEvent<{ column: { prop: ColumnProp }; order: Order }>).detail;
      setSort(order ? { prop: column.prop, order } : null);
    };
    grid.addEventListener('beforesortingapply', onSorting);
    return () => grid.removeEventListener('beforesortingapply', onSorting);
  }, [root]);

  return { narrow, sort };
}
