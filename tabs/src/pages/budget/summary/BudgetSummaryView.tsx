import {
  Caption1,
  Link,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { formatAmount } from '../../../grid/numbers';
import { ApiErrorBar } from '../../../shell/ApiErrorBar';
import { budgetKeys, fetchBudgetSummary } from '../budgetApi';
import { StatusBadge } from '../StatusBadge';
import { blankText, summaryRows, summarySentence } from './summaryRows';
import { useSummaryStyles } from './summaryStyles';

const SummaryChart = lazy(() => import('./SummaryChart').then((module) => ({ default: module.SummaryChart })));

export interface BudgetSummaryViewProps {
  planId: string;
  nameOf(upn: string): string;
  /** Opens one business unit's plan (the grid). */
  onOpen(scopeId: string): void;
}

/** A manager's business units side by side (read-only): status and totals per unit, and a chart. */
export function BudgetSummaryView({ planId, nameOf, onOpen }: BudgetSummaryViewProps) {
  const s = useSummaryStyles();
  const summary = useQuery({ queryKey: budgetKeys.summary(planId), queryFn: ({ signal }) => fetchBudgetSummary(planId, signal) });
  if (summary.isPending) return <Spinner label="Adding up your business units…" />;
  if (summary.isError) return <ApiErrorBar error={summary.error} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />;
  const rows = summaryRows(summary.data);
  const stateOf = (scopeId: string) => summary.data.units.find((unit) => unit.scopeId === scopeId)?.state;
  return (
    <section className={s.root} aria-labelledby="budget-summary-heading" data-testid="budget-summary">
      <Subtitle2 as="h2" id="budget-summary-heading" className={s.heading}>
        All your business units together
      </Subtitle2>
      <Caption1 className={s.muted}>Read-only totals of plan {planId}. Open a business unit to see and edit its lines.</Caption1>
      <div className={s.scroll}>
        <Table aria-label={`Totals of plan ${planId} per business unit`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Business unit</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell className={s.number}>Lines</TableHeaderCell>
              <TableHeaderCell className={s.number}>Budget</TableHeaderCell>
              <TableHeaderCell className={s.number}>Forecast sales</TableHeaderCell>
              <TableHeaderCell className={s.number}>Forecast / budget</TableHeaderCell>
              <TableHeaderCell>Budget still blank</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => {
              const state = stateOf(row.key);
              return (
                <TableRow key={row.key} className={row.isTotal ? s.totalRow : undefined} data-scope={row.key}>
                  <TableCell>
                    {row.isTotal ? (
                      <strong>{row.name}</strong>
                    ) : (
                      <Link as="button" onClick={() => onOpen(row.key)}>
                        {row.name}
                      </Link>
                    )}
                  </TableCell>
                  <TableCell>{state ? <StatusBadge state={state} nameOf={nameOf} compact /> : null}</TableCell>
                  <TableCell className={s.number}>{formatAmount(row.totals.lines)}</TableCell>
                  <TableCell className={s.number}>{formatAmount(row.totals.budgetAmount)}</TableCell>
                  <TableCell className={s.number}>{formatAmount(row.totals.forecastSales)}</TableCell>
                  <TableCell className={s.number}>{row.coverage}</TableCell>
                  <TableCell>{blankText(row.totals)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <Caption1 className={s.muted} data-testid="budget-summary-sentence">
        {summarySentence(summary.data)}
      </Caption1>
      {summary.data.units.length > 0 && (
        <div className={s.chart}>
          {/* The table above carries the same figures in words (the chart's table view). */}
          <Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>
            <SummaryChart summary={summary.data} />
          </Suspense>
        </div>
      )}
    </section>
  );
}
