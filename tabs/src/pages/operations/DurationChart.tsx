import { Caption1, Subtitle2 } from '@fluentui/react-components';
import { VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { useMemo } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { themes } from '../../theme/themes';
import { useThemeName } from '../../theme/ThemeNameContext';
import { durationPoints, durationSummary } from './historyView';
import { dateTimeText } from './opsFormat';
import { useHistoryChart } from './opsApi';
import { useOpsStyles } from './opsStyles';

/**
 * Refresh duration over the last 30 days, one bar per refresh (Fluent charts; colours from the
 * active Teams theme, as SVG attributes cannot take CSS variables). Failures are red bars (yellow in high
 * contrast) with their own legend entry and callout; the figures are also said in words above the chart.
 */
export function DurationChart({ datasetId, modelName, nowMs }: { datasetId: string; modelName: string; nowMs: number }) {
  const s = useOpsStyles();
  const themeName = useThemeName();
  const theme = themes[themeName];
  // High contrast has one foreground colour for everything but links: failures take the link colour.
  const colors =
    themeName === 'contrast'
      ? { done: theme.colorNeutralForeground1, failed: theme.colorBrandForegroundLink }
      : { done: theme.colorBrandForeground1, failed: theme.colorPaletteRedForeground1 };
  const history = useHistoryChart(datasetId, nowMs);
  const points = useMemo(() => durationPoints(history.data?.refreshes ?? []), [history.data]);
  const data = useMemo(
    (): VerticalBarChartDataPoint[] =>
      points.map((point) => ({
        x: new Date(point.at),
        y: point.minutes,
        legend: point.failed ? 'Failed' : 'Completed',
        color: point.failed ? colors.failed : colors.done,
        xAxisCalloutData: dateTimeText(new Date(point.at).toISOString()),
        yAxisCalloutData: `${point.minutes} min${point.failed ? ' (failed)' : ''}`,
      })),
    [points, colors.done, colors.failed],
  );
  return (
    <section className={s.panel} aria-labelledby="ops-chart-heading">
      <Subtitle2 as="h3" id="ops-chart-heading" className={s.sectionTitle}>
        Duration over the last 30 days
      </Subtitle2>
      {history.isError && <ApiErrorBar error={history.error} onRetry={() => void history.refetch()} />}
      <Caption1 className={s.muted} data-testid="duration-summary">
        {history.data ? durationSummary(points) : 'Loading the history…'}
      </Caption1>
      {points.length > 1 && (
        <div className={s.chart}>
          <VerticalBarChart
            data={data}
            chartTitle={`Refresh duration of ${modelName}`}
            height={260}
            yAxisTitle="Minutes"
            xAxisTitle="Start"
            barWidth={5}
            hideLabels
          />
        </div>
      )}
    </section>
  );
}
