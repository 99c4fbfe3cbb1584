import { Caption1, Subtitle2 } from '@fluentui/react-components';
import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { useMemo } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { themes } from '../../theme/themes';
import { useThemeName } from '../../theme/ThemeNameContext';
import { durationPoints, durationSummary } from './historyView';
import { dateTimeText } from './opsFormat';
import { useHistoryChart } from './opsApi';
import { useOpsStyles } from './opsStyles';

/**
 * Refresh duration over the last 30 days (Fluent charts; colours from the active Teams theme, as
 * SVG attributes cannot take CSS variables). Failures are marked in the danger colour and named
 * in the point's callout; the figures are also said in words below the chart.
 */
export function DurationChart({ datasetId, modelName, nowMs }: { datasetId: string; modelName: string; nowMs: number }) {
  const s = useOpsStyles();
  const theme = themes[useThemeName()];
  const history = useHistoryChart(datasetId, nowMs);
  const points = useMemo(() => durationPoints(history.data?.refreshes ?? []), [history.data]);
  const data = useMemo((): LineChartPoints[] => {
    const series: LineChartPoints[] = [
      {
        legend: 'Duration (minutes)',
        color: theme.colorBrandForeground1,
        data: points.map((point) => ({
          x: new Date(point.at),
          y: point.minutes,
          ...(point.failed ? { markerColor: theme.colorPaletteRedForeground1 } : {}),
          xAxisCalloutData: dateTimeText(new Date(point.at).toISOString()),
          yAxisCalloutData: `${point.minutes} min${point.failed ? ' (failed)' : ''}`,
        })),
      },
    ];
    const failed = points.filter((point) => point.failed);
    if (failed.length > 0)
      series.push({
        legend: 'Failed',
        color: theme.colorPaletteRedForeground1,
        lineOptions: { strokeWidth: 0, strokeOpacity: 0 },
        data: failed.map((point) => ({
          x: new Date(point.at),
          y: point.minutes,
          xAxisCalloutData: dateTimeText(new Date(point.at).toISOString()),
          yAxisCalloutData: `${point.minutes} min (failed)`,
        })),
      });
    return series;
  }, [points, theme]);
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
          <LineChart
            data={{ chartTitle: `Refresh duration of ${modelName}`, lineChartData: data }}
            height={260}
            yAxisTitle="Minutes"
            xAxisTitle="Start"
            yMinValue={0}
          />
        </div>
      )}
    </section>
  );
}
