import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import type { BudgetSummary } from '@planboard/contracts';
import { useMemo } from 'react';
import { formatAmount } from '../../../grid/numbers';
import { themes } from '../../../theme/themes';
import { useThemeName } from '../../../theme/ThemeNameContext';

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/**
 * Budget beside forecast for each business unit (its own chunk: the chart library loads only
 * when a manager opens the side-by-side view). Colours come from the active Teams theme; in high
 * contrast the two series differ by the theme's foreground and link colours.
 */
export function SummaryChart({ summary }: { summary: BudgetSummary }) {
  const themeName = useThemeName();
  const theme = themes[themeName];
  const colors =
    themeName === 'contrast'
      ? { budget: theme.colorNeutralForeground1, forecast: theme.colorBrandForegroundLink }
      : { budget: theme.colorBrandBackground, forecast: theme.colorPaletteTealForeground2 };
  const data = useMemo(
    (): GroupedVerticalBarChartData[] =>
      summary.units.map((unit) => ({
        name: unit.scopeName,
        series: [
          {
            key: 'budget',
            data: unit.totals.budgetAmount,
            legend: 'Budget',
            color: colors.budget,
            yAxisCalloutData: formatAmount(unit.totals.budgetAmount),
          },
          {
            key: 'forecast',
            data: unit.totals.forecastSales,
            legend: 'Forecast sales',
            color: colors.forecast,
            yAxisCalloutData: formatAmount(unit.totals.forecastSales),
          },
        ],
      })),
    [summary, colors.budget, colors.forecast],
  );
  return (
    <GroupedVerticalBarChart
      data={data}
      chartTitle="Budget and forecast sales per business unit"
      height={260}
      // Room for compact amounts ("20.8M") on the axis, and bars wide enough to compare.
      margins={{ left: 64 }}
      yAxisTickFormat={(value: number) => compact.format(value)}
      barWidth="auto"
      maxBarWidth={48}
      hideLabels
    />
  );
}
