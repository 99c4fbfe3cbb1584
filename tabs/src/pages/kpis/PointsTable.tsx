import {
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { KpiDataPoint, KpiSummary } from '@planboard/contracts';
import { nameFromUpn, whenText } from '../budget/people';
import { formatValue, periodText, statusWord, targetText } from './kpiFormat';
import { KpiStatusBadge } from './KpiStatus';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  // Columns as wide as their content (Fluent tables are fixed-layout): only the notes wrap.
  table: { minWidth: '720px', tableLayout: 'auto' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numberHeader: { justifyContent: 'flex-end' },
  notes: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: '160px' },
  muted: { color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
});

export interface PointsTableProps {
  kpi: Pick<KpiSummary, 'name' | 'unit' | 'targetType' | 'rangeMin' | 'rangeMax'>;
  /** Newest first. */
  points: readonly KpiDataPoint[];
  /** The signed-in user (their points say "you"). */
  me?: { upn: string; name: string };
}

/** Every data point of a KPI, newest first: period, value, target, status, notes, who recorded it and when. */
export function PointsTable({ kpi, points, me }: PointsTableProps) {
  const s = useStyles();
  return (
    <div className={s.scroll}>
      <Table aria-label={`Data points of ${kpi.name}, newest first`} size="small" className={s.table} data-testid="kpi-points">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Period</TableHeaderCell>
            <TableHeaderCell className={s.number} button={{ className: s.numberHeader }}>
              Value
            </TableHeaderCell>
            <TableHeaderCell>Target</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Notes</TableHeaderCell>
            <TableHeaderCell>Recorded by</TableHeaderCell>
            <TableHeaderCell>When</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {points.map((point) => (
            <TableRow key={`${point.period}-${point.periodStart}`} data-period={point.periodStart} data-status={point.status}>
              <TableCell className={s.nowrap}>{periodText(point.period, point.periodStart)}</TableCell>
              <TableCell className={s.number}>{formatValue(point.value, kpi.unit)}</TableCell>
              <TableCell className={s.nowrap}>
                {kpi.targetType === 'withinRange' || point.target !== undefined ? (
                  targetText(kpi, point.target)
                ) : (
                  <span className={s.muted}>—</span>
                )}
              </TableCell>
              <TableCell>
                <KpiStatusBadge status={point.status} size="small">
                  {statusWord(kpi, point)}
                </KpiStatusBadge>
              </TableCell>
              <TableCell className={s.notes}>{point.notes || <span className={s.muted}>—</span>}</TableCell>
              <TableCell className={s.nowrap}>{nameFromUpn(point.author, me)}</TableCell>
              <TableCell className={s.nowrap}>
                <Caption1>
                  <time dateTime={point.recordedAt}>{whenText(point.recordedAt)}</time>
                </Caption1>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
