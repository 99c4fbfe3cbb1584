import type { RefreshStatusFilter } from '@planboard/contracts';
import { useState } from 'react';
import { useHistoryPage } from './opsApi';
import { sortRefreshes, type HistorySort, type HistorySortKey } from './historyView';

export const historyPageSize = 20;

/** The history table's state: status filter (on the server), cursor pages, and sorting within a page. */
export function useHistoryTable(datasetId: string) {
  const [status, setStatusState] = useState<RefreshStatusFilter | undefined>(undefined);
  // Cursors of the pages before the one shown (the first page has none).
  const [cursors, setCursors] = useState<string[]>([]);
  const [sort, setSort] = useState<HistorySort>({ key: 'startTime', direction: 'descending' });
  const cursor = cursors[cursors.length - 1];
  const page = useHistoryPage(datasetId, status, cursor, historyPageSize);
  const rows = page.data ? sortRefreshes(page.data.refreshes, sort) : [];
  return {
    page,
    rows,
    status,
    sort,
    pageNumber: cursors.length + 1,
    setStatus(next: RefreshStatusFilter | undefined) {
      setStatusState(next);
      setCursors([]);
    },
    toggleSort(key: HistorySortKey) {
      setSort((current) =>
        current.key === key
          ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
          : { key, direction: key === 'startTime' || key === 'durationMs' ? 'descending' : 'ascending' },
      );
    },
    canNext: Boolean(page.data?.next) && !page.isPlaceholderData,
    canPrevious: cursors.length > 0,
    next() {
      const next = page.data?.next;
      if (next) setCursors((current) => [...current, next]);
    },
    previous() {
      setCursors((current) => current.slice(0, -1));
    },
  };
}
