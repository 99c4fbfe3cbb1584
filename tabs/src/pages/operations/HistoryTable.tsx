import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { refreshStatusFilterSchema, type RefreshStatusFilter } from '@planboard/contracts';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import type { HistorySortKey } from './historyView';
import { dateTimeText, durationText, refreshTypeLabel, statusLabel } from './opsFormat';
import { useOpsStyles } from './opsStyles';
import { RefreshStatusBadge } from './StatusBadge';
import { useHistoryTable } from './useHistoryTable';

const columns: { key: HistorySortKey; label: string }[] = [
  { key: 'startTime', label: 'Started' },
  { key: 'durationMs', label: 'Duration' },
  { key: 'status', label: 'Status' },
  { key: 'refreshType', label: 'Type' },
];

/** The stored history of a model: filter by status (server), page by page, sortable by column. */
export function HistoryTable({ datasetId, modelName }: { datasetId: string; modelName: string }) {
  const s = useOpsStyles();
  const table = useHistoryTable(datasetId);
  const { page } = table;
  return (
    <div className={s.stack}>
      <div className={s.toolbar}>
        <Field label="Status" orientation="horizontal">
          <Dropdown
            selectedOptions={[table.status ?? 'all']}
            value={table.status ? statusLabel(table.status) : 'All statuses'}
            onOptionSelect={(_, data) =>
              table.setStatus(data.optionValue === 'all' ? undefined : (data.optionValue as RefreshStatusFilter))
            }
          >
            <Option value="all">All statuses</Option>
            {refreshStatusFilterSchema.options.map((status) => (
              <Option key={status} value={status}>
                {statusLabel(status)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {page.isFetching && <Spinner size="tiny" label="Loading…" />}
      </div>
      {page.isError && <ApiErrorBar error={page.error} onRetry={() => void page.refetch()} />}
      <div className={s.scroll}>
        <Table className={s.table} aria-label={`Refresh history of ${modelName}`} aria-busy={page.isFetching} size="small" sortable>
          <TableHeader>
            <TableRow>
              {columns.map((column) => (
                <TableHeaderCell
                  key={column.key}
                  sortDirection={table.sort.key === column.key ? table.sort.direction : undefined}
                  onClick={() => table.toggleSort(column.key)}
                >
                  {column.label}
                </TableHeaderCell>
              ))}
              <TableHeaderCell>Attempts</TableHeaderCell>
              <TableHeaderCell>Error</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.rows.map((row) => (
              <TableRow key={`${row.startTime}|${row.requestId}`}>
                <TableCell className={s.nowrap}>{dateTimeText(row.startTime)}</TableCell>
                <TableCell className={s.nowrap}>{durationText(row.durationMs)}</TableCell>
                <TableCell>
                  <RefreshStatusBadge status={row.status} />
                </TableCell>
                <TableCell>{refreshTypeLabel(row.refreshType)}</TableCell>
                <TableCell>{row.attempts}</TableCell>
                <TableCell>{row.errorDescription ?? row.errorCode ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {page.data && table.rows.length === 0 && (
        <Caption1 className={s.muted}>
          {table.status
            ? `No ${statusLabel(table.status).toLowerCase()} refreshes stored.`
            : 'No refreshes stored yet. Read the history from Power BI.'}
        </Caption1>
      )}
      <nav className={s.pager} aria-label="History pages">
        <Button icon={<ChevronLeftRegular />} disabled={!table.canPrevious} onClick={table.previous}>
          Newer
        </Button>
        <Caption1 aria-live="polite">Page {table.pageNumber}</Caption1>
        <Button icon={<ChevronRightRegular />} iconPosition="after" disabled={!table.canNext} onClick={table.next}>
          Older
        </Button>
      </nav>
    </div>
  );
}
