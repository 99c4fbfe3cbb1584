import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { VerticalStackedBarChart, type VerticalStackedChartProps } from '@fluentui/react-charts';
import type { PerformanceReport } from '@planboard/contracts';
import { themes } from '../../../theme/themes';
import { useThemeName } from '../../../theme/ThemeNameContext';
import { useOpsStyles } from '../opsStyles';
import { ChartOrTable } from './ChartOrTable';
import { bucketLabel, countStatuses, countsByEnvironment, countsSummary, type CountStatus } from './performanceData';

/** Status colours from the active Teams theme (SVG attributes cannot take CSS variables). */
function useStatusColors(): Record<CountStatus, string> {
  const name = useThemeName();
  const theme = themes[name];
  // High contrast has few colours: completed in the text colour, the rest in link and disabled colours.
  if (name === 'contrast')
    return {
      completed: theme.colorNeutralForeground1,
      failed: theme.colorBrandForegroundLink,
      cancelled: theme.colorNeutralForegroundDisabled,
      disabled: theme.colorNeutralForegroundDisabled,
    };
  return {
    completed: theme.colorBrandForeground1,
    failed: theme.colorPaletteRedForeground1,
    cancelled: theme.colorNeutralForeground3,
    disabled: theme.colorPaletteMarigoldForeground1,
  };
}

/** Refresh counts over time, one stacked chart per environment (hourly for 24 hours, daily otherwise). */
export function CountsChart({ report }: { report: PerformanceReport }) {
  const s = useOpsStyles();
  const colors = useStatusColors();
  const groups = countsByEnvironment(report.counts);
  const unit = report.bucket === 'hour' ? 'Hour (UTC)' : 'Day (UTC)';
  const chart =
    groups.length === 0 ? null : (
      <div className={s.stack}>
        {groups.map(([environment, points]) => {
          const data: VerticalStackedChartProps[] = points.map((point) => ({
            // Dates, not labels: the chart spaces the ticks itself instead of writing every hour.
            xAxisPoint: new Date(point.at),
            xAxisCalloutData: bucketLabel(point.at, report.bucket),
            chartData: countStatuses.map((status) => ({ legend: status.label, data: point[status.key], color: colors[status.key] })),
          }));
          return (
            <div key={environment} className={s.chart} data-testid="counts-chart">
              <VerticalStackedBarChart
                data={data}
                chartTitle={`Refreshes in ${environment} by status`}
                height={240}
                yAxisTitle={`Refreshes (${environment})`}
                xAxisTitle={unit}
                hideLabels
                barWidth="auto"
              />
            </div>
          );
        })}
      </div>
    );
  const table = (
    <div className={s.scroll}>
      <Table size="small" aria-label="Refresh counts by status">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{unit}</TableHeaderCell>
            <TableHeaderCell>Environment</TableHeaderCell>
            {countStatuses.map((status) => (
              <TableHeaderCell key={status.key}>{status.label}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.counts
            .filter((point) => countStatuses.some((status) => point[status.key] > 0))
            .map((point) => (
              <TableRow key={`${point.at}|${point.environment}`}>
                <TableCell>{bucketLabel(point.at, report.bucket)}</TableCell>
                <TableCell>{point.environment}</TableCell>
                {countStatuses.map((status) => (
                  <TableCell key={status.key}>{point[status.key]}</TableCell>
                ))}
              </TableRow>
            ))}
        </TableBody>
      </Table>
    </div>
  );
  return <ChartOrTable title="Refreshes over time" summary={countsSummary(report.counts)} chart={chart} table={table} />;
}
